package dev.tandem.match;

import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.sbom.Component;
import java.util.List;
import java.util.Objects;

/**
 * One vulnerable component: the component, the (alias-merged) vulnerability, which advisories or
 * records matched and by which rule, and the versions that fix it. One finding per component and
 * vulnerability, whether an OSV range, a CPE configuration or both found it.
 *
 * @param packageKey  the OSV package of the match; for a CPE match, ecosystem {@code CPE} and the
 *                    product as {@code part:vendor:product}
 * @param advisoryIds the advisories whose ranges matched (for a CPE match, the CVE records)
 * @param matchedBy   OSV when an OSV range matched (it decides when both did), else CPE
 * @param matchRule   the rule that matched, for the record: {@code "GHSA-…: ECOSYSTEM range [0, 1.2.3)"},
 *                    or the CPE, the record and its criterion
 * @param note        a caveat about the match (e.g. distribution release not given), empty when none
 * @param findingId   the stable id of this product, component and vulnerability, for triage decisions
 * @param cpe         how the component met a CPE configuration; null when no CPE configuration matched
 */
public record Finding(Component component, PackageKey packageKey, Vulnerability vulnerability,
        List<String> advisoryIds, MatchSource matchedBy, String matchRule, List<String> fixedIn, String note,
        FindingId findingId, CpeEvidence cpe) {

    public Finding {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(matchedBy, "matchedBy");
        advisoryIds = List.copyOf(advisoryIds);
        fixedIn = List.copyOf(fixedIn);
        note = note == null ? "" : note;
        matchRule = matchRule == null ? "" : matchRule;
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

    /** The same finding with a CPE match added (an OSV finding a CPE configuration confirms). */
    Finding withCpe(CpeEvidence evidence) {
        return new Finding(component, packageKey, vulnerability, advisoryIds, matchedBy, matchRule, fixedIn, note,
                findingId, evidence);
    }
}
