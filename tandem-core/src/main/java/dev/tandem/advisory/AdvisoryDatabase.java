package dev.tandem.advisory;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Choices, documented in docs/severity.md and docs/formats/kev.md: withdrawn advisories are
 * dropped; when the same advisory id appears twice, the record with the latest {@code modified}
 * wins (the first on a tie); the vulnerability id is the group's CVE when it has exactly one,
 * else the lowest advisory id in {@link AdvisoryIdOrder}.
 */
public final class AdvisoryDatabase {

    /** Counts for a summary line. */
    public record Stats(long advisories, long withdrawn, long duplicates, long vulnerabilities, long kevEntries,
            long kevMatched, long unmatchedKev) {
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

    /** Merges {@code advisories} by alias and joins the KEV entries (CISA and EU) through CVE ids. */
    public static AdvisoryDatabase build(List<Advisory> advisories, List<KevEntry> kev) {
        long withdrawn = 0;
        Map<String, Advisory> latest = new LinkedHashMap<>();
        for (Advisory advisory : advisories) {
            if (advisory.isWithdrawn()) {
                withdrawn++;
                continue;
            }
            latest.merge(key(advisory.id()), advisory, AdvisoryDatabase::newer);
        }
        long active = advisories.size() - withdrawn;
        long duplicates = active - latest.size();

        IdGraph graph = new IdGraph();
        for (Advisory advisory : latest.values()) {
            int node = graph.node(advisory.id());
            for (String alias : advisory.aliases()) {
                if (!alias.isBlank()) {
                    graph.union(node, graph.node(alias));
                }
            }
        }

        Map<Integer, List<Advisory>> groups = new LinkedHashMap<>();
        for (Advisory advisory : latest.values()) {
            groups.computeIfAbsent(graph.root(graph.node(advisory.id())), r -> new ArrayList<>()).add(advisory);
        }
        Map<Integer, List<String>> idsByRoot = new HashMap<>();
        for (int node = 0; node < graph.size(); node++) {
            idsByRoot.computeIfAbsent(graph.root(node), r -> new ArrayList<>()).add(graph.display(node));
        }

        Map<String, List<KevEntry>> kevByCve = new HashMap<>();
        for (KevEntry entry : kev) {
            List<KevEntry> entries = kevByCve.computeIfAbsent(key(entry.cveId()), k -> new ArrayList<>());
            if (entries.stream().noneMatch(e -> e.catalog() == entry.catalog())) {
                entries.add(entry);
            }
        }

        List<Vulnerability> vulnerabilities = new ArrayList<>(groups.size());
        Map<String, Vulnerability> byId = new HashMap<>(graph.size() * 2);
        long kevMatched = 0;
        for (Map.Entry<Integer, List<Advisory>> group : groups.entrySet()) {
            List<String> ids = idsByRoot.get(group.getKey());
            List<KevEntry> exploited = new ArrayList<>();
            for (String id : ids) {
                List<KevEntry> entries = kevByCve.get(key(id));
                if (entries != null) {
                    exploited.addAll(entries);
                    kevMatched++;
                }
            }
            exploited.sort(Comparator.comparing(KevEntry::catalog));
            String preferred = preferredId(ids, group.getValue());
            TreeSet<String> aliases = new TreeSet<>(AdvisoryIdOrder.INSTANCE);
            for (String id : ids) {
                if (!id.equalsIgnoreCase(preferred)) {
                    aliases.add(id);
                }
            }
            Vulnerability vulnerability = new Vulnerability(preferred, aliases, group.getValue(),
                    strongest(group.getValue()), exploited);
            vulnerabilities.add(vulnerability);
            for (String id : ids) {
                byId.put(key(id), vulnerability);
            }
        }
        vulnerabilities.sort(Comparator.comparing(Vulnerability::id, AdvisoryIdOrder.INSTANCE));

        List<String> unmatched = new ArrayList<>();
        for (String cve : kevByCve.keySet()) {
            if (!byId.containsKey(cve)) {
                unmatched.add(cve);
            }
        }
        unmatched.sort(AdvisoryIdOrder.INSTANCE);
        Stats stats = new Stats(latest.size(), withdrawn, duplicates, vulnerabilities.size(), kev.size(), kevMatched,
                unmatched.size());
        return new AdvisoryDatabase(List.copyOf(vulnerabilities), Map.copyOf(byId), List.copyOf(unmatched), stats);
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

    /** The strongest severity of the advisories (record-level and per-package), or null when none states one. */
    static SeverityScore strongest(List<Advisory> advisories) {
        SeverityScore best = null;
        for (Advisory advisory : advisories) {
            for (SeverityScore score : advisory.severities()) {
                best = stronger(best, score);
            }
            for (AffectedPackage affected : advisory.affected()) {
                for (SeverityScore score : affected.severities()) {
                    best = stronger(best, score);
                }
            }
        }
        return best;
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

    private static String preferredId(List<String> ids, List<Advisory> advisories) {
        String cve = null;
        int cves = 0;
        for (String id : ids) {
            if (isCve(id)) {
                cves++;
                cve = id.toUpperCase(Locale.ROOT);
            }
        }
        if (cves == 1) {
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

    /** Union-find over ids, with path halving and union by size; nodes are numbered as first seen. */
    private static final class IdGraph {
        private final Map<String, Integer> nodes = new HashMap<>();
        private final List<String> displays = new ArrayList<>();
        private int[] parent = new int[1024];
        private int[] size = new int[1024];

        int node(String id) {
            String key = key(id.strip());
            Integer existing = nodes.get(key);
            if (existing != null) {
                return existing;
            }
            int node = displays.size();
            if (node == parent.length) {
                parent = Arrays.copyOf(parent, node * 2);
                size = Arrays.copyOf(size, node * 2);
            }
            parent[node] = node;
            size[node] = 1;
            nodes.put(key, node);
            displays.add(isCve(id) ? key : id.strip());
            return node;
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
            return displays.size();
        }

        String display(int node) {
            return displays.get(node);
        }
    }
}
