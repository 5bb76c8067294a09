package dev.tandem.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configurations judged against an inventory: AND/OR, negate, vulnerable versus platform, three-valued. */
class ApplicabilityTest {

    private static final String FIRMWARE = "cpe:2.3:o:tp-link:archer_ax21_firmware:*:*:*:*:*:*:*:*";
    private static final String HARDWARE = "cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*";

    private static ApplicabilityNode leaf(String criteria, boolean vulnerable, VersionBounds bounds) throws Exception {
        return new ApplicabilityNode.Leaf(new CpeMatch(CpeName.parse(criteria), criteria, vulnerable, bounds, ""));
    }

    private static ApplicabilityNode.Group or(ApplicabilityNode... children) {
        return new ApplicabilityNode.Group(Operator.OR, false, List.of(children));
    }

    private static ApplicabilityNode.Group and(ApplicabilityNode... children) {
        return new ApplicabilityNode.Group(Operator.AND, false, List.of(children));
    }

    private static ApplicabilityNode.Group not(ApplicabilityNode... children) {
        return new ApplicabilityNode.Group(Operator.OR, true, List.of(children));
    }

    /** An inventory of names: TRUE when one matches, FALSE when the product is listed but none matches, else UNKNOWN. */
    private static Inventory inventory(String... cpes) throws Exception {
        List<CpeName> names = new ArrayList<>();
        for (String cpe : cpes) {
            names.add(CpeName.parse(cpe));
        }
        return match -> {
            boolean listed = false;
            boolean undecided = false;
            for (CpeName name : names) {
                CpeMatch.Outcome outcome = match.test(name);
                if (outcome instanceof CpeMatch.Outcome.Match) {
                    return Truth.TRUE;
                }
                undecided |= outcome instanceof CpeMatch.Outcome.Undecided;
                listed |= name.productKey().equals(match.name().productKey());
            }
            return undecided || !listed ? Truth.UNKNOWN : Truth.FALSE;
        };
    }

    /** CVE-2023-1389: firmware below 1.1.4 AND the Archer AX21 hardware (vulnerable: false). */
    private static Applicability archer() throws Exception {
        return new Applicability(List.of(and(or(leaf(FIRMWARE, true, new VersionBounds(null, null, null, "1.1.4"))),
                or(leaf(HARDWARE, false, VersionBounds.NONE)))));
    }

    @Test
    void firmwareOnItsHardwareIsAffected() throws Exception {
        String firmware = "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*";
        ApplicabilityVerdict verdict = archer().evaluate(CpeName.parse(firmware), inventory(firmware, HARDWARE));
        assertThat(verdict).isInstanceOf(ApplicabilityVerdict.Affected.class);
        ApplicabilityVerdict.Affected affected = (ApplicabilityVerdict.Affected) verdict;
        assertThat(affected.matched()).extracting(CpeMatch::criteria).containsExactly(FIRMWARE);
        assertThat(affected.platforms()).extracting(CpeMatch::criteria).containsExactly(HARDWARE);
        assertThat(affected.fixedIn()).containsExactly("1.1.4");
    }

    @Test
    void theFixedFirmwareIsNotAffected() throws Exception {
        String firmware = "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.4:*:*:*:*:*:*:*";
        assertThat(archer().evaluate(CpeName.parse(firmware), inventory(firmware, HARDWARE)))
                .isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
    }

    @Test
    void firmwareWithoutItsHardwareInTheSbomIsUndecidedNeverAFindingNorSilence() throws Exception {
        String firmware = "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*";
        assertThat(archer().evaluate(CpeName.parse(firmware), inventory(firmware))).isEqualTo(
                new ApplicabilityVerdict.Undecided("applies only together with " + HARDWARE + ", which the SBOM does not list"));
    }

    @Test
    void firmwareOnOtherHardwareIsNotAffected() throws Exception {
        String firmware = "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*";
        assertThat(archer().evaluate(CpeName.parse(firmware),
                inventory(firmware, "cpe:2.3:h:tp-link:archer_ax21:v2:*:*:*:*:*:*:*")))
                .isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
    }

    @Test
    void theHardwareItselfIsNeverReportedForAPlatformCriterion() throws Exception {
        String firmware = "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*";
        assertThat(archer().evaluate(CpeName.parse(HARDWARE), inventory(firmware, HARDWARE)))
                .isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
    }

    @Test
    void aNegatedNodeExcludesAPlatform() throws Exception {
        Applicability notOnWindows = new Applicability(List.of(and(
                or(leaf("cpe:2.3:a:x:y:*:*:*:*:*:*:*:*", true, VersionBounds.NONE)),
                not(leaf("cpe:2.3:o:microsoft:windows:*:*:*:*:*:*:*:*", false, VersionBounds.NONE)))));
        CpeName y = CpeName.parse("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*");
        assertThat(notOnWindows.evaluate(y, inventory("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*",
                "cpe:2.3:o:microsoft:windows:10:*:*:*:*:*:*:*"))).isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
        assertThat(notOnWindows.evaluate(y, inventory("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*",
                "cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*"))).isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
        // Windows not listed at all: unknown, so undecided.
        assertThat(notOnWindows.evaluate(y, inventory("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*")))
                .isInstanceOf(ApplicabilityVerdict.Undecided.class);
        // A criterion inside a negated node never makes a component vulnerable.
        Applicability negatedVulnerable = new Applicability(List.of(and(
                not(leaf("cpe:2.3:a:x:y:*:*:*:*:*:*:*:*", true, VersionBounds.NONE)))));
        assertThat(negatedVulnerable.evaluate(y, inventory("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*")))
                .isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
    }

    @Test
    void anAlternativeThatHoldsThroughAnotherComponentDoesNotMakeThisOneAffected() throws Exception {
        // OR(AND(A, P1), AND(B, P2)): the component is A; P1 is missing; B and P2 hold through others.
        Applicability twoWays = new Applicability(List.of(or(
                and(or(leaf("cpe:2.3:a:v:a:*:*:*:*:*:*:*:*", true, VersionBounds.NONE)),
                        or(leaf("cpe:2.3:o:v:p1:*:*:*:*:*:*:*:*", false, VersionBounds.NONE))),
                and(or(leaf("cpe:2.3:a:v:b:*:*:*:*:*:*:*:*", true, VersionBounds.NONE)),
                        or(leaf("cpe:2.3:o:v:p2:*:*:*:*:*:*:*:*", false, VersionBounds.NONE))))));
        Inventory inventory = inventory("cpe:2.3:a:v:a:1:*:*:*:*:*:*:*", "cpe:2.3:a:v:b:1:*:*:*:*:*:*:*",
                "cpe:2.3:o:v:p2:1:*:*:*:*:*:*:*");
        assertThat(twoWays.evaluate(CpeName.parse("cpe:2.3:a:v:a:1:*:*:*:*:*:*:*"), inventory))
                .isInstanceOf(ApplicabilityVerdict.Undecided.class);
        assertThat(twoWays.evaluate(CpeName.parse("cpe:2.3:a:v:b:1:*:*:*:*:*:*:*"), inventory))
                .isInstanceOf(ApplicabilityVerdict.Affected.class);
    }

    @Test
    void anAndNodeWithOneCriterionIsThatCriterion() throws Exception {
        // CVE-2021-28039 (NVD 1.1): an AND node with a single cpe_match and no children.
        Applicability single = new Applicability(List.of(and(leaf("cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*", true,
                new VersionBounds("5.9", null, null, "5.11.3")))));
        String kernel = "cpe:2.3:o:linux:linux_kernel:5.10.1:*:*:*:*:*:*:*";
        assertThat(single.evaluate(CpeName.parse(kernel), inventory(kernel))).isInstanceOf(ApplicabilityVerdict.Affected.class);
    }

    @Test
    void aComponentWithoutAVersionIsUndecidedAgainstARange() throws Exception {
        Applicability range = new Applicability(List.of(or(leaf("cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*", true,
                new VersionBounds(null, null, "1.36.1", null)))));
        String busybox = "cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*";
        assertThat(range.evaluate(CpeName.parse(busybox), inventory(busybox))).isEqualTo(new ApplicabilityVerdict.Undecided(
                "the component's CPE states no version, and the criterion is the range up to 1.36.1 (including)"));
    }

    @Test
    void indexesOnlyTheProductsNamedAsVulnerableOutsideNegation() throws Exception {
        assertThat(archer().vulnerableProducts()).containsExactly("o:tp\\-link:archer_ax21_firmware");
        assertThat(Applicability.NONE.evaluate(CpeName.parse(HARDWARE), inventory(HARDWARE)))
                .isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
    }
}
