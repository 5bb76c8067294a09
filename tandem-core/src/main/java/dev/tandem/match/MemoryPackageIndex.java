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

    /**
     * Per package, its {@code affected[]} entries before their ranges are compiled: (vulnerability,
     * advisory, affected package) triples in one array, trailing slots null (no object per entry:
     * a scan holds about 700,000 of them).
     */
    private final Map<PackageKey, Object[]> pending;
    private final Map<PackageKey, List<IndexEntry>> compiled = new ConcurrentHashMap<>();
    private final int entryCount;
    private final Map<String, Long> ecosystemAdvisories;

    private MemoryPackageIndex(Map<PackageKey, Object[]> pending, int entryCount,
            Map<String, Long> ecosystemAdvisories) {
        this.pending = pending;
        this.entryCount = entryCount;
        this.ecosystemAdvisories = ecosystemAdvisories;
    }

    public static MemoryPackageIndex build(AdvisoryDatabase database) {
        Map<PackageKey, Object[]> entries = new HashMap<>();
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
                    Object[] held = entries.get(key);
                    int free = held == null ? -1 : firstFree(held);
                    if (free < 0) {
                        // Most packages have one or two entries; a few (kernels, distributions' big packages) thousands.
                        held = held == null ? new Object[TRIPLE] : java.util.Arrays.copyOf(held, held.length * 2);
                        free = held.length == TRIPLE ? 0 : held.length / 2;
                        entries.put(key, held);
                    }
                    held[free] = vulnerability;
                    held[free + 1] = advisory;
                    held[free + 2] = affected;
                    count++;
                }
            }
        }
        // Trimmed in place: the map's nodes are kept, only the arrays with free slots are copied.
        entries.replaceAll((key, held) -> {
            int used = firstFree(held);
            return used < 0 ? held : java.util.Arrays.copyOf(held, used);
        });
        return new MemoryPackageIndex(entries, count, java.util.Collections.unmodifiableMap(ecosystems));
    }

    private static final int TRIPLE = 3;

    /** The index of the first free triple of a full-triples-first array, or -1 when it is full (binary search). */
    private static int firstFree(Object[] held) {
        int low = 0;
        int high = held.length / TRIPLE; // triples [0, low) are used, [high, n) are free
        if (held[held.length - TRIPLE] != null) {
            return -1;
        }
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (held[mid * TRIPLE] == null) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low * TRIPLE;
    }

    @Override
    public List<IndexEntry> lookup(PackageKey key) {
        Object[] found = pending.get(key);
        if (found == null) {
            return List.of();
        }
        return compiled.computeIfAbsent(key, k -> compile(found));
    }

    private static List<IndexEntry> compile(Object[] found) {
        List<IndexEntry> entries = new ArrayList<>(found.length / TRIPLE);
        for (int i = 0; i < found.length; i += TRIPLE) {
            entries.add(IndexEntry.of((Vulnerability) found[i], (Advisory) found[i + 1], (AffectedPackage) found[i + 2]));
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
