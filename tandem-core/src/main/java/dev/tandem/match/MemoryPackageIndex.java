package dev.tandem.match;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.Vulnerability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory {@link PackageIndex}: every affected package of every live advisory of an
 * {@link AdvisoryDatabase}, compiled up front and keyed by {@link PackageKey}.
 */
public final class MemoryPackageIndex implements PackageIndex {

    private final Map<PackageKey, List<IndexEntry>> entries;
    private final int entryCount;
    private final Map<String, Long> ecosystemAdvisories;

    private MemoryPackageIndex(Map<PackageKey, List<IndexEntry>> entries, int entryCount,
            Map<String, Long> ecosystemAdvisories) {
        this.entries = entries;
        this.entryCount = entryCount;
        this.ecosystemAdvisories = ecosystemAdvisories;
    }

    public static MemoryPackageIndex build(AdvisoryDatabase database) {
        Map<PackageKey, List<IndexEntry>> entries = new HashMap<>();
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
                    entries.computeIfAbsent(key, k -> new ArrayList<>(2))
                            .add(IndexEntry.of(vulnerability, advisory, affected));
                    count++;
                }
            }
        }
        entries.replaceAll((key, list) -> List.copyOf(list));
        return new MemoryPackageIndex(Map.copyOf(entries), count, java.util.Collections.unmodifiableMap(ecosystems));
    }

    @Override
    public List<IndexEntry> lookup(PackageKey key) {
        return entries.getOrDefault(key, List.of());
    }

    @Override
    public int packageCount() {
        return entries.size();
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
