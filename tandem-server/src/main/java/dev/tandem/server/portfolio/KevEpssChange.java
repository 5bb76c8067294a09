package dev.tandem.server.portfolio;

import dev.tandem.advisory.EpssData;
import dev.tandem.advisory.EpssScore;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotIndex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a portfolio's vulnerabilities a snapshot change touches when only KEV and EPSS changed
 * (the advisories are the same): those with a CVE whose KEV entries were added, removed or edited,
 * or whose EPSS score changed. KEV and EPSS change what a finding says, never whether it exists, so
 * the releases to re-scan are exactly those with a finding of one of these vulnerabilities.
 */
final class KevEpssChange {

    private KevEpssChange() {
    }

    /** The CVE ids whose KEV entries differ between the two snapshots. */
    static Set<String> kevChanged(Snapshot before, Snapshot after) {
        Map<String, Set<KevEntry>> old = byCve(before.kevEntries());
        Map<String, Set<KevEntry>> now = byCve(after.kevEntries());
        Set<String> changed = new HashSet<>();
        for (String cve : union(old.keySet(), now.keySet())) {
            if (!old.getOrDefault(cve, Set.of()).equals(now.getOrDefault(cve, Set.of()))) {
                changed.add(cve);
            }
        }
        return changed;
    }

    /**
     * The vulnerabilities these CVEs name in either snapshot's index (a KEV entry joins its vulnerability
     * by CVE id or alias): with the advisories the same, what {@link #touched} gives when EPSS did not
     * change, without the portfolio's vulnerability ids.
     */
    static Set<String> ofCves(Set<String> cves, SnapshotIndex before, SnapshotIndex after) {
        Set<String> ids = new HashSet<>();
        for (String cve : cves) {
            before.vulnerabilityFor(cve).ifPresent(v -> ids.add(v.id()));
            after.vulnerabilityFor(cve).ifPresent(v -> ids.add(v.id()));
        }
        return ids;
    }

    /**
     * Of {@code portfolio} (the vulnerability ids the stored findings name), those the change touches.
     * A vulnerability the new snapshot no longer knows counts as touched: its releases are re-scanned.
     */
    static Set<String> touched(Set<String> portfolio, Set<String> kevChanged, Snapshot before, Snapshot after,
            SnapshotIndex index) {
        Optional<EpssData> oldEpss = before.epss();
        Optional<EpssData> newEpss = after.epss();
        boolean epssSame = oldEpss.isEmpty() && newEpss.isEmpty();
        Set<String> touched = new HashSet<>();
        for (String id : portfolio) {
            Optional<Vulnerability> vulnerability = index.vulnerabilityFor(id);
            if (vulnerability.isEmpty()) {
                touched.add(id);
                continue;
            }
            Set<String> cves = new HashSet<>();
            if (id.startsWith("CVE-")) {
                cves.add(id);
            }
            vulnerability.get().aliases().stream().filter(a -> a.startsWith("CVE-")).forEach(cves::add);
            for (String cve : cves) {
                if (kevChanged.contains(cve) || (!epssSame && !score(oldEpss, cve).equals(score(newEpss, cve)))) {
                    touched.add(id);
                    break;
                }
            }
        }
        return touched;
    }

    private static Optional<EpssScore> score(Optional<EpssData> epss, String cve) {
        return epss.flatMap(data -> data.lookup(cve));
    }

    private static Map<String, Set<KevEntry>> byCve(List<KevEntry> entries) {
        Map<String, Set<KevEntry>> byCve = new HashMap<>();
        entries.forEach(e -> byCve.computeIfAbsent(e.cveId(), k -> new HashSet<>()).add(e));
        return byCve;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
