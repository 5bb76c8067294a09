package dev.tandem.server.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.ExampleSnapshots;
import dev.tandem.server.TestServer;
import dev.tandem.server.monitor.Cause;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Organisations;
import dev.tandem.server.store.Tenant;
import dev.tandem.snapshot.Snapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A refresh in which only KEV and EPSS changed updates the touched findings in place
 * ({@link KevEpssUpdate}); what it stores must be exactly what a full re-scan over the same
 * snapshot stores: every finding row (item text byte for byte, order, flags), every release's scan
 * counts, and the same recorded changes with the same causes.
 */
class SnapshotSwapInPlaceTest {

    /**
     * The examples' portfolio on a fresh server, with a second SBOM on one release: the in-place order
     * must follow the scan's, SBOM by SBOM.
     */
    private record Portfolio(TestServer server, Database database, SnapshotSwap swap, Tenant operator)
            implements AutoCloseable {

        static Portfolio start(String label) {
            TestServer server = TestServer.start(label, true);
            try {
                Services services = server.server().services();
                Database database = services.database();
                server.addSbom("sc200-camera", "2.4.1", "sboms/proton-bridge-v1.8.0.cdx.json");
                return new Portfolio(server, database, services.snapshots(),
                        database.read(h -> new Organisations(h).find("default")).orElseThrow());
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
        }

        /**
         * Back to {@code original} by a full re-scan, then to {@code next} by a full re-scan: the same
         * finding rows, scan counts and recorded changes as the in-place update stored.
         */
        void assertAFullRescanStores(byte[] original, byte[] next, Cause cause, List<String> expectedRows,
                List<String> expectedScans, List<String> expectedChanges) throws Exception {
            swap.apply(operator, Snapshot.of("original", original), original, Cause.of("advisories.replace", "test"),
                    Map.of(), false);
            long fullMark = lastChange(database);
            SnapshotSwap.Swap full = swap.apply(operator, Snapshot.of("next", next), next, cause, Map.of(), false);
            assertThat(full.releasesUpdatedInPlace()).isZero();
            assertThat(findingRows(database)).isEqualTo(expectedRows);
            assertThat(scans(database)).isEqualTo(expectedScans);
            assertThat(changes(database, fullMark)).isEqualTo(expectedChanges);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @Test
    void aKevAndEpssOnlyRefreshUpdatedInPlaceStoresWhatAFullRescanStores() throws Exception {
        try (Portfolio portfolio = Portfolio.start("kev-in-place")) {
            Database database = portfolio.database();
            SnapshotSwap swap = portfolio.swap();
            Tenant operator = portfolio.operator();

            // What the examples' findings say: one known-exploited CVE to drop from the CISA KEV, one
            // CVE not known exploited to add, one KEV entry to edit (its due date).
            List<JsonNode> items = database.read(h -> h.createQuery("select item::text from findings order by release_id,"
                    + " position").mapTo(String.class).list()).stream().map(SnapshotSwapInPlaceTest::json).toList();
            Set<String> exploitedCves = new LinkedHashSet<>();
            Set<String> otherCves = new LinkedHashSet<>();
            for (JsonNode item : items) {
                for (JsonNode kev : item.get("exploitation")) {
                    if (kev.get("catalog").asText().equals("cisa")) {
                        exploitedCves.add(kev.get("cve").asText());
                    }
                }
                if (!item.get("knownExploited").asBoolean()) {
                    cves(item).forEach(otherCves::add);
                }
            }
            assertThat(exploitedCves).as("the examples have CISA KEV findings").isNotEmpty();
            assertThat(otherCves).as("and findings not known exploited").hasSizeGreaterThanOrEqualTo(3);
            List<String> exploited = new ArrayList<>(exploitedCves);
            List<String> others = new ArrayList<>(otherCves);
            String removed = exploited.get(0);
            String edited = exploited.size() > 1 ? exploited.get(1) : null;
            String added = others.get(0);
            String addedRansomware = others.get(1);

            byte[] cisa = Files.readAllBytes(Path.of("../examples/kev/cisa-known-exploited-vulnerabilities.json"));
            ObjectNode changed = (ObjectNode) TestServer.JSON.readTree(cisa);
            ArrayNode entries = (ArrayNode) changed.get("vulnerabilities");
            ObjectNode template = null;
            for (int i = entries.size() - 1; i >= 0; i--) {
                ObjectNode entry = (ObjectNode) entries.get(i);
                if (entry.get("cveID").asText().equals(removed)) {
                    template = entry.deepCopy();
                    entries.remove(i);
                } else if (entry.get("cveID").asText().equals(String.valueOf(edited))) {
                    entry.put("dueDate", "2027-01-15");
                    entry.put("knownRansomwareCampaignUse", "Known");
                }
            }
            ObjectNode fresh = template.put("cveID", added).put("dateAdded", "2026-12-06").put("dueDate", "2026-12-27");
            entries.insert(0, fresh);
            entries.add(fresh.deepCopy().put("cveID", addedRansomware).put("knownRansomwareCampaignUse", "Known"));
            changed.put("count", entries.size());
            // EPSS for an added CVE and one more CVE of the portfolio.
            StringBuilder epss = new StringBuilder("#model_version:v2025.03.14,score_date:2026-12-05T00:00:00Z\n"
                    + "cve,epss,percentile\n");
            List<String> scored = List.of(added, others.get(2));
            for (int i = 0; i < scored.size(); i++) {
                epss.append(scored.get(i)).append(",0.0").append(4 + i).append("123,0.9").append(i).append("1\n");
            }

            byte[] original = ExampleSnapshots.build(cisa, null);
            byte[] next = ExampleSnapshots.build(TestServer.JSON.writeValueAsBytes(changed),
                    epss.toString().getBytes(StandardCharsets.UTF_8));
            Cause cause = new Cause("feed.refresh", List.of("kev/cisa", "epss"), "test");

            // From the examples' snapshot (the original KEV, no EPSS) to the new one, in place.
            List<String> beforeRows = findingRows(database);
            long mark = lastChange(database);
            SnapshotSwap.Swap inPlace = swap.apply(operator, Snapshot.of("next", next), next, cause, Map.of(), true);
            assertThat(inPlace.releasesUpdatedInPlace()).as("touched releases updated in place").isPositive();
            assertThat(inPlace.releasesRescanned()).as("none re-scanned").isEqualTo(inPlace.releasesUpdatedInPlace());
            List<String> inPlaceRows = findingRows(database);
            List<String> inPlaceScans = scans(database);
            List<String> inPlaceChanges = changes(database, mark);
            assertThat(inPlaceRows).as("the KEV and EPSS change changed the stored findings").isNotEqualTo(beforeRows);
            assertThat(inPlaceChanges).anyMatch(c -> c.contains("|kev-added|") && c.contains(added)
                    && c.endsWith("{kev/cisa}"));
            assertThat(inPlaceChanges).anyMatch(c -> c.contains("|kev-removed|") && c.contains(removed));
            assertThat(inPlaceChanges).anyMatch(c -> c.contains("|epss|") && c.endsWith("{epss}"));
            // The newly known-exploited finding opened its case (the products are on the EU market by default).
            long opened = database.read(h -> h.createQuery("select count(*) from vulnerability_cases c join events e"
                    + " on e.subject = 'case:' || c.id and e.type = 'case.opened' where c.vulnerability_id in"
                    + " (select vulnerability_id from finding_changes where change = 'kev-added' and id > :mark)")
                    .bind("mark", mark).mapTo(Long.class).one());
            assertThat(opened).isPositive();

            portfolio.assertAFullRescanStores(original, next, cause, inPlaceRows, inPlaceScans, inPlaceChanges);
        }
    }

    /**
     * A KEV entry only added (none removed): the touched releases are read lean (only the findings known
     * exploited or of the new entry's vulnerability whole) and re-ordered by merging; still exactly what a
     * full re-scan stores, including a release of two SBOMs.
     */
    @Test
    void anAddedKevEntryReadLeanStoresWhatAFullRescanStores() throws Exception {
        try (Portfolio portfolio = Portfolio.start("kev-added-lean")) {
            Database database = portfolio.database();
            SnapshotSwap swap = portfolio.swap();
            Tenant operator = portfolio.operator();
            // The not known-exploited CVEs of the portfolio, most findings first: the entry moves many findings.
            List<String> cves = database.read(h -> h.createQuery("select item::text from findings where not known_exploited"
                    + " order by release_id, position").mapTo(String.class).list()).stream()
                    .map(SnapshotSwapInPlaceTest::json).flatMap(item -> cves(item).stream())
                    .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.LinkedHashMap::new,
                            java.util.stream.Collectors.counting()))
                    .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(Map.Entry::getKey).toList();
            assertThat(cves).hasSizeGreaterThanOrEqualTo(2);
            byte[] cisa = Files.readAllBytes(Path.of("../examples/kev/cisa-known-exploited-vulnerabilities.json"));
            ObjectNode changed = (ObjectNode) TestServer.JSON.readTree(cisa);
            ArrayNode entries = (ArrayNode) changed.get("vulnerabilities");
            for (String cve : cves.subList(0, 2)) {
                entries.add(((ObjectNode) entries.get(0).deepCopy()).put("cveID", cve).put("dateAdded", "2026-12-06"));
            }
            changed.put("count", entries.size());
            byte[] original = ExampleSnapshots.build(cisa, null);
            byte[] next = ExampleSnapshots.build(TestServer.JSON.writeValueAsBytes(changed), null);
            Cause cause = new Cause("feed.refresh", List.of("kev/cisa"), "test");
            swap.apply(operator, Snapshot.of("original", original), original, Cause.of("advisories.replace", "test"),
                    Map.of(), false);

            List<String> beforeRows = findingRows(database);
            long mark = lastChange(database);
            SnapshotSwap.Swap inPlace = swap.apply(operator, Snapshot.of("next", next), next, cause, Map.of(), true);
            assertThat(inPlace.releasesUpdatedInPlace()).isPositive();
            assertThat(inPlace.releasesRescanned()).isEqualTo(inPlace.releasesUpdatedInPlace());
            List<String> inPlaceRows = findingRows(database);
            List<String> inPlaceScans = scans(database);
            List<String> inPlaceChanges = changes(database, mark);
            assertThat(inPlaceRows).isNotEqualTo(beforeRows);
            assertThat(inPlaceChanges).isNotEmpty().allMatch(c -> c.contains("|kev-added|"));

            portfolio.assertAFullRescanStores(original, next, cause, inPlaceRows, inPlaceScans, inPlaceChanges);
        }
    }

    private static List<String> cves(JsonNode item) {
        List<String> cves = new ArrayList<>();
        if (item.get("vulnerabilityId").asText().startsWith("CVE-")) {
            cves.add(item.get("vulnerabilityId").asText());
        }
        item.get("aliases").forEach(a -> {
            if (a.asText().startsWith("CVE-")) {
                cves.add(a.asText());
            }
        });
        return cves;
    }

    /** Every stored finding, every column, the item as stored text. */
    private static List<String> findingRows(Database database) {
        return database.read(h -> h.createQuery("select concat_ws('|', release_id, position, finding_id, org_id, product_id,"
                + " vulnerability_id, severity, severity_rank, known_exploited, suppressed, purl, item::text) from findings"
                + " order by release_id, position").mapTo(String.class).list());
    }

    /** Every release's scan counts (the scan time aside: the two paths run at different moments). */
    private static List<String> scans(Database database) {
        return database.read(h -> h.createQuery("select concat_ws('|', release_id, org_id, snapshot_sha256, components,"
                + " findings, known_exploited, suppressed, unmatched, undecided, by_severity::text, warnings::text)"
                + " from release_scans order by release_id").mapTo(String.class).list());
    }

    private static List<String> changes(Database database, long after) {
        return database.read(h -> h.createQuery("select concat_ws('|', org_id, product_id, release_id, finding_id,"
                + " vulnerability_id, change, cause, entry, cause_feeds::text) from finding_changes where id > :after"
                + " order by release_id, finding_id, change").bind("after", after).mapTo(String.class).list());
    }

    private static long lastChange(Database database) {
        return database.read(h -> h.createQuery("select coalesce(max(id), 0) from finding_changes").mapTo(Long.class).one());
    }

    private static JsonNode json(String text) {
        try {
            return TestServer.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
