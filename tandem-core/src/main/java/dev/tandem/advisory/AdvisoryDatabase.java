package dev.tandem.advisory;

import dev.tandem.advisory.cvss.SeverityScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        // works on those numbers: 500,000 advisories hold a million ids (issue 20).
        int n = advisories.size();
        IdNumbers ids = new IdNumbers(n);

        // One record per feed and id, the latest modified (the first on a tie), kept in the order
        // its id was first met.
        Advisory[] latest = new Advisory[n];
        int[] latestNode = new int[n];
        int[][] slotOfNode = new int[AdvisoryFeed.values().length][];
        int live = 0;
        long withdrawn = 0;
        long rejected = 0;
        long osv = 0;
        long aliasCount = 0;
        for (Advisory advisory : advisories) {
            AdvisoryFeed feed = advisory.feed();
            boolean record = feed.isCveRecord();
            if (advisory.isWithdrawn()) {
                if (record) {
                    rejected++;
                } else {
                    withdrawn++;
                }
                continue;
            }
            if (!record) {
                osv++;
            }
            int node = ids.number(advisory.id()); // below n: at most one new id per advisory here
            int[] slots = slotOfNode[feed.ordinal()];
            if (slots == null) {
                slots = slotOfNode[feed.ordinal()] = new int[n];
            }
            int slot = slots[node];
            if (slot == 0) {
                latest[live] = advisory;
                latestNode[live] = node;
                slots[node] = ++live;
            } else {
                latest[slot - 1] = newer(latest[slot - 1], advisory);
            }
            aliasCount += advisory.aliases().size();
        }
        long liveOsv = 0;
        for (int i = 0; i < live; i++) {
            if (!latest[i].feed().isCveRecord()) {
                liveOsv++;
            }
        }
        long duplicates = osv - liveOsv;
        long records = live - liveOsv;

        // Union-find over the ids of the kept records and their aliases. An id's display form and
        // its place in `order` come from where it is first met in this pass: the record's own id as
        // written, else the alias stripped; a CVE id upper-cased.
        ids.reserve(aliasCount);
        int bound = (int) Math.min(Integer.MAX_VALUE - 16L, ids.size() + aliasCount);
        String[] display = new String[bound];
        int[] parent = new int[bound];
        int[] groupSize = new int[bound];
        int[] order = new int[bound];
        int seen = 0;
        for (int i = 0; i < live; i++) {
            Advisory advisory = latest[i];
            int node = latestNode[i];
            if (display[node] == null) {
                String cve = cveKey(advisory.id().strip());
                display[node] = cve != null ? cve : advisory.id();
                parent[node] = node;
                groupSize[node] = 1;
                order[seen++] = node;
            }
            for (String alias : advisory.aliases()) {
                if (alias.isBlank()) {
                    continue;
                }
                String stripped = alias.strip();
                int other = ids.number(stripped);
                if (other >= display.length) {
                    display = Arrays.copyOf(display, other * 2);
                    parent = Arrays.copyOf(parent, other * 2);
                    groupSize = Arrays.copyOf(groupSize, other * 2);
                    order = Arrays.copyOf(order, other * 2);
                }
                if (display[other] == null) {
                    String cve = cveKey(stripped);
                    display[other] = cve != null ? cve : stripped;
                    parent[other] = other;
                    groupSize[other] = 1;
                    order[seen++] = other;
                }
                union(parent, groupSize, node, other);
            }
        }
        int nodes = ids.size();

        // Groups numbered in order of their first record; every root carries a record, because every
        // id is a record's own id or one of its aliases. Records and ids laid out group by group
        // (counting sort), records in their kept order, ids in the order first met.
        int[] groupOfRoot = new int[nodes]; // group + 1; 0: not a root met yet
        int[] groupOfRecord = new int[live];
        int groups = 0;
        for (int i = 0; i < live; i++) {
            int root = root(parent, latestNode[i]);
            if (groupOfRoot[root] == 0) {
                groupOfRoot[root] = ++groups;
            }
            groupOfRecord[i] = groupOfRoot[root] - 1;
        }
        int[] recordStart = new int[groups + 1];
        for (int i = 0; i < live; i++) {
            recordStart[groupOfRecord[i] + 1]++;
        }
        int[] nodeStart = new int[groups + 1];
        int[] groupOfNode = new int[nodes];
        for (int node = 0; node < nodes; node++) {
            int g = groupOfRoot[root(parent, node)] - 1;
            groupOfNode[node] = g;
            nodeStart[g + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            recordStart[g + 1] += recordStart[g];
            nodeStart[g + 1] += nodeStart[g];
        }
        Advisory[] recordsByGroup = new Advisory[live];
        int[] fill = Arrays.copyOf(recordStart, groups);
        for (int i = 0; i < live; i++) {
            recordsByGroup[fill[groupOfRecord[i]]++] = latest[i];
        }
        int[] members = new int[seen];
        fill = Arrays.copyOf(nodeStart, groups);
        for (int k = 0; k < seen; k++) {
            int node = order[k];
            members[fill[groupOfNode[node]]++] = node;
        }

        // KEV entries by id (one per catalogue), found among the numbered ids.
        Map<String, List<KevEntry>> kevByCve = new HashMap<>();
        for (KevEntry entry : kev) {
            List<KevEntry> entries = kevByCve.computeIfAbsent(key(entry.cveId()), k -> new ArrayList<>());
            if (entries.stream().noneMatch(e -> e.catalog() == entry.catalog())) {
                entries.add(entry);
            }
        }
        @SuppressWarnings("unchecked")
        List<KevEntry>[] kevOfNode = new List[kevByCve.isEmpty() ? 0 : nodes];
        List<String> unmatched = new ArrayList<>();
        long kevMatched = 0;
        for (Map.Entry<String, List<KevEntry>> entry : kevByCve.entrySet()) {
            int node = ids.findKey(entry.getKey());
            if (node >= 0) {
                kevOfNode[node] = entry.getValue();
                kevMatched++;
            } else {
                unmatched.add(entry.getKey());
            }
        }
        unmatched.sort(AdvisoryIdOrder.INSTANCE);

        Vulnerability[] vulnerabilities = new Vulnerability[groups];
        Vulnerability[] byNode = new Vulnerability[nodes];
        String[] scratch = new String[16];
        for (int g = 0; g < groups; g++) {
            int from = nodeStart[g];
            int to = nodeStart[g + 1];
            List<KevEntry> exploited = List.of();
            if (kevOfNode.length > 0) {
                for (int k = from; k < to; k++) {
                    List<KevEntry> entries = kevOfNode[members[k]];
                    if (entries != null) {
                        if (exploited.isEmpty()) {
                            exploited = new ArrayList<>();
                        }
                        exploited.addAll(entries);
                    }
                }
                if (exploited.size() > 1) {
                    exploited.sort(Comparator.comparing(KevEntry::catalog));
                }
            }
            List<Advisory> advisoriesOfGroup = listOf(recordsByGroup, recordStart[g], recordStart[g + 1]);
            String preferred = preferredId(display, members, from, to, advisoriesOfGroup);
            if (to - from > scratch.length) {
                scratch = new String[Math.max(to - from, scratch.length * 2)];
            }
            int count = 0;
            for (int k = from; k < to; k++) {
                String id = display[members[k]];
                if (!id.equalsIgnoreCase(preferred)) {
                    scratch[count++] = id;
                }
            }
            String[] aliases = Arrays.copyOf(scratch, count);
            if (count > 1) {
                Arrays.sort(aliases, AdvisoryIdOrder.INSTANCE);
            }
            Vulnerability vulnerability = new Vulnerability(preferred,
                    SortedIds.ofSorted(aliases, AdvisoryIdOrder.INSTANCE), advisoriesOfGroup,
                    strongest(advisoriesOfGroup), exploited);
            vulnerabilities[g] = vulnerability;
            for (int k = from; k < to; k++) {
                byNode[members[k]] = vulnerability;
            }
        }
        Vulnerability[] sorted = sortById(vulnerabilities);

        Stats stats = new Stats(liveOsv, withdrawn, duplicates, sorted.length, kev.size(), kevMatched,
                unmatched.size(), records, rejected);
        return new AdvisoryDatabase(Collections.unmodifiableList(Arrays.asList(sorted)), ids, byNode,
                List.copyOf(unmatched), stats);
    }

    private static List<Advisory> listOf(Advisory[] advisories, int from, int to) {
        return switch (to - from) {
            case 1 -> List.of(advisories[from]);
            case 2 -> List.of(advisories[from], advisories[from + 1]);
            default -> List.of(Arrays.copyOfRange(advisories, from, to));
        };
    }

    /**
     * The vulnerabilities in {@link AdvisoryIdOrder}. CVE ids that {@link CveKey} numbers (nearly
     * all of them) are sorted as packed longs, the other ids by {@link AdvisoryIdOrder#sortKey}, and
     * the two runs merged: the order of the whole set by sort key, as the comparator gives it.
     */
    private static Vulnerability[] sortById(Vulnerability[] vulnerabilities) {
        int n = vulnerabilities.length;
        long[] cveKeys = new long[n];
        int[] cveIndex = new int[n];
        int[] others = new int[n];
        int cves = 0;
        int otherCount = 0;
        long minYear = Long.MAX_VALUE;
        long maxYear = 0;
        long maxSequence = 0;
        for (int i = 0; i < n; i++) {
            String id = vulnerabilities[i].id();
            long key = id.startsWith("CVE-") ? CveKey.of(id) : -1;
            if (key < 0) {
                others[otherCount++] = i;
            } else {
                cveKeys[cves] = key;
                cveIndex[cves++] = i;
                minYear = Math.min(minYear, key >>> YEAR_SHIFT);
                maxYear = Math.max(maxYear, key >>> YEAR_SHIFT);
                maxSequence = Math.max(maxSequence, key & SEQUENCE_MASK);
            }
        }
        int indexBits = bits(n);
        int sequenceBits = bits(maxSequence);
        int yearBits = cves == 0 ? 0 : bits(maxYear - minYear);
        if (indexBits + sequenceBits + yearBits > 63) {
            for (int c = 0; c < cves; c++) { // an unusual corpus: every id takes the general path
                others[otherCount++] = cveIndex[c];
            }
            cves = 0;
        }
        for (int c = 0; c < cves; c++) {
            long key = cveKeys[c];
            cveKeys[c] = ((key >>> YEAR_SHIFT) - minYear) << (sequenceBits + indexBits)
                    | (key & SEQUENCE_MASK) << indexBits | cveIndex[c];
        }
        Arrays.sort(cveKeys, 0, cves);
        record Keyed(String key, Vulnerability vulnerability) {
        }
        Keyed[] keyed = new Keyed[otherCount];
        for (int o = 0; o < otherCount; o++) {
            Vulnerability vulnerability = vulnerabilities[others[o]];
            keyed[o] = new Keyed(AdvisoryIdOrder.sortKey(vulnerability.id()), vulnerability);
        }
        Arrays.sort(keyed, Comparator.comparing(Keyed::key).thenComparing(k -> k.vulnerability().id()));
        long indexMask = (1L << indexBits) - 1;
        Vulnerability[] sorted = new Vulnerability[n];
        int c = 0;
        int o = 0;
        for (int i = 0; i < n; i++) {
            Vulnerability cve = c < cves ? vulnerabilities[(int) (cveKeys[c] & indexMask)] : null;
            if (cve != null && (o == otherCount
                    || AdvisoryIdOrder.INSTANCE.compare(cve.id(), keyed[o].vulnerability().id()) < 0)) {
                sorted[i] = cve;
                c++;
            } else {
                sorted[i] = keyed[o++].vulnerability();
            }
        }
        return sorted;
    }

    private static final int YEAR_SHIFT = 40;
    private static final long SEQUENCE_MASK = (1L << YEAR_SHIFT) - 1;

    /** Bits that hold every value from 0 to {@code max}. */
    private static int bits(long max) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, max));
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
    private static int preference(SeverityScore a, SeverityScore b) {
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

    private static String preferredId(String[] display, int[] members, int from, int to, List<Advisory> advisories) {
        // The earliest CVE: authorities and KEV catalogues speak in CVE ids, and when a group holds
        // several (a CVE and its rejected duplicate, e.g. CVE-2023-4863 and CVE-2023-5129) the first
        // assigned is the one everyone cites. A CVE id is displayed as its key, and only a CVE id's
        // display starts with "CVE-".
        String preferred = null;
        for (int k = from; k < to; k++) {
            String id = display[members[k]];
            if (id.startsWith("CVE-") && (preferred == null || AdvisoryIdOrder.INSTANCE.compare(id, preferred) < 0)) {
                preferred = id;
            }
        }
        if (preferred != null) {
            return preferred;
        }
        for (Advisory advisory : advisories) {
            if (preferred == null || AdvisoryIdOrder.INSTANCE.compare(advisory.id(), preferred) < 0) {
                preferred = advisory.id();
            }
        }
        return preferred;
    }

    /** The upper-cased key of a stripped id when it is a CVE id, else null. */
    private static String cveKey(String stripped) {
        for (int i = 0; i < stripped.length(); i++) {
            if (stripped.charAt(i) >= 0x80) {
                String key = key(stripped);
                return key.regionMatches(true, 0, "CVE-", 0, 4) ? key : null;
            }
        }
        // ASCII: the key's first four characters are these, upper-cased.
        return stripped.regionMatches(true, 0, "CVE-", 0, 4) ? key(stripped) : null;
    }

    private static Advisory newer(Advisory a, Advisory b) {
        if (a.modified() == null || b.modified() == null) {
            return a;
        }
        return b.modified().isAfter(a.modified()) ? b : a;
    }

    private static String key(String id) {
        return id.toUpperCase(Locale.ROOT);
    }

    // Union-find on int arrays, with path halving and union by size.
    private static int root(int[] parent, int node) {
        int current = node;
        while (parent[current] != current) {
            parent[current] = parent[parent[current]];
            current = parent[current];
        }
        return current;
    }

    private static void union(int[] parent, int[] size, int a, int b) {
        int rootA = root(parent, a);
        int rootB = root(parent, b);
        if (rootA == rootB) {
            return;
        }
        if (size[rootA] < size[rootB]) {
            int swap = rootA;
            rootA = rootB;
            rootB = swap;
        }
        parent[rootB] = rootA;
        size[rootA] += size[rootB];
    }
}
