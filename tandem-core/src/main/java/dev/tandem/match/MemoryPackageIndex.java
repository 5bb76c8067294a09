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

    private MemoryPackageIndex(Map<PackageKey, List<IndexEntry>> entries, int entryCount) {
        this.entries = entries;
        this.entryCount = entryCount;
    }

    public static MemoryPackageIndex build(AdvisoryDatabase database) {
        Map<PackageKey, List<IndexEntry>> entries = new HashMap<>();
        int count = 0;
        for (Vulnerability vulnerability : database.vulnerabilities()) {
            for (Advisory advisory : vulnerability.advisories()) {
                for (AffectedPackage affected : advisory.affected()) {
                    if (!IndexEntry.isIndexable(affected)) {
                        continue; // GIT-only entries name no package; nothing to look up by
                    }
                    PackageKey key = IndexEntry.keyOf(affected);
                    entries.computeIfAbsent(key, k -> new ArrayList<>(2))
                            .add(IndexEntry.of(vulnerability, advisory, affected));
                    count++;
                }
            }
        }
        entries.replaceAll((key, list) -> List.copyOf(list));
        return new MemoryPackageIndex(Map.copyOf(entries), count);
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
}
