package dev.tandem.match;

import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.sbom.Component;
import java.util.List;

/**
 * One vulnerable component: the component, the (alias-merged) vulnerability, which advisories
 * matched and by which rule, and the versions that fix it.
 *
 * @param advisoryIds the advisories whose ranges matched (a vulnerability may have several)
 * @param matchedBy   the rule that matched, e.g. {@code "ECOSYSTEM range [0, 1.2.3)"}, for the record
 * @param note        a caveat about the match (e.g. distribution release not given), empty when none
 * @param findingId   the stable id of this product, component and vulnerability, for triage decisions
 */
public record Finding(Component component, PackageKey packageKey, Vulnerability vulnerability,
        List<String> advisoryIds, String matchedBy, List<String> fixedIn, String note, FindingId findingId) {

    public Finding {
        java.util.Objects.requireNonNull(findingId, "findingId");
        advisoryIds = List.copyOf(advisoryIds);
        fixedIn = List.copyOf(fixedIn);
        note = note == null ? "" : note;
    }

    public boolean knownExploited() {
        return vulnerability.knownExploited();
    }

    public List<KevEntry> exploitation() {
        return vulnerability.exploited();
    }

    public Rating rating() {
        return vulnerability.rating();
    }

    /** The strongest severity stated for the vulnerability, or null. */
    public SeverityScore severity() {
        return vulnerability.severity();
    }
}
