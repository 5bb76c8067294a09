package dev.tandem.vex;

import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Response;
import java.util.Locale;
import java.util.Optional;

/**
 * The mapping tables between the CycloneDX 1.6 analysis vocabulary (Tandem's own) and the statuses,
 * justifications and remediations of OpenVEX 0.2.0 and CSAF 2.0. Sources: CycloneDX 1.6
 * {@code impactAnalysisState}/{@code impactAnalysisJustification}; OpenVEX specification v0.2.0,
 * "Status Labels" and "Status Justifications"; CSAF 2.0 §3.2.3.9 (product_status), §3.2.3.5 (flags,
 * the CISA justification labels) and §3.2.3.12 (remediation categories). The CISA labels are coarser
 * than CycloneDX's: where one label stands for several CycloneDX values the table picks one and the
 * reader keeps the original label in the statement's detail (docs/formats/vex.md).
 */
public final class VexVocabulary {

    private VexVocabulary() {
    }

    /** OpenVEX {@code status} (also CSAF product_status names without {@code known_}) to a CycloneDX state. */
    public static Optional<AnalysisState> stateOfStatus(String status) {
        return Optional.ofNullable(switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "not_affected", "known_not_affected" -> AnalysisState.NOT_AFFECTED;
            case "affected", "known_affected", "first_affected", "last_affected" -> AnalysisState.EXPLOITABLE;
            case "fixed", "first_fixed" -> AnalysisState.RESOLVED;
            case "under_investigation" -> AnalysisState.IN_TRIAGE;
            default -> null;
        });
    }

    /** A CISA/OpenVEX/CSAF justification label (flag) to the CycloneDX justification. */
    public static Optional<Justification> justificationOfLabel(String label) {
        return Optional.ofNullable(switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "component_not_present", "vulnerable_code_not_present" -> Justification.CODE_NOT_PRESENT;
            case "vulnerable_code_not_in_execute_path" -> Justification.CODE_NOT_REACHABLE;
            // Lossy: CycloneDX splits this label into requires_configuration/dependency/environment.
            case "vulnerable_code_cannot_be_controlled_by_adversary" -> Justification.REQUIRES_ENVIRONMENT;
            // Lossy: CycloneDX splits this label into the four protected_* values.
            case "inline_mitigations_already_exist" -> Justification.PROTECTED_BY_MITIGATING_CONTROL;
            default -> null;
        });
    }

    /** The OpenVEX status of a CycloneDX state. */
    public static String openVexStatus(AnalysisState state) {
        return switch (state) {
            case NOT_AFFECTED, FALSE_POSITIVE -> "not_affected";
            case EXPLOITABLE -> "affected";
            case RESOLVED, RESOLVED_WITH_PEDIGREE -> "fixed";
            case IN_TRIAGE -> "under_investigation";
        };
    }

    /** The CSAF product_status list a CycloneDX state puts a product in. */
    public static String csafProductStatus(AnalysisState state) {
        return switch (state) {
            case NOT_AFFECTED, FALSE_POSITIVE -> "known_not_affected";
            case EXPLOITABLE -> "known_affected";
            case RESOLVED, RESOLVED_WITH_PEDIGREE -> "fixed";
            case IN_TRIAGE -> "under_investigation";
        };
    }

    /**
     * The CISA justification label (OpenVEX justification, CSAF flag) of a CycloneDX justification. A
     * false positive without a justification says the matched component is not the vulnerable one:
     * {@code component_not_present}.
     */
    public static String cisaLabel(Justification justification) {
        return switch (justification) {
            case CODE_NOT_PRESENT -> "vulnerable_code_not_present";
            case CODE_NOT_REACHABLE -> "vulnerable_code_not_in_execute_path";
            case REQUIRES_CONFIGURATION, REQUIRES_DEPENDENCY, REQUIRES_ENVIRONMENT ->
                    "vulnerable_code_cannot_be_controlled_by_adversary";
            case PROTECTED_BY_COMPILER, PROTECTED_AT_RUNTIME, PROTECTED_AT_PERIMETER, PROTECTED_BY_MITIGATING_CONTROL ->
                    "inline_mitigations_already_exist";
        };
    }

    /** The CSAF remediation category of a CycloneDX response. */
    public static String csafRemediation(Response response) {
        return switch (response) {
            case UPDATE -> "vendor_fix";
            case WORKAROUND_AVAILABLE -> "workaround";
            case ROLLBACK -> "mitigation";
            case WILL_NOT_FIX -> "no_fix_planned";
            case CAN_NOT_FIX -> "none_available";
        };
    }

    /** The CycloneDX response of a CSAF remediation category, when there is one. */
    public static Optional<Response> responseOfRemediation(String category) {
        return Optional.ofNullable(switch (category.strip().toLowerCase(Locale.ROOT)) {
            case "vendor_fix" -> Response.UPDATE;
            case "workaround" -> Response.WORKAROUND_AVAILABLE;
            case "no_fix_planned" -> Response.WILL_NOT_FIX;
            case "none_available" -> Response.CAN_NOT_FIX;
            default -> null;
        });
    }
}
