package dev.tandem.advisory;

import dev.tandem.advisory.cvss.SeverityScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

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
    private final Map<String, Vulnerability> byId;
    private final List<String> unmatchedKev;
    private final Stats stats;

    private AdvisoryDatabase(List<Vulnerability> vulnerabilities, Map<String, Vulnerability> byId,
            List<String> unmatchedKev, Stats stats) {
        this.vulnerabilities = vulnerabilities;
        this.byId = byId;
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
        Map<String, Advisory> latest = new LinkedHashMap<>();
        for (Advisory advisory : advisories) {
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
            String unique = record ? advisory.feed().name() + "\u0000" + key(advisory.id().strip()) : key(advisory.id().strip());
            latest.merge(unique, advisory, AdvisoryDatabase::newer);
        }
        long liveOsv = latest.values().stream().filter(a -> !a.feed().isCveRecord()).count();
        long duplicates = osv - liveOsv;
        long records = latest.size() - liveOsv;

        IdGraph graph = new IdGraph();
        for (Map.Entry<String, Advisory> entry : latest.entrySet()) {
            int node = graph.node(key(entry.getValue().id().strip()), entry.getValue().id());
            for (String alias : entry.getValue().aliases()) {
                if (!alias.isBlank()) {
                    graph.union(node, graph.node(key(alias.strip()), alias.strip()));
                }
            }
        }

        // Groups numbered in order of their first advisory; every node's root carries an advisory,
        // because every id is either an advisory's own id or one of its aliases.
        int nodes = graph.size();
        int[] groupOfRoot = new int[nodes];
        Arrays.fill(groupOfRoot, -1);
        List<List<Advisory>> groupAdvisories = new ArrayList<>();
        for (Map.Entry<String, Advisory> entry : latest.entrySet()) {
            int root = graph.root(graph.existing(key(entry.getValue().id().strip())));
            if (groupOfRoot[root] < 0) {
                groupOfRoot[root] = groupAdvisories.size();
                groupAdvisories.add(new ArrayList<>(1));
            }
            groupAdvisories.get(groupOfRoot[root]).add(entry.getValue());
        }
        List<List<Integer>> groupNodes = new ArrayList<>(groupAdvisories.size());
        for (int g = 0; g < groupAdvisories.size(); g++) {
            groupNodes.add(new ArrayList<>(2));
        }
        for (int node = 0; node < nodes; node++) {
            groupNodes.get(groupOfRoot[graph.root(node)]).add(node);
        }

        Map<String, List<KevEntry>> kevByCve = new HashMap<>();
        for (KevEntry entry : kev) {
            List<KevEntry> entries = kevByCve.computeIfAbsent(key(entry.cveId()), k -> new ArrayList<>());
            if (entries.stream().noneMatch(e -> e.catalog() == entry.catalog())) {
                entries.add(entry);
            }
        }

        List<Vulnerability> vulnerabilities = new ArrayList<>(groupAdvisories.size());
        Map<String, Vulnerability> byId = new HashMap<>(nodes * 2);
        long kevMatched = 0;
        for (int g = 0; g < groupAdvisories.size(); g++) {
            List<Integer> members = groupNodes.get(g);
            List<KevEntry> exploited = List.of();
            for (int node : members) {
                List<KevEntry> entries = kevByCve.get(graph.key(node));
                if (entries != null) {
                    if (exploited.isEmpty()) {
                        exploited = new ArrayList<>();
                    }
                    exploited.addAll(entries);
                    kevMatched++;
                }
            }
            if (exploited.size() > 1) {
                exploited.sort(Comparator.comparing(KevEntry::catalog));
            }
            List<Advisory> advisoriesOfGroup = groupAdvisories.get(g);
            String preferred = preferredId(graph, members, advisoriesOfGroup);
            TreeSet<String> aliases = new TreeSet<>(AdvisoryIdOrder.INSTANCE);
            for (int node : members) {
                if (!graph.display(node).equalsIgnoreCase(preferred)) {
                    aliases.add(graph.display(node));
                }
            }
            Vulnerability vulnerability = new Vulnerability(preferred, aliases, advisoriesOfGroup,
                    strongest(advisoriesOfGroup), exploited);
            vulnerabilities.add(vulnerability);
            for (int node : members) {
                byId.put(graph.key(node), vulnerability);
            }
        }
        vulnerabilities = sortById(vulnerabilities);

        List<String> unmatched = new ArrayList<>();
        for (String cve : kevByCve.keySet()) {
            if (!byId.containsKey(cve)) {
                unmatched.add(cve);
            }
        }
        unmatched.sort(AdvisoryIdOrder.INSTANCE);
        Stats stats = new Stats(liveOsv, withdrawn, duplicates, vulnerabilities.size(), kev.size(), kevMatched,
                unmatched.size(), records, rejected);
        return new AdvisoryDatabase(Collections.unmodifiableList(vulnerabilities), Collections.unmodifiableMap(byId),
                List.copyOf(unmatched), stats);
    }

    private static List<Vulnerability> sortById(List<Vulnerability> vulnerabilities) {
        record Keyed(String key, Vulnerability vulnerability) {
        }
        List<Keyed> keyed = new ArrayList<>(vulnerabilities.size());
        for (Vulnerability vulnerability : vulnerabilities) {
            keyed.add(new Keyed(AdvisoryIdOrder.sortKey(vulnerability.id()), vulnerability));
        }
        keyed.sort(Comparator.comparing(Keyed::key).thenComparing(k -> k.vulnerability().id()));
        List<Vulnerability> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            sorted.add(k.vulnerability());
        }
        return sorted;
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
        return Optional.ofNullable(byId.get(key(advisoryOrAliasId.strip())));
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

    private static String preferredId(IdGraph graph, List<Integer> members, List<Advisory> advisories) {
        // The earliest CVE: authorities and KEV catalogues speak in CVE ids, and when a group holds
        // several (a CVE and its rejected duplicate, e.g. CVE-2023-4863 and CVE-2023-5129) the first
        // assigned is the one everyone cites.
        String cve = null;
        for (int node : members) {
            String key = graph.key(node);
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
        private final Map<String, Integer> nodes = new HashMap<>();
        private final List<String> keys = new ArrayList<>();
        private final List<String> displays = new ArrayList<>();
        private int[] parent = new int[1024];
        private int[] size = new int[1024];

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

        int existing(String key) {
            return nodes.get(key);
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
