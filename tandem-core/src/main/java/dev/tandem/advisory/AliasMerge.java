package dev.tandem.advisory;

import java.nio.charset.StandardCharsets;
import dev.tandem.advisory.cvss.SeverityScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * One run of {@link AdvisoryDatabase#build}: the steps of the alias merge on numbered ids, each a
 * method of its own with a small per-item body (a run happens once per process, so its loops must
 * be compiled early, not as one large method replaced on the stack), the per-group work and the
 * sorts split between the caller and one pool thread (issue 20).
 *
 * <p>The rules are AdvisoryDatabase's (docs/severity.md, docs/formats/osv.md); the output is the same
 * as the plain implementation in AdvisoryDatabaseReferenceTest.
 */
final class AliasMerge {

    /** The merged database's parts, for AdvisoryDatabase's constructor. */
    record Merged(List<Vulnerability> vulnerabilities, IdNumbers ids, Vulnerability[] byNode, List<String> unmatchedKev,
            AdvisoryDatabase.Stats stats) {
    }

    /** Below this many groups the work stays on the caller's thread. */
    private static final int PARALLEL_GROUPS = 2048;

    private final Advisory[] input;
    private final int n;
    private final IdNumbers ids;

    // Step 1: one record per feed and id.
    private final Advisory[] latest;
    private final int[] latestInput; // where the kept record stands in the input
    private final int[] latestNode;
    private final int[][] slotOfNode;
    private int live;
    private long withdrawn;
    private long rejected;
    private long osv;
    private long aliasCount;

    // Step 2: union-find over the ids; display forms and first-met order.
    private String[] display;
    private int[] parent;
    private int[] groupSize;
    private int[] order;
    private int seen;
    private int nodes;

    // Step 3: groups.
    private int groups;
    private int[] recordStart;
    private int[] nodeStart;
    private Advisory[] recordsByGroup;
    private int[] recordInputByGroup;
    private int[] members;

    // Step 4: KEV.
    private List<KevEntry>[] kevOfNode;

    // Each input advisory's strongest score (unsourced), worked out on the pool thread during steps 1 and 2.
    private SeverityScore[] bestOfInput;

    // Step 5: per group.
    private Vulnerability[] vulnerabilities;
    private Vulnerability[] byNode;
    private long[] cveOrder;
    private String[] sortKeys; // per group not named by a numbered CVE id: sort key \0 id \0 group

    private AliasMerge(List<Advisory> advisories) {
        input = advisories.toArray(new Advisory[0]);
        n = input.length;
        // Sized for the ids and their aliases (about three per advisory): the table is not rehashed as it fills.
        ids = new IdNumbers((int) Math.min(Integer.MAX_VALUE / 4, 3L * n));
        latest = new Advisory[n];
        latestInput = new int[n];
        latestNode = new int[n];
        slotOfNode = new int[AdvisoryFeed.values().length][];
    }

    /** Merges {@code advisories} and joins {@code kev}, as {@link AdvisoryDatabase#build} documents. */
    static Merged run(List<Advisory> advisories, List<KevEntry> kev) {
        AliasMerge merge = new AliasMerge(advisories);
        // Each advisory's strongest score depends on nothing the numbering does: the pool thread works
        // it out while this one numbers the ids and links the aliases, which cannot be split.
        ForkJoinTask<SeverityScore[]> bests = merge.n < PARALLEL_GROUPS ? null
                : ForkJoinPool.commonPool().submit(() -> bestOfEach(merge.input));
        merge.keepLatest();
        long liveOsv = merge.liveOsv();
        merge.link();
        merge.group();
        List<String> unmatched = new ArrayList<>();
        long kevMatched = merge.joinKev(kev, unmatched);
        merge.bestOfInput = bests == null ? bestOfEach(merge.input) : bests.join();
        merge.buildVulnerabilities();
        merge.ids.doneNumbering();
        Vulnerability[] sorted = merge.sortById();
        AdvisoryDatabase.Stats stats = new AdvisoryDatabase.Stats(liveOsv, merge.withdrawn, merge.osv - liveOsv,
                sorted.length, kev.size(), kevMatched, unmatched.size(), merge.live - liveOsv, merge.rejected);
        return new Merged(Collections.unmodifiableList(Arrays.asList(sorted)), merge.ids, merge.byNode,
                List.copyOf(unmatched), stats);
    }

    // ---- Step 1: one record per feed and id, the latest modified (the first on a tie), kept in the
    // order its id was first met.

    private void keepLatest() {
        for (int i = 0; i < n; i++) {
            keep(input[i], i);
        }
    }

    private void keep(Advisory advisory, int index) {
        AdvisoryFeed feed = advisory.feed();
        boolean record = feed.isCveRecord();
        if (advisory.isWithdrawn()) {
            if (record) {
                rejected++;
            } else {
                withdrawn++;
            }
            return;
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
            latestInput[live] = index;
            latestNode[live] = node;
            slots[node] = ++live;
        } else if (newer(latest[slot - 1], advisory)) {
            latest[slot - 1] = advisory;
            latestInput[slot - 1] = index;
        }
        aliasCount += advisory.aliases().size();
    }

    private long liveOsv() {
        long count = 0;
        for (int i = 0; i < live; i++) {
            if (!latest[i].feed().isCveRecord()) {
                count++;
            }
        }
        return count;
    }

    /** True when {@code b} replaces the kept {@code a}: both dated and {@code b} later. */
    private static boolean newer(Advisory a, Advisory b) {
        return a.modified() != null && b.modified() != null && b.modified().isAfter(a.modified());
    }

    // ---- Step 2: union-find over the ids of the kept records and their aliases. An id's display form
    // and its place in `order` come from where it is first met here: the record's own id as written,
    // else the alias stripped; a CVE id upper-cased.

    private void link() {
        ids.reserve(aliasCount);
        int bound = (int) Math.min(Integer.MAX_VALUE - 16L, ids.size() + aliasCount);
        display = new String[bound];
        parent = new int[bound];
        groupSize = new int[bound];
        order = new int[bound];
        for (int i = 0; i < live; i++) {
            linkRecord(latest[i], latestNode[i]);
        }
        nodes = ids.size();
    }

    private void linkRecord(Advisory advisory, int node) {
        if (display[node] == null) {
            meet(node, ids.isCve(node) ? ids.cveKey(node) : advisory.id());
        }
        List<String> aliases = advisory.aliases();
        for (int a = 0, count = aliases.size(); a < count; a++) {
            linkAlias(node, aliases.get(a));
        }
    }

    private void linkAlias(int node, String alias) {
        if (alias.isBlank()) {
            return;
        }
        String stripped = alias.strip();
        int other = ids.number(stripped);
        if (other >= display.length) {
            grow(other * 2);
        }
        if (display[other] == null) {
            meet(other, ids.isCve(other) ? ids.cveKey(other) : stripped);
        }
        union(node, other);
    }

    private void meet(int node, String form) {
        display[node] = form;
        parent[node] = node;
        groupSize[node] = 1;
        order[seen++] = node;
    }

    private void grow(int size) {
        display = Arrays.copyOf(display, size);
        parent = Arrays.copyOf(parent, size);
        groupSize = Arrays.copyOf(groupSize, size);
        order = Arrays.copyOf(order, size);
    }

    // Union-find on int arrays, with path halving and union by size.
    private int root(int node) {
        int[] up = parent;
        int current = node;
        while (up[current] != current) {
            up[current] = up[up[current]];
            current = up[current];
        }
        return current;
    }

    private void union(int a, int b) {
        int rootA = root(a);
        int rootB = root(b);
        if (rootA == rootB) {
            return;
        }
        if (groupSize[rootA] < groupSize[rootB]) {
            int swap = rootA;
            rootA = rootB;
            rootB = swap;
        }
        parent[rootB] = rootA;
        groupSize[rootA] += groupSize[rootB];
    }

    // ---- Step 3: groups numbered in order of their first record; every root carries a record, because
    // every id is a record's own id or one of its aliases. Records and ids laid out group by group
    // (counting sort), records in their kept order, ids in the order first met.

    private void group() {
        int[] groupOfRoot = new int[nodes]; // group + 1; 0: not a root met yet
        int[] groupOfRecord = new int[live];
        for (int i = 0; i < live; i++) {
            int root = root(latestNode[i]);
            if (groupOfRoot[root] == 0) {
                groupOfRoot[root] = ++groups;
            }
            groupOfRecord[i] = groupOfRoot[root] - 1;
        }
        recordStart = new int[groups + 1];
        for (int i = 0; i < live; i++) {
            recordStart[groupOfRecord[i] + 1]++;
        }
        nodeStart = new int[groups + 1];
        int[] groupOfNode = new int[nodes];
        for (int node = 0; node < nodes; node++) {
            int g = groupOfRoot[root(node)] - 1;
            groupOfNode[node] = g;
            nodeStart[g + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            recordStart[g + 1] += recordStart[g];
            nodeStart[g + 1] += nodeStart[g];
        }
        recordsByGroup = new Advisory[live];
        recordInputByGroup = new int[live];
        int[] fill = Arrays.copyOf(recordStart, groups);
        for (int i = 0; i < live; i++) {
            int at = fill[groupOfRecord[i]]++;
            recordsByGroup[at] = latest[i];
            recordInputByGroup[at] = latestInput[i];
        }
        members = new int[seen];
        fill = Arrays.copyOf(nodeStart, groups);
        for (int k = 0; k < seen; k++) {
            int node = order[k];
            members[fill[groupOfNode[node]]++] = node;
        }
        parent = null;
        groupSize = null;
        order = null;
    }

    // ---- Step 4: KEV entries by id (one per catalogue), found among the numbered ids.

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long joinKev(List<KevEntry> kev, List<String> unmatched) {
        Map<String, List<KevEntry>> kevByCve = new HashMap<>();
        for (KevEntry entry : kev) {
            List<KevEntry> entries = kevByCve.computeIfAbsent(entry.cveId().toUpperCase(Locale.ROOT),
                    k -> new ArrayList<>());
            if (entries.stream().noneMatch(e -> e.catalog() == entry.catalog())) {
                entries.add(entry);
            }
        }
        kevOfNode = new List[kevByCve.isEmpty() ? 0 : nodes];
        long matched = 0;
        for (Map.Entry<String, List<KevEntry>> entry : kevByCve.entrySet()) {
            int node = ids.findKey(entry.getKey());
            if (node >= 0) {
                kevOfNode[node] = entry.getValue();
                matched++;
            } else {
                unmatched.add(entry.getKey());
            }
        }
        unmatched.sort(AdvisoryIdOrder.INSTANCE);
        return matched;
    }

    // ---- Step 5: one vulnerability per group, the groups split between two threads (each writes only
    // its own groups' slots and its groups' ids' slots in byNode).

    private void buildVulnerabilities() {
        vulnerabilities = new Vulnerability[groups];
        byNode = new Vulnerability[nodes];
        cveOrder = new long[groups];
        sortKeys = groups < 1 << 24 ? new String[groups] : null;
        if (groups < PARALLEL_GROUPS) {
            new GroupWork().build(0, groups);
            return;
        }
        int half = groups >>> 1;
        ForkJoinTask<?> other = ForkJoinPool.commonPool().submit(() -> new GroupWork().build(half, groups));
        new GroupWork().build(0, half);
        other.join();
    }

    /** One thread's share of step 5, with its own scratch space. */
    private final class GroupWork {

        private String[] scratch = new String[16];
        private final byte[] bytes = new byte[1024];
        private final StringBuilder key = new StringBuilder(64);

        void build(int from, int to) {
            for (int g = from; g < to; g++) {
                vulnerability(g);
            }
        }

        private void vulnerability(int g) {
            int from = nodeStart[g];
            int to = nodeStart[g + 1];
            List<Advisory> advisoriesOfGroup = listOf(recordsByGroup, recordStart[g], recordStart[g + 1]);
            // The earliest CVE: authorities and KEV catalogues speak in CVE ids, and when a group holds
            // several (a CVE and its rejected duplicate, e.g. CVE-2023-4863 and CVE-2023-5129) the first
            // assigned is the one everyone cites. Else the lowest advisory id.
            int cve = earliestCve(from, to);
            String preferred = cve >= 0 ? display[cve] : lowestId(advisoriesOfGroup);
            long packed = cve >= 0 ? ids.cveOrder(cve) : IdNumbers.NOT_CVE;
            cveOrder[g] = packed;
            if (packed < 0 && sortKeys != null) {
                sortKeys[g] = sortKey(preferred, g);
            }
            Vulnerability vulnerability = new Vulnerability(preferred, aliases(from, to, preferred), advisoriesOfGroup,
                    strongest(recordStart[g], recordStart[g + 1]), exploited(from, to));
            vulnerabilities[g] = vulnerability;
            for (int k = from; k < to; k++) {
                byNode[members[k]] = vulnerability;
            }
        }

        private List<KevEntry> exploited(int from, int to) {
            if (kevOfNode.length == 0) {
                return List.of();
            }
            List<KevEntry> exploited = List.of();
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
            return exploited;
        }

        private SortedSet<String> aliases(int from, int to, String preferred) {
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
            return SortedIds.ofSorted(aliases, AdvisoryIdOrder.INSTANCE);
        }

        /**
         * {@code sortKey \0 id \0 g} (g in three characters), whose natural order is (sort key, id) as
         * long as no id holds a NUL (the separator then sorts first, as a shorter key or id does);
         * null when the id holds a NUL or is too long, which sends every id to the comparator sort.
         */
        private String sortKey(String id, int g) {
            if (id.indexOf('\u0000') >= 0 || id.length() >= 0xFFFF) {
                return null; // would break the string order (a digit run's length is one character)
            }
            if (4 * id.length() + 8 <= bytes.length) {
                int end = AdvisoryIdOrder.sortKeyBytes(id, bytes, 0);
                if (end >= 0) { // ASCII, as nearly every id: the key's bytes written once
                    bytes[end++] = 0;
                    for (int i = 0; i < id.length(); i++) {
                        bytes[end++] = (byte) id.charAt(i);
                    }
                    bytes[end++] = 0;
                    bytes[end++] = (byte) (g >>> 16);
                    bytes[end++] = (byte) (g >>> 8);
                    bytes[end++] = (byte) g;
                    return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                }
            }
            key.setLength(0);
            AdvisoryIdOrder.appendSortKey(key, id);
            key.append('\u0000').append(id).append('\u0000')
                    .append((char) (g >>> 16)).append((char) ((g >>> 8) & 0xFF)).append((char) (g & 0xFF));
            return key.toString();
        }
    }

    /**
     * {@link AdvisoryDatabase#strongest} of the group's records from their precomputed scores: the
     * strongest of the OSV advisories' (the first on a tie, as a scan of every score in order finds),
     * else of the NVD and CVE records'; sourced from the record it came from.
     */
    private SeverityScore strongest(int fromRecord, int toRecord) {
        for (int pass = 0; pass < 2; pass++) {
            boolean records = pass == 1;
            SeverityScore best = null;
            int from = -1;
            for (int r = fromRecord; r < toRecord; r++) {
                SeverityScore score = bestOfInput[recordInputByGroup[r]];
                if (score != null && recordsByGroup[r].feed().isCveRecord() == records
                        && (best == null || AdvisoryDatabase.preference(score, best) < 0)) {
                    best = score;
                    from = r;
                }
            }
            if (best != null) {
                return AdvisoryDatabase.sourced(best, recordsByGroup[from]);
            }
        }
        return null;
    }

    /** Per advisory, its strongest score (record-level, then per-package; the first on a tie), unsourced. */
    private static SeverityScore[] bestOfEach(Advisory[] advisories) {
        SeverityScore[] best = new SeverityScore[advisories.length];
        for (int i = 0; i < advisories.length; i++) {
            best[i] = bestOf(advisories[i]);
        }
        return best;
    }

    private static SeverityScore bestOf(Advisory advisory) {
        SeverityScore best = null;
        for (SeverityScore score : advisory.severities()) {
            if (best == null || AdvisoryDatabase.preference(score, best) < 0) {
                best = score;
            }
        }
        List<AffectedPackage> affected = advisory.affected();
        for (int a = 0, count = affected.size(); a < count; a++) {
            for (SeverityScore score : affected.get(a).severities()) {
                if (best == null || AdvisoryDatabase.preference(score, best) < 0) {
                    best = score;
                }
            }
        }
        return best;
    }

    private static List<Advisory> listOf(Advisory[] advisories, int from, int to) {
        return switch (to - from) {
            case 1 -> List.of(advisories[from]);
            case 2 -> List.of(advisories[from], advisories[from + 1]);
            default -> List.of(Arrays.copyOfRange(advisories, from, to));
        };
    }

    /** The member that is the earliest CVE id, or -1. */
    private int earliestCve(int from, int to) {
        int earliest = -1;
        for (int k = from; k < to; k++) {
            int node = members[k];
            if (ids.isCve(node) && (earliest < 0 || earlier(node, earliest))) {
                earliest = node;
            }
        }
        return earliest;
    }

    // Two numbered CVE ids compare as their keys (the same order, no text read); else as texts.
    private boolean earlier(int node, int than) {
        long a = ids.cveOrder(node);
        long b = ids.cveOrder(than);
        if (a >= 0 && b >= 0) {
            return a < b;
        }
        return AdvisoryIdOrder.INSTANCE.compare(display[node], display[than]) < 0;
    }

    private static String lowestId(List<Advisory> advisories) {
        String lowest = null;
        for (int i = 0, count = advisories.size(); i < count; i++) {
            String id = advisories.get(i).id();
            if (lowest == null || AdvisoryIdOrder.INSTANCE.compare(id, lowest) < 0) {
                lowest = id;
            }
        }
        return lowest;
    }

    // ---- Step 6: the vulnerabilities in AdvisoryIdOrder. Ids that CveKey numbers (half of them in the
    // 500k corpus) are sorted as packed longs (cveOrder, worked out when the id was numbered); the
    // others by their key strings (step 5) in natural order, no comparator, no object per id, the two
    // halves sorted on two threads and merged; then the two runs merged, comparing ids only where the
    // others hold ids that sort among the CVE ids.

    private static final int YEAR_SHIFT = 40;
    private static final long SEQUENCE_MASK = (1L << YEAR_SHIFT) - 1;

    private Vulnerability[] sortById() {
        long[] cveKeys = new long[groups];
        int[] others = new int[groups];
        int cves = 0;
        int otherCount = 0;
        long minYear = Long.MAX_VALUE;
        long maxYear = 0;
        long maxSequence = 0;
        for (int g = 0; g < groups; g++) {
            long key = cveOrder[g];
            if (key < 0) {
                others[otherCount++] = g;
            } else {
                cves++;
                minYear = Math.min(minYear, key >>> YEAR_SHIFT);
                maxYear = Math.max(maxYear, key >>> YEAR_SHIFT);
                maxSequence = Math.max(maxSequence, key & SEQUENCE_MASK);
            }
        }
        int indexBits = bits(groups);
        int sequenceBits = bits(maxSequence);
        int yearBits = cves == 0 ? 0 : bits(maxYear - minYear);
        boolean packed = indexBits + sequenceBits + yearBits <= 63;
        if (!packed) {
            otherCount = 0; // an unusual corpus: every id takes the general path
            for (int g = 0; g < groups; g++) {
                others[otherCount++] = g;
            }
            cves = 0;
        } else {
            int c = 0;
            for (int g = 0; g < groups; g++) {
                long key = cveOrder[g];
                if (key >= 0) {
                    cveKeys[c++] = ((key >>> YEAR_SHIFT) - minYear) << (sequenceBits + indexBits)
                            | (key & SEQUENCE_MASK) << indexBits | g;
                }
            }
        }
        Vulnerability[] sortedOthers = sortOthers(others, otherCount, !packed, cveKeys, cves);
        long indexMask = (1L << indexBits) - 1;

        // Others whose sort key starts "CVE-0" (a CVE id with a digit) may fall among the numbered
        // CVE ids: those are merged one by one; the others before them and after them as they stand.
        int low = otherCount;
        int high = otherCount;
        if (cves > 0) {
            low = firstAtOrAfter(sortedOthers, "CVE-0");
            high = firstAtOrAfter(sortedOthers, "CVE-1");
        }
        Vulnerability[] sorted = new Vulnerability[groups];
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

    /**
     * The vulnerabilities of the groups at {@code others}, sorted by their key strings (the two halves
     * on two threads, one of which sorts {@code cveKeys} first, then merged); by a comparator when a
     * group has no key string or {@code general}.
     */
    private Vulnerability[] sortOthers(int[] others, int count, boolean general, long[] cveKeys, int cves) {
        Vulnerability[] sorted = new Vulnerability[count];
        String[] keys = general || sortKeys == null ? null : new String[count];
        for (int o = 0; keys != null && o < count; o++) {
            keys[o] = sortKeys[others[o]];
            if (keys[o] == null) {
                keys = null;
            }
        }
        sortKeys = null;
        if (keys == null) {
            for (int o = 0; o < count; o++) {
                sorted[o] = vulnerabilities[others[o]];
            }
            Arrays.sort(cveKeys, 0, cves);
            Arrays.sort(sorted, Comparator.comparing((Vulnerability v) -> AdvisoryIdOrder.sortKey(v.id()))
                    .thenComparing(Vulnerability::id));
            return sorted;
        }
        String[] inOrder = sortKeys(keys, cveKeys, cves);
        for (int i = 0; i < count; i++) {
            String k = inOrder[i];
            int length = k.length();
            int g = k.charAt(length - 3) << 16 | k.charAt(length - 2) << 8 | k.charAt(length - 1);
            sorted[i] = vulnerabilities[g];
        }
        return sorted;
    }

    /** {@code keys} sorted (in natural order) and {@code cveKeys} up to {@code cves} sorted, on two threads when large. */
    private static String[] sortKeys(String[] keys, long[] cveKeys, int cves) {
        int count = keys.length;
        if (count + cves < 2 * PARALLEL_GROUPS) {
            Arrays.sort(cveKeys, 0, cves);
            Arrays.sort(keys);
            return keys;
        }
        int half = count >>> 1;
        ForkJoinTask<?> other = ForkJoinPool.commonPool().submit(() -> {
            Arrays.sort(cveKeys, 0, cves);
            Arrays.sort(keys, 0, half);
        });
        Arrays.sort(keys, half, count);
        other.join();
        String[] merged = new String[count];
        int a = 0;
        int b = half;
        int out = 0;
        while (a < half && b < count) {
            merged[out++] = keys[a].compareTo(keys[b]) <= 0 ? keys[a++] : keys[b++];
        }
        while (a < half) {
            merged[out++] = keys[a++];
        }
        while (b < count) {
            merged[out++] = keys[b++];
        }
        return merged;
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

    /** Bits that hold every value from 0 to {@code max}. */
    private static int bits(long max) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, max));
    }
}
