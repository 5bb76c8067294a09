package dev.tandem.match;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.Vulnerability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory {@link PackageIndex}: every affected package of every live advisory of an
 * {@link AdvisoryDatabase}, keyed by {@link PackageKey}. A package's ranges are compiled when it is
 * first looked up and kept (as the snapshot index does): a scan asks for a few thousand of the
 * hundreds of thousands of packages, and compiling all of them up front held every parsed version
 * of the corpus in memory.
 */
public final class MemoryPackageIndex implements PackageIndex {

    /** One {@code affected[]} entry before its ranges are compiled. */
    private record Pending(Vulnerability vulnerability, Advisory advisory, AffectedPackage affected) {
    }

    private final Map<PackageKey, Pending[]> pending;
    private final Map<PackageKey, List<IndexEntry>> compiled = new ConcurrentHashMap<>();
    private final int entryCount;
    private final Map<String, Long> ecosystemAdvisories;

    private MemoryPackageIndex(Map<PackageKey, Pending[]> pending, int entryCount,
            Map<String, Long> ecosystemAdvisories) {
        this.pending = pending;
        this.entryCount = entryCount;
        this.ecosystemAdvisories = ecosystemAdvisories;
    }

    public static MemoryPackageIndex build(AdvisoryDatabase database) {
        Map<PackageKey, List<Pending>> entries = new HashMap<>();
        Map<String, Long> ecosystems = new java.util.TreeMap<>();
        java.util.Set<String> ofAdvisory = new java.util.HashSet<>();
        int count = 0;
        for (Vulnerability vulnerability : database.vulnerabilities()) {
            for (Advisory advisory : vulnerability.advisories()) {
                ofAdvisory.clear();
                for (AffectedPackage affected : advisory.affected()) {
                    if (!IndexEntry.isIndexable(affected)) {
                        continue; // GIT-only entries name no package; nothing to look up by
                    }
                    PackageKey key = IndexEntry.keyOf(affected);
                    if (ofAdvisory.add(key.ecosystem())) {
                        ecosystems.merge(key.ecosystem(), 1L, Long::sum);
                    }
                    entries.computeIfAbsent(key, k -> new ArrayList<>(2)).add(new Pending(vulnerability, advisory, affected));
                    count++;
                }
            }
        }
        Map<PackageKey, Pending[]> frozen = new HashMap<>(entries.size() * 4 / 3 + 1);
        entries.forEach((key, list) -> frozen.put(key, list.toArray(Pending[]::new)));
        return new MemoryPackageIndex(frozen, count, java.util.Collections.unmodifiableMap(ecosystems));
    }

    @Override
    public List<IndexEntry> lookup(PackageKey key) {
        Pending[] found = pending.get(key);
        if (found == null) {
            return List.of();
        }
        return compiled.computeIfAbsent(key, k -> compile(found));
    }

    private static List<IndexEntry> compile(Pending[] found) {
        List<IndexEntry> entries = new ArrayList<>(found.length);
        for (Pending p : found) {
            entries.add(IndexEntry.of(p.vulnerability(), p.advisory(), p.affected()));
        }
        return List.copyOf(entries);
    }

    @Override
    public int packageCount() {
        return pending.size();
    }

    @Override
    public int entryCount() {
        return entryCount;
    }

    @Override
    public Map<String, Long> ecosystemAdvisories() {
        return ecosystemAdvisories;
    }
}
