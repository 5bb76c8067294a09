package dev.tandem.server.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.match.Finding;
import dev.tandem.server.TestServer;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Organisations;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Tenant;
import dev.tandem.usecase.scan.ScanResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stored order key ({@code position}, ReleaseScanner#orderKeys) does not depend on "known exploited",
 * yet the list order (known exploited, rating, key) is exactly the order before it: the matcher's, SBOM
 * by SBOM, known exploited first within each rating group. Migration V9 turns the old dense positions
 * into the same keys a scan writes.
 */
class FindingsOrderKeyTest {

    @Test
    void theListOrderIsTheMatchersAndMigrationV9WritesTheScansKeys() throws Exception {
        try (TestServer server = TestServer.start("order-key", true)) {
            Services services = server.server().services();
            Database database = services.database();
            // A release with two SBOMs: the keys go SBOM after SBOM.
            server.addSbom("sc200-camera", "2.4.1", "sboms/proton-bridge-v1.8.0.cdx.json");
            Tenant tenant = database.read(h -> new Organisations(h).find("default")).orElseThrow();

            // The old order, release by release: the scan's findings SBOM by SBOM, each in the matcher's order
            // (known exploited first), duplicates across SBOMs dropped: what the dense position numbered.
            Map<Long, List<String>> dense = new LinkedHashMap<>();
            Map<Long, List<Boolean>> exploited = new LinkedHashMap<>();
            Map<Long, List<Integer>> ratings = new LinkedHashMap<>();
            database.read(h -> {
                Products products = new Products(h);
                CurrentAdvisories.Loaded loaded = services.advisories().lockCurrent(h);
                for (Products.Product product : products.list(tenant)) {
                    for (Products.Release release : products.releases(product)) {
                        ScanResult result = new ReleaseScanner().result(h, tenant, product, release, loaded, null,
                                Instant.parse("2026-12-06T00:00:00Z"));
                        Set<String> seen = new HashSet<>();
                        List<String> ids = new ArrayList<>();
                        List<Boolean> kev = new ArrayList<>();
                        List<Integer> rating = new ArrayList<>();
                        for (ScanResult.ScannedSbom sbom : result.sboms()) {
                            for (Finding finding : sbom.report().findings()) {
                                if (seen.add(finding.findingId().value())) {
                                    ids.add(finding.findingId().value());
                                    kev.add(finding.knownExploited());
                                    rating.add(finding.rating().ordinal());
                                }
                            }
                        }
                        dense.put(release.id(), ids);
                        exploited.put(release.id(), kev);
                        ratings.put(release.id(), rating);
                    }
                }
                return null;
            });
            assertThat(exploited.values().stream().flatMap(List::stream)).as("the examples have known-exploited findings")
                    .contains(true, false);
            assertThat(dense.values().stream().filter(ids -> ids.size() > 1)).isNotEmpty();

            // The list order (known exploited, rating, position) is the old list order: the dense order sorted
            // stably by known exploited and rating.
            Map<Long, List<String>> oldListOrder = new LinkedHashMap<>();
            for (Map.Entry<Long, List<String>> release : dense.entrySet()) {
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < release.getValue().size(); i++) {
                    indexes.add(i);
                }
                List<Boolean> kev = exploited.get(release.getKey());
                List<Integer> rating = ratings.get(release.getKey());
                indexes.sort(java.util.Comparator.comparing((Integer i) -> !kev.get(i)).thenComparing(rating::get));
                if (!indexes.isEmpty()) { // a release without findings has no rows to order
                    oldListOrder.put(release.getKey(), indexes.stream().map(release.getValue()::get).toList());
                }
            }
            assertThat(listOrder(database)).isEqualTo(oldListOrder);
            Map<String, Integer> scanKeys = positions(database);

            // Stored as before V9 (the dense positions), then migrated: the scan's keys again, the same list order.
            database.transaction(h -> {
                for (Map.Entry<Long, List<String>> release : dense.entrySet()) {
                    for (int i = 0; i < release.getValue().size(); i++) {
                        h.createUpdate("update findings set position = :p where release_id = :r and finding_id = :f")
                                .bind("p", i).bind("r", release.getKey()).bind("f", release.getValue().get(i)).execute();
                    }
                }
                return null;
            });
            assertThat(positions(database)).isNotEqualTo(scanKeys);
            String v9;
            try (InputStream in = FindingsOrderKeyTest.class.getResourceAsStream("/db/migration/V9__findings_order_key.sql")) {
                v9 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            database.transaction(h -> h.createScript(v9).execute());
            assertThat(positions(database)).isEqualTo(scanKeys);
            assertThat(listOrder(database)).isEqualTo(oldListOrder);
        }
    }

    private static Map<Long, List<String>> listOrder(Database database) {
        Map<Long, List<String>> order = new LinkedHashMap<>();
        database.read(h -> h.createQuery("select release_id, finding_id from findings"
                        + " order by release_id, known_exploited desc, severity_rank, position")
                .map((rs, ctx) -> order.computeIfAbsent(rs.getLong(1), r -> new ArrayList<>()).add(rs.getString(2)))
                .list());
        return order;
    }

    private static Map<String, Integer> positions(Database database) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        database.read(h -> h.createQuery("select release_id || '/' || finding_id, position from findings"
                        + " order by release_id, finding_id")
                .map((rs, ctx) -> positions.put(rs.getString(1), rs.getInt(2))).list());
        return positions;
    }
}
