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
import java.util.TreeSet;
import java.util.stream.IntStream;

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
    public static final Comparator<SeverityScore> SEVERITY_PREFERENCE = Comparator
            .comparingInt((SeverityScore s) -> s.rating().ordinal())
            .thenComparing((SeverityScore s) -> s.isScored() ? -s.baseScore() : Double.POSITIVE_INFINITY)
            .thenComparingInt(s -> -cvssGeneration(s));

    private final List<Vulnerability> vulnerabilities;
    /** Every id and alias key, and the group (index into {@code groupVulnerabilities}) it belongs to. */
    private String[] idKeys;
    private int[] groupOfId;
    private Vulnerability[] groupVulnerabilities;
    /** Lookups by id, made on the first lookup: a build that only writes the database never needs them. */
    private volatile Map<String, Vulnerability> byId;
    private final List<String> unmatchedKev;
    private final Stats stats;

    private AdvisoryDatabase(List<Vulnerability> vulnerabilities, String[] idKeys, int[] groupOfId,
            Vulnerability[] groupVulnerabilities, List<String> unmatchedKev, Stats stats) {
        this.vulnerabilities = vulnerabilities;
        this.idKeys = idKeys;
        this.groupOfId = groupOfId;
        this.groupVulnerabilities = groupVulnerabilities;
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
        long withdrawn = 0;
        long rejected = 0;
        long osv = 0;
        // The upper-cased keys of every id and alias, worked out on every core before the serial merge.
        String[][] keys = new String[advisories.size()][];
        IntStream.range(0, keys.length).parallel().forEach(i -> keys[i] = keysOf(advisories.get(i)));
        Map<String, Integer> latestIndex = new HashMap<>(Math.max(16, advisories.size() * 2));
        List<Integer> latest = new ArrayList<>(advisories.size()); // advisory positions, in order of first id
        for (int i = 0; i < advisories.size(); i++) {
            Advisory advisory = advisories.get(i);
            boolean record = advisory.feed().isCveRecord();
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
            String unique = record ? advisory.feed().name() + "\u0000" + keys[i][0] : keys[i][0];
            Integer slot = latestIndex.putIfAbsent(unique, latest.size());
            if (slot == null) {
                latest.add(i);
            } else if (newer(advisories.get(latest.get(slot)), advisory) == advisory) {
                latest.set(slot, i);
            }
        }
        long liveOsv = 0;
        for (int i : latest) {
            if (!advisories.get(i).feed().isCveRecord()) {
                liveOsv++;
            }
        }
        long duplicates = osv - liveOsv;
        long records = latest.size() - liveOsv;

        IdGraph graph = new IdGraph(Math.max(16, latest.size() * 2));
        int[] nodeOf = new int[latest.size()];
        for (int l = 0; l < latest.size(); l++) {
            Advisory advisory = advisories.get(latest.get(l));
            String[] advisoryKeys = keys[latest.get(l)];
            int node = graph.node(advisoryKeys[0], advisory.id());
            nodeOf[l] = node;
            List<String> aliases = advisory.aliases();
            for (int a = 0; a < aliases.size(); a++) {
                if (advisoryKeys[a + 1] != null) {
                    graph.union(node, graph.node(advisoryKeys[a + 1], aliases.get(a).strip()));
                }
            }
        }

        // Groups numbered in order of their first advisory; every node's root carries an advisory,
        // because every id is either an advisory's own id or one of its aliases.
        int nodes = graph.size();
        int[] groupOfRoot = new int[nodes];
        Arrays.fill(groupOfRoot, -1);
        List<List<Advisory>> groupAdvisories = new ArrayList<>();
        for (int l = 0; l < latest.size(); l++) {
            int root = graph.root(nodeOf[l]);
            if (groupOfRoot[root] < 0) {
                groupOfRoot[root] = groupAdvisories.size();
                groupAdvisories.add(new ArrayList<>(1));
            }
            groupAdvisories.get(groupOfRoot[root]).add(advisories.get(latest.get(l)));
        }
        int groups = groupAdvisories.size();
        // Each group's nodes in node order, as one array cut by offsets.
        int[] groupStart = new int[groups + 1];
        int[] groupOfNode = new int[nodes];
        for (int node = 0; node < nodes; node++) {
            groupOfNode[node] = groupOfRoot[graph.root(node)];
            groupStart[groupOfNode[node] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        int[] groupNodes = new int[nodes];
        int[] filled = Arrays.copyOf(groupStart, groups);
        for (int node = 0; node < nodes; node++) {
            groupNodes[filled[groupOfNode[node]]++] = node;
        }

        Map<String, List<KevEntry>> kevByCve = new HashMap<>();
        for (KevEntry entry : kev) {
            List<KevEntry> entries = kevByCve.computeIfAbsent(key(entry.cveId()), k -> new ArrayList<>());
            if (entries.stream().noneMatch(e -> e.catalog() == entry.catalog())) {
                entries.add(entry);
            }
        }

        // Every group becomes its vulnerability on its own: on every core.
        Vulnerability[] built = new Vulnerability[groups];
        int[] matchedOfGroup = new int[groups];
        IntStream.range(0, groups).parallel().forEach(g -> {
            List<KevEntry> exploited = List.of();
            for (int m = groupStart[g]; m < groupStart[g + 1]; m++) {
                List<KevEntry> entries = kevByCve.get(graph.key(groupNodes[m]));
                if (entries != null) {
                    if (exploited.isEmpty()) {
                        exploited = new ArrayList<>();
                    }
                    exploited.addAll(entries);
                    matchedOfGroup[g]++;
                }
            }
            if (exploited.size() > 1) {
                exploited.sort(Comparator.comparing(KevEntry::catalog));
            }
            List<Advisory> advisoriesOfGroup = groupAdvisories.get(g);
            String preferred = preferredId(graph, groupNodes, groupStart[g], groupStart[g + 1], advisoriesOfGroup);
            TreeSet<String> aliases = new TreeSet<>(AdvisoryIdOrder.INSTANCE);
            for (int m = groupStart[g]; m < groupStart[g + 1]; m++) {
                if (!graph.display(groupNodes[m]).equalsIgnoreCase(preferred)) {
                    aliases.add(graph.display(groupNodes[m]));
                }
            }
            built[g] = new Vulnerability(preferred, aliases, advisoriesOfGroup, strongest(advisoriesOfGroup), exploited);
        });
        long kevMatched = 0;
        for (int g = 0; g < groups; g++) {
            kevMatched += matchedOfGroup[g];
        }
        List<Vulnerability> vulnerabilities = sortById(built);

        List<String> unmatched = new ArrayList<>();
        for (String cve : kevByCve.keySet()) {
            if (!graph.contains(cve)) {
                unmatched.add(cve);
            }
        }
        unmatched.sort(AdvisoryIdOrder.INSTANCE);
        Stats stats = new Stats(liveOsv, withdrawn, duplicates, vulnerabilities.size(), kev.size(), kevMatched,
                unmatched.size(), records, rejected);
        return new AdvisoryDatabase(Collections.unmodifiableList(vulnerabilities), graph.keys(), groupOfNode, built,
                List.copyOf(unmatched), stats);
    }

    private static List<Vulnerability> sortById(Vulnerability[] vulnerabilities) {
        record Keyed(String key, Vulnerability vulnerability) implements Comparable<Keyed> {
            @Override
            public int compareTo(Keyed other) {
                int byKey = key.compareTo(other.key);
                return byKey != 0 ? byKey : vulnerability.id().compareTo(other.vulnerability.id());
            }
        }
        Keyed[] keyed = new Keyed[vulnerabilities.length];
        IntStream.range(0, keyed.length).parallel().forEach(i ->
                keyed[i] = new Keyed(AdvisoryIdOrder.sortKey(vulnerabilities[i].id()), vulnerabilities[i]));
        Arrays.parallelSort(keyed);
        List<Vulnerability> sorted = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            sorted.add(k.vulnerability());
        }
        return sorted;
    }

    /** An advisory's id key, then one key per alias (null for a blank alias, which merges nothing). */
    private static String[] keysOf(Advisory advisory) {
        List<String> aliases = advisory.aliases();
        String[] keys = new String[aliases.size() + 1];
        keys[0] = key(advisory.id().strip());
        for (int a = 0; a < aliases.size(); a++) {
            String alias = aliases.get(a);
            keys[a + 1] = alias.isBlank() ? null : key(alias.strip());
        }
        return keys;
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
        return Optional.ofNullable(byId().get(key(advisoryOrAliasId.strip())));
    }

    private Map<String, Vulnerability> byId() {
        Map<String, Vulnerability> lookups = byId;
        if (lookups == null) {
            synchronized (this) {
                lookups = byId;
                if (lookups == null) {
                    Map<String, Vulnerability> made = new HashMap<>(idKeys.length * 2);
                    for (int node = 0; node < idKeys.length; node++) {
                        made.put(idKeys[node], groupVulnerabilities[groupOfId[node]]);
                    }
                    lookups = Collections.unmodifiableMap(made);
                    byId = lookups;
                    idKeys = null;
                    groupOfId = null;
                    groupVulnerabilities = null;
                }
            }
        }
        return lookups;
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
        SeverityScore best = null;
        for (Advisory advisory : advisories) {
            if (advisory.feed().isCveRecord() != records) {
                continue;
            }
            for (SeverityScore score : advisory.severities()) {
                best = stronger(best, sourced(score, advisory));
            }
            for (AffectedPackage affected : advisory.affected()) {
                for (SeverityScore score : affected.severities()) {
                    best = stronger(best, sourced(score, advisory));
                }
            }
        }
        return best;
    }

    /** The score with its source: the advisory's feed and id when the score does not say. */
    public static SeverityScore sourced(SeverityScore score, Advisory advisory) {
        return score.source().isEmpty() ? score.withSource(advisory.feed().label() + " " + advisory.id()) : score;
    }

    private static SeverityScore stronger(SeverityScore current, SeverityScore candidate) {
        return current == null || SEVERITY_PREFERENCE.compare(candidate, current) < 0 ? candidate : current;
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

    private static String preferredId(IdGraph graph, int[] groupNodes, int from, int to, List<Advisory> advisories) {
        // The earliest CVE: authorities and KEV catalogues speak in CVE ids, and when a group holds
        // several (a CVE and its rejected duplicate, e.g. CVE-2023-4863 and CVE-2023-5129) the first
        // assigned is the one everyone cites.
        String cve = null;
        for (int m = from; m < to; m++) {
            String key = graph.key(groupNodes[m]);
            if (isCve(key) && (cve == null || AdvisoryIdOrder.INSTANCE.compare(key, cve) < 0)) {
                cve = key;
            }
        }
        if (cve != null) {
            return cve;
        }
        return advisories.stream().map(Advisory::id).min(AdvisoryIdOrder.INSTANCE).orElseThrow();
    }

    private static boolean isCve(String id) {
        return id.regionMatches(true, 0, "CVE-", 0, 4);
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

    /** Union-find over ids (keys upper-cased), with path halving and union by size; nodes numbered as first seen. */
    private static final class IdGraph {
        private final Map<String, Integer> nodes;
        private final List<String> keys = new ArrayList<>();
        private final List<String> displays = new ArrayList<>();
        private int[] parent = new int[1024];
        private int[] size = new int[1024];

        IdGraph(int expected) {
            nodes = new HashMap<>(expected);
        }

        int node(String key, String display) {
            Integer existing = nodes.get(key);
            if (existing != null) {
                return existing;
            }
            int node = keys.size();
            if (node == parent.length) {
                parent = Arrays.copyOf(parent, node * 2);
                size = Arrays.copyOf(size, node * 2);
            }
            parent[node] = node;
            size[node] = 1;
            nodes.put(key, node);
            keys.add(key);
            displays.add(isCve(key) ? key : display);
            return node;
        }

        boolean contains(String key) {
            return nodes.containsKey(key);
        }

        String[] keys() {
            return keys.toArray(String[]::new);
        }

        int root(int node) {
            int current = node;
            while (parent[current] != current) {
                parent[current] = parent[parent[current]];
                current = parent[current];
            }
            return current;
        }

        void union(int a, int b) {
            int rootA = root(a);
            int rootB = root(b);
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

        int size() {
            return keys.size();
        }

        String key(int node) {
            return keys.get(node);
        }

        String display(int node) {
            return displays.get(node);
        }
    }
}
