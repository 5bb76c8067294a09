package dev.tandem.advisory;

import dev.tandem.advisory.cvss.SeverityScore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The advisories merged into {@link Vulnerability vulnerabilities}: advisories whose ids or aliases
 * connect (transitively; {@code related} does not merge) form one vulnerability, which carries
 * the strongest severity of the group and every KEV assertion reached through any CVE id of the
 * group. Immutable; lookups by any id or alias are hash lookups (ids compare case-insensitively).
 *
 * <p>Choices, documented in docs/severity.md and docs/formats/kev.md: withdrawn advisories (and
 * rejected CVE records) are dropped; when the same advisory id appears twice, the record with the latest {@code modified}
 * wins (the first on a tie); the vulnerability id is the group's earliest CVE id, or the lowest
 * advisory id in {@link AdvisoryIdOrder} when the group has no CVE.
 */
public final class AdvisoryDatabase {

    /**
     * Counts for a summary line. {@code advisories}, {@code withdrawn} and {@code duplicates} count
     * OSV advisories; {@code records} the live NVD and CVE records (distinct per feed and id) and
     * {@code rejected} those left out because the CVE was rejected.
     */
    public record Stats(long advisories, long withdrawn, long duplicates, long vulnerabilities, long kevEntries,
            long kevMatched, long unmatchedKev, long records, long rejected) {

        /** Counts of a database without NVD or CVE records. */
        public Stats(long advisories, long withdrawn, long duplicates, long vulnerabilities, long kevEntries,
                long kevMatched, long unmatchedKev) {
            this(advisories, withdrawn, duplicates, vulnerabilities, kevEntries, kevMatched, unmatchedKev, 0, 0);
        }
    }

    /**
     * Severity preference: the more severe rating first, then the higher score, then the newer
     * CVSS version (v4.0, v3.1, v3.0, v2, textual), then document order.
     */
    public static final Comparator<SeverityScore> SEVERITY_PREFERENCE = AdvisoryDatabase::preference;

    private final List<Vulnerability> vulnerabilities;
    private final IdNumbers ids;
    private final Vulnerability[] byNode;
    private final List<String> unmatchedKev;
    private final Stats stats;

    private AdvisoryDatabase(List<Vulnerability> vulnerabilities, IdNumbers ids, Vulnerability[] byNode,
            List<String> unmatchedKev, Stats stats) {
        this.vulnerabilities = vulnerabilities;
        this.ids = ids;
        this.byNode = byNode;
        this.unmatchedKev = unmatchedKev;
        this.stats = stats;
    }

    /**
     * Merges {@code advisories} by alias and joins the KEV entries (CISA and EU) through CVE ids.
     * NVD and CVE records ({@link Advisory#feed()}) join the OSV advisories of their CVE, or form a
     * vulnerability of their own; an OSV advisory and a record with the same id are two sources, not
     * duplicates.
     */
    public static AdvisoryDatabase build(List<Advisory> advisories, List<KevEntry> kev) {
        // Every id is numbered once (IdNumbers: case-blind, nothing allocated per id) and the rest
        // works on those numbers: 500,000 advisories hold a million ids (issue 20). The steps are
        // AliasMerge's.
        AliasMerge.Merged merged = AliasMerge.run(advisories, kev);
        return new AdvisoryDatabase(merged.vulnerabilities(), merged.ids(), merged.byNode(), merged.unmatchedKev(),
                merged.stats());
    }

    /** Every vulnerability, sorted by id in {@link AdvisoryIdOrder}. */
    public List<Vulnerability> vulnerabilities() {
        return vulnerabilities;
    }

    /** The vulnerability an advisory id or alias (any case) belongs to. */
    public Optional<Vulnerability> vulnerabilityFor(String advisoryOrAliasId) {
        if (advisoryOrAliasId == null) {
            return Optional.empty();
        }
        int node = ids.find(advisoryOrAliasId);
        return node < 0 ? Optional.empty() : Optional.of(byNode[node]);
    }

    /** KEV CVE ids (upper case, sorted) that no advisory reaches. */
    public List<String> unmatchedKev() {
        return unmatchedKev;
    }

    public Stats stats() {
        return stats;
    }

    /**
     * The strongest severity the OSV advisories state (record-level and per-package); when they state
     * none, the strongest the NVD and CVE records state; null when no source states one. The result
     * names its source ({@link SeverityScore#source()}): the advisory it came from.
     */
    static SeverityScore strongest(List<Advisory> advisories) {
        SeverityScore best = strongest(advisories, false);
        return best != null ? best : strongest(advisories, true);
    }

    private static SeverityScore strongest(List<Advisory> advisories, boolean records) {
        // Compared unsourced (the preference does not read the source); only the winner is sourced.
        SeverityScore best = null;
        Advisory from = null;
        for (Advisory advisory : advisories) {
            if (advisory.feed().isCveRecord() != records) {
                continue;
            }
            for (SeverityScore score : advisory.severities()) {
                if (best == null || preference(score, best) < 0) {
                    best = score;
                    from = advisory;
                }
            }
            for (AffectedPackage affected : advisory.affected()) {
                for (SeverityScore score : affected.severities()) {
                    if (best == null || preference(score, best) < 0) {
                        best = score;
                        from = advisory;
                    }
                }
            }
        }
        return best == null ? null : sourced(best, from);
    }

    // The order of SEVERITY_PREFERENCE, written out: it runs for every score of every group.
    static int preference(SeverityScore a, SeverityScore b) {
        int rating = Integer.compare(a.rating().ordinal(), b.rating().ordinal());
        if (rating != 0) {
            return rating;
        }
        int score = Double.compare(a.isScored() ? -a.baseScore() : Double.POSITIVE_INFINITY,
                b.isScored() ? -b.baseScore() : Double.POSITIVE_INFINITY);
        return score != 0 ? score : Integer.compare(-cvssGeneration(a), -cvssGeneration(b));
    }

    /** The score with its source: the advisory's feed and id when the score does not say. */
    public static SeverityScore sourced(SeverityScore score, Advisory advisory) {
        return score.source().isEmpty() ? score.withSource(advisory.feed().label() + " " + advisory.id()) : score;
    }

    private static int cvssGeneration(SeverityScore score) {
        if (!score.isScored()) {
            return 0;
        }
        String vector = score.vector().strip();
        if (vector.startsWith("CVSS:4.0/")) {
            return 4;
        }
        if (vector.startsWith("CVSS:3.1/")) {
            return 3;
        }
        if (vector.startsWith("CVSS:3.0/")) {
            return 2;
        }
        return 1;
    }
}
