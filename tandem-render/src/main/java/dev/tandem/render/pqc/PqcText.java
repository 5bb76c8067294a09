package dev.tandem.render.pqc;

import dev.tandem.pqc.classification.ClassifiedAsset;
import dev.tandem.pqc.plan.AppliedMilestone;
import dev.tandem.pqc.plan.PlanItem;
import dev.tandem.pqc.plan.ProductReadiness;

/** The wording the table, Markdown and HTML renderers share, so the three say the same thing. */
final class PqcText {

    static final String EVIDENCE_LEGEND = "Evidence: 'cbom' = a cryptographic asset listed in a CBOM; "
            + "'sbom-library' = weaker evidence, a crypto library named in an SBOM (the algorithms in use are not stated); "
            + "'cbom-declared-level' = the CBOM's own nistQuantumSecurityLevel for an algorithm the catalog does not know.";
    static final String CONFIDENCE_LEGEND = "Confidence: [V] verified in a primary source, [S] secondary sources, "
            + "[R] recalled (verify), [U] unconfirmed. Dates marked 'unconfirmed' rest on a source whose status is not confirmed.";

    private PqcText() {
    }

    static String classification(ClassifiedAsset asset) {
        return asset.classification().id() + (asset.broken() ? " (broken)" : "");
    }

    static String deadline(PlanItem item) {
        if (item.deadline() == null) {
            return "no date";
        }
        // A date resting on an unconfirmed (U) source is never shown bare, not even in the one-line plan.
        return item.deadline().when() + (item.deadline().unconfirmed() ? " (unconfirmed)" : "");
    }

    static String milestone(AppliedMilestone m) {
        return "[" + m.market() + "] " + m.label() + " [" + m.source().confidence().letter() + "]"
                + (m.unconfirmed() ? " (unconfirmed)" : "");
    }

    static String replacement(PlanItem item) {
        if (item.replacement() != null) {
            return item.replacement();
        }
        return switch (item.asset().classification()) {
            case QUANTUM_RESISTANT -> "none needed";
            case UNKNOWN -> "review: not identified";
            default -> "-";
        };
    }

    static String evidence(ClassifiedAsset asset) {
        return asset.evidence().isWeaker() ? asset.evidence().id() + " (weaker evidence)" : asset.evidence().id();
    }

    static String readiness(ProductReadiness p) {
        String figure = p.readinessPercent() == null ? "n/a" : p.readinessPercent() + "%";
        return figure + " quantum-resistant (" + p.quantumResistant() + " quantum-resistant, " + p.weakened()
                + " weakened, " + p.quantumVulnerable() + " quantum-vulnerable, " + p.unknown() + " unknown)"
                + (p.libraryEvidenceOnly() ? " - library evidence only" : "");
    }
}
