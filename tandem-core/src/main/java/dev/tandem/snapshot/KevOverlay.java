package dev.tandem.snapshot;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fresher KEV catalogues laid over a snapshot: the catalogues present in the fresher entries
 * replace the snapshot's assertions of those catalogues; the others are kept. Entries join the
 * snapshot's vulnerabilities through its id table, the same CVE-alias join the database makes
 * (one assertion per catalogue and CVE, the first read).
 */
final class KevOverlay {

    private final Set<KevCatalog> replaced = EnumSet.noneOf(KevCatalog.class);
    private final Map<String, List<KevEntry>> byCve = new HashMap<>();
    private final long entries;
    private final long matched;
    private final long unmatched;

    KevOverlay(Snapshot snapshot, List<KevEntry> fresher) {
        for (KevEntry entry : fresher) {
            replaced.add(entry.catalog());
        }
        List<KevEntry> combined = new ArrayList<>();
        for (KevEntry entry : snapshot.kevEntries()) {
            if (!replaced.contains(entry.catalog())) {
                combined.add(entry);
            }
        }
        combined.addAll(fresher);
        Map<String, List<KevEntry>> all = new HashMap<>();
        for (KevEntry entry : combined) {
            List<KevEntry> list = all.computeIfAbsent(key(entry.cveId()), k -> new ArrayList<>(2));
            if (list.stream().noneMatch(e -> e.catalog() == entry.catalog())) {
                list.add(entry);
            }
        }
        long found = 0;
        for (Map.Entry<String, List<KevEntry>> cve : all.entrySet()) {
            if (snapshot.vulnerabilityOf(cve.getKey()) >= 0) {
                found++;
                List<KevEntry> fresh = cve.getValue().stream().filter(e -> replaced.contains(e.catalog())).toList();
                if (!fresh.isEmpty()) {
                    byCve.put(cve.getKey(), fresh);
                }
            }
        }
        this.entries = combined.size();
        this.matched = found;
        this.unmatched = all.size() - found;
    }

    /** The assertions of one vulnerability: its stored ones of kept catalogues, then the fresher ones by id order. */
    List<KevEntry> exploited(List<KevEntry> stored, List<String> ids) {
        List<KevEntry> result = new ArrayList<>(stored.size() + 1);
        for (KevEntry entry : stored) {
            if (!replaced.contains(entry.catalog())) {
                result.add(entry);
            }
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            String key = key(id);
            List<KevEntry> fresh = seen.add(key) ? byCve.get(key) : null;
            if (fresh != null) {
                result.addAll(fresh);
            }
        }
        result.sort(Comparator.comparing(KevEntry::catalog)); // stable, as the database sorts them
        return result;
    }

    AdvisoryDatabase.Stats stats(AdvisoryDatabase.Stats built) {
        return new AdvisoryDatabase.Stats(built.advisories(), built.withdrawn(), built.duplicates(),
                built.vulnerabilities(), entries, matched, unmatched, built.records(), built.rejected());
    }

    private static String key(String id) {
        return id.strip().toUpperCase(Locale.ROOT);
    }
}
