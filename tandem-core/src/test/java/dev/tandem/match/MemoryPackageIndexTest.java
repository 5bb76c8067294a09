package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory index: every entry of a package, in database order, however many a package has. */
class MemoryPackageIndexTest {

    @Test
    void everyEntryOfAPackageInDatabaseOrder() {
        List<Advisory> advisories = new ArrayList<>();
        // 1, 2, 3, 4, 7 and 13 entries: arrays that fill exactly and ones trimmed after growing.
        int[] sizes = {1, 2, 3, 4, 7, 13};
        for (int p = 0; p < sizes.length; p++) {
            for (int i = 0; i < sizes[p]; i++) {
                advisories.add(advisory("GHSA-" + p + "-" + i, "npm", "pkg-" + p, "1." + i + ".0"));
            }
        }
        advisories.add(advisory("PYSEC-1", "PyPI", "pkg-0", "2.0"));
        advisories.add(advisory("GIT-1", "", "", "abc"));
        AdvisoryDatabase database = AdvisoryDatabase.build(advisories, List.of());
        MemoryPackageIndex index = MemoryPackageIndex.build(database);

        assertThat(index.packageCount()).isEqualTo(sizes.length + 1);
        assertThat(index.entryCount()).isEqualTo(31);
        assertThat(index.ecosystemAdvisories()).isEqualTo(Map.of("npm", 30L, "PyPI", 1L));
        for (int p = 0; p < sizes.length; p++) {
            PackageKey key = PackageNames.key("npm", "pkg-" + p);
            List<List<Object>> expected = new ArrayList<>();
            for (Vulnerability vulnerability : database.vulnerabilities()) {
                for (Advisory advisory : vulnerability.advisories()) {
                    for (AffectedPackage affected : advisory.affected()) {
                        if (IndexEntry.isIndexable(affected) && IndexEntry.keyOf(affected).equals(key)) {
                            expected.add(List.of(vulnerability, advisory, affected));
                        }
                    }
                }
            }
            List<IndexEntry> found = index.lookup(key);
            assertThat(found).hasSize(sizes[p]);
            for (int i = 0; i < found.size(); i++) {
                IndexEntry entry = found.get(i);
                assertThat(entry.vulnerability()).isSameAs(expected.get(i).get(0));
                assertThat(entry.advisory()).isSameAs(expected.get(i).get(1));
                assertThat(entry.affected()).isSameAs(expected.get(i).get(2));
                assertThat(entry.unevaluable()).isEmpty();
            }
            assertThat(index.lookup(key)).isSameAs(found);
        }
        assertThat(index.lookup(PackageNames.key("PyPI", "pkg-0"))).singleElement()
                .satisfies(e -> assertThat(e.advisory().id()).isEqualTo("PYSEC-1"));
        assertThat(index.lookup(PackageNames.key("npm", "absent"))).isEmpty();
    }

    private static Advisory advisory(String id, String ecosystem, String name, String fixed) {
        VersionRange range = new VersionRange(ecosystem.isEmpty() ? RangeType.GIT : RangeType.ECOSYSTEM,
                ecosystem.isEmpty() ? "https://example.org/repo" : null,
                List.of(new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"), new RangeEvent(RangeEvent.Kind.FIXED, fixed)));
        AffectedPackage affected = new AffectedPackage(ecosystem, name, null,
                new AffectedVersions(List.of(range), List.of()), List.of());
        return new Advisory(id, id + ".json", "summary of " + id, "", null, Instant.parse("2024-01-01T00:00:00Z"),
                null, List.of(), List.of(), List.of(), List.of(affected), List.of());
    }
}
