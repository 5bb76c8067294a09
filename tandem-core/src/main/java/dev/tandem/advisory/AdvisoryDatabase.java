package dev.tandem.advisory;

import dev.tandem.advisory.cvss.SeverityScore;
import java.nio.charset.StandardCharsets;
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
                display[node] = ids.isCve(node) ? ids.cveKey(node) : advisory.id();
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
                    display[other] = ids.isCve(other) ? ids.cveKey(other) : stripped;
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
        long[] cveOrder = new long[groups];
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
            // The earliest CVE: authorities and KEV catalogues speak in CVE ids, and when a group holds
            // several (a CVE and its rejected duplicate, e.g. CVE-2023-4863 and CVE-2023-5129) the first
            // assigned is the one everyone cites. Else the lowest advisory id.
            int cve = earliestCve(ids, display, members, from, to);
            String preferred = cve >= 0 ? display[cve] : lowestId(advisoriesOfGroup);
            cveOrder[g] = cve >= 0 ? ids.cveOrder(cve) : IdNumbers.NOT_CVE;
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
        ids.doneNumbering();
        Vulnerability[] sorted = sortById(vulnerabilities, cveOrder);

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
     * The vulnerabilities in {@link AdvisoryIdOrder}. Ids that {@link CveKey} numbers (half of them
     * in the 500k corpus) are sorted as packed longs ({@code cveOrder}, worked out when the id was
     * numbered); the others by one string each, their sort key, the id and their position (sorted in
     * natural order: no comparator, no object per id); the two runs merged, comparing ids only where
     * the others hold ids that sort among the CVE ids.
     */
    private static Vulnerability[] sortById(Vulnerability[] vulnerabilities, long[] cveOrder) {
        int n = vulnerabilities.length;
        long[] cveKeys = new long[n];
        int[] others = new int[n];
        int cves = 0;
        int otherCount = 0;
        long minYear = Long.MAX_VALUE;
        long maxYear = 0;
        long maxSequence = 0;
        for (int i = 0; i < n; i++) {
            long key = cveOrder[i];
            if (key < 0) {
                others[otherCount++] = i;
            } else {
                cveKeys[cves++] = key;
                minYear = Math.min(minYear, key >>> YEAR_SHIFT);
                maxYear = Math.max(maxYear, key >>> YEAR_SHIFT);
                maxSequence = Math.max(maxSequence, key & SEQUENCE_MASK);
            }
        }
        int indexBits = bits(n);
        int sequenceBits = bits(maxSequence);
        int yearBits = cves == 0 ? 0 : bits(maxYear - minYear);
        if (indexBits + sequenceBits + yearBits > 63) {
            otherCount = 0; // an unusual corpus: every id takes the general path
            for (int i = 0; i < n; i++) {
                others[otherCount++] = i;
            }
            cves = 0;
        } else {
            int c = 0;
            for (int i = 0; i < n; i++) {
                long key = cveOrder[i];
                if (key >= 0) {
                    cveKeys[c++] = ((key >>> YEAR_SHIFT) - minYear) << (sequenceBits + indexBits)
                            | (key & SEQUENCE_MASK) << indexBits | i;
                }
            }
            Arrays.sort(cveKeys, 0, cves);
        }
        long indexMask = (1L << indexBits) - 1;
        Vulnerability[] sortedOthers = sortOthers(vulnerabilities, others, otherCount);

        // Others whose sort key starts "CVE-0" (a CVE id with a digit) may fall among the numbered
        // CVE ids: those are merged one by one; the others before them and after them as they stand.
        int low = otherCount;
        int high = otherCount;
        if (cves > 0) {
            low = firstAtOrAfter(sortedOthers, "CVE-0");
            high = firstAtOrAfter(sortedOthers, "CVE-1");
        }
        Vulnerability[] sorted = new Vulnerability[n];
        int out = 0;
        System.arraycopy(sortedOthers, 0, sorted, out, low);
        out += low;
        int c = 0;
        int o = low;
        while (c < cves || o < high) {
            Vulnerability cve = c < cves ? vulnerabilities[(int) (cveKeys[c] & indexMask)] : null;
            if (cve != null && (o == high || AdvisoryIdOrder.INSTANCE.compare(cve.id(), sortedOthers[o].id()) < 0)) {
                sorted[out++] = cve;
                c++;
            } else {
                sorted[out++] = sortedOthers[o++];
            }
        }
        System.arraycopy(sortedOthers, high, sorted, out, otherCount - high);
        return sorted;
    }

    /** The first of {@code sorted} whose id's sort key is at or after {@code key} (plain string order). */
    private static int firstAtOrAfter(Vulnerability[] sorted, String key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (AdvisoryIdOrder.sortKey(sorted[middle].id()).compareTo(key) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The vulnerabilities at {@code others}, sorted: by strings {@code sortKey \0 id \0 position}, whose
     * natural order is (sort key, id) as long as no id holds a NUL (the separator then sorts first,
     * as a shorter key or id does); else by a comparator.
     */
    private static Vulnerability[] sortOthers(Vulnerability[] vulnerabilities, int[] others, int count) {
        Vulnerability[] sorted = new Vulnerability[count];
        String[] keys = count < 1 << 24 ? new String[count] : null;
        StringBuilder key = new StringBuilder(64);
        byte[] bytes = new byte[256];
        for (int o = 0; keys != null && o < count; o++) {
            String id = vulnerabilities[others[o]].id();
            if (id.indexOf('\u0000') >= 0 || id.length() >= 0xFFFF) {
                keys = null; // would break the string order (a digit run's length is one character)
                break;
            }
            if (bytes.length < 4 * id.length() + 8) {
                bytes = new byte[8 * id.length() + 8];
            }
            int end = AdvisoryIdOrder.sortKeyBytes(id, bytes, 0);
            if (end >= 0) { // ASCII, as nearly every id: the key's bytes written once
                bytes[end++] = 0;
                for (int i = 0; i < id.length(); i++) {
                    bytes[end++] = (byte) id.charAt(i);
                }
                bytes[end++] = 0;
                bytes[end++] = (byte) (o >>> 16);
                bytes[end++] = (byte) (o >>> 8);
                bytes[end++] = (byte) o;
                keys[o] = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            } else {
                key.setLength(0);
                AdvisoryIdOrder.appendSortKey(key, id);
                key.append('\u0000').append(id).append('\u0000')
                        .append((char) (o >>> 16)).append((char) ((o >>> 8) & 0xFF)).append((char) (o & 0xFF));
                keys[o] = key.toString();
            }
        }
        if (keys == null) {
            for (int o = 0; o < count; o++) {
                sorted[o] = vulnerabilities[others[o]];
            }
            Arrays.sort(sorted, Comparator.comparing((Vulnerability v) -> AdvisoryIdOrder.sortKey(v.id()))
                    .thenComparing(Vulnerability::id));
            return sorted;
        }
        Arrays.sort(keys);
        for (int i = 0; i < count; i++) {
            String k = keys[i];
            int length = k.length();
            int o = k.charAt(length - 3) << 16 | k.charAt(length - 2) << 8 | k.charAt(length - 1);
            sorted[i] = vulnerabilities[others[o]];
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

    /** The member that is the earliest CVE id, or -1. */
    private static int earliestCve(IdNumbers ids, String[] display, int[] members, int from, int to) {
        int earliest = -1;
        for (int k = from; k < to; k++) {
            int node = members[k];
            if (ids.isCve(node) && (earliest < 0 || earlier(ids, display, node, earliest))) {
                earliest = node;
            }
        }
        return earliest;
    }

    // Two numbered CVE ids compare as their keys (the same order, no text read); else as texts.
    private static boolean earlier(IdNumbers ids, String[] display, int node, int than) {
        long a = ids.cveOrder(node);
        long b = ids.cveOrder(than);
        if (a >= 0 && b >= 0) {
            return a < b;
        }
        return AdvisoryIdOrder.INSTANCE.compare(display[node], display[than]) < 0;
    }

    private static String lowestId(List<Advisory> advisories) {
        String lowest = null;
        for (Advisory advisory : advisories) {
            if (lowest == null || AdvisoryIdOrder.INSTANCE.compare(advisory.id(), lowest) < 0) {
                lowest = advisory.id();
            }
        }
        return lowest;
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
