package dev.tandem.match;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.advisory.nvd.CveRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory {@link CpeIndex}: every live record with a configuration, under each product its
 * configurations name as vulnerable. A record the database did not keep (an older copy of the same
 * CVE from the same feed, a rejected one) is left out, so the index and the database agree.
 */
public final class MemoryCpeIndex implements CpeIndex {

    private final Map<String, List<CpeEntry>> entries;
    private final int records;

    private MemoryCpeIndex(Map<String, List<CpeEntry>> entries, int records) {
        this.entries = entries;
        this.records = records;
    }

    /** The index of {@code records}, joined to the vulnerabilities of {@code database} (built from the same records). */
    public static MemoryCpeIndex build(AdvisoryDatabase database, List<CveRecord> records) {
        Map<Advisory, CveRecord> byAdvisory = new IdentityHashMap<>();
        for (CveRecord record : records) {
            if (!record.isRejected() && !record.applicability().isEmpty()) {
                byAdvisory.put(record.advisory(), record);
            }
        }
        Map<String, List<CpeEntry>> entries = new HashMap<>();
        int count = 0;
        if (!byAdvisory.isEmpty()) {
            for (Vulnerability vulnerability : database.vulnerabilities()) {
                for (Advisory advisory : vulnerability.advisories()) {
                    CveRecord record = byAdvisory.get(advisory);
                    if (record == null) {
                        continue;
                    }
                    count++;
                    CpeEntry entry = new CpeEntry(vulnerability, advisory, record.applicability());
                    for (String key : record.applicability().vulnerableProducts()) {
                        entries.computeIfAbsent(key, k -> new ArrayList<>(2)).add(entry);
                    }
                }
            }
        }
        entries.replaceAll((key, list) -> List.copyOf(list));
        return new MemoryCpeIndex(Map.copyOf(entries), count);
    }

    @Override
    public List<CpeEntry> lookup(String productKey) {
        return entries.getOrDefault(productKey, List.of());
    }

    @Override
    public int productCount() {
        return entries.size();
    }

    @Override
    public int recordCount() {
        return records;
    }
}
