package dev.tandem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.advisory.nvd.CveRecord;
import dev.tandem.advisory.nvd.CveRecordLoader;
import dev.tandem.advisory.nvd.NvdFixtures;
import dev.tandem.match.CpeEntry;
import dev.tandem.match.MemoryCpeIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CPE sections of a snapshot (format 2): every product gives the records the in-memory index
 * gives, in the same order, with equal configurations; vulnerabilities keep their advisories' feeds
 * and scores; crafted content is refused as corrupt when it is used.
 */
class SnapshotCpeIndexTest {

    private static List<CveRecord> records;
    private static AdvisoryDatabase database;
    private static MemoryCpeIndex memory;
    private static Snapshot snapshot;
    private static byte[] file;

    @BeforeAll
    static void build() throws Exception {
        records = new ArrayList<>(CveRecordLoader.load(List.of(NvdFixtures.embedded(), NvdFixtures.path("cve-5")),
                LoadOptions.strict(), null).records());
        List<Advisory> all = new ArrayList<>(SnapshotFixtures.handMade());
        records.forEach(r -> all.add(r.advisory()));
        database = AdvisoryDatabase.build(all, List.of());
        memory = MemoryCpeIndex.build(database, records);
        file = SnapshotWriter.encode(database, records, List.of(), new SnapshotProvenance("test", Instant.EPOCH,
                List.of("osv"), List.of(), List.of("nvd-embedded-645.zip", "cve-5")));
        snapshot = Snapshot.of("cpe.tdb", file);
    }

    private static Set<String> productKeys() {
        Set<String> keys = new TreeSet<>();
        records.forEach(r -> keys.addAll(r.applicability().vulnerableProducts()));
        return keys;
    }

    @Test
    void everyProductGivesTheSameRecordsInTheSameOrder() {
        SnapshotIndex index = snapshot.index();
        Set<String> keys = productKeys();
        assertThat(keys).hasSizeGreaterThan(300);
        for (String key : keys) {
            List<CpeEntry> expected = memory.lookup(key);
            List<CpeEntry> actual = index.lookup(key);
            assertThat(actual).as(key).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).vulnerability().id()).isEqualTo(expected.get(i).vulnerability().id());
                assertThat(actual.get(i).record().id()).isEqualTo(expected.get(i).record().id());
                assertThat(actual.get(i).record().feed()).isEqualTo(expected.get(i).record().feed());
                assertThat(actual.get(i).applicability()).as(key).isEqualTo(expected.get(i).applicability());
            }
        }
        assertThat(index.lookup("a:nobody:nothing")).isEmpty();
        assertThat(index.productCount()).isEqualTo(memory.productCount());
        assertThat(index.recordCount()).isEqualTo(memory.recordCount());
    }

    @Test
    void vulnerabilitiesKeepEveryScoreWithItsSource() {
        Vulnerability stored = snapshot.index().vulnerabilityFor("CVE-2023-1389").orElseThrow();
        Vulnerability original = database.vulnerabilityFor("CVE-2023-1389").orElseThrow();
        assertThat(stored.severities()).isEqualTo(original.severities());
        assertThat(stored.severity()).isEqualTo(original.severity());
        assertThat(stored.severity().source()).isEqualTo("NVD CVE-2023-1389 (nvd@nist.gov, Primary)");
        assertThat(stored.advisories()).extracting(Advisory::feed).isEqualTo(
                original.advisories().stream().map(Advisory::feed).toList());
    }

    @Test
    void theMetadataCountsRecordsAndNamesTheirSources() {
        SnapshotInfo info = snapshot.info();
        assertThat(info.stats().records()).isEqualTo(database.stats().records());
        assertThat(info.stats().rejected()).isEqualTo(10);
        assertThat(info.cpeRecords()).isEqualTo(memory.recordCount());
        assertThat(info.cpeProducts()).isEqualTo(productKeys().size());
        assertThat(info.provenance().recordSources()).containsExactly("nvd-embedded-645.zip", "cve-5");
    }

    @Test
    void aMalformedConfigurationIsReportedWhenItsProductIsLookedUp() throws Exception {
        byte[] bad = file.clone();
        int blob = SnapshotFormat.HEADER_SIZE + SnapshotFormat.i32(bad, SnapshotFormat.HEADER_SIZE + 4
                + 8 * SnapshotFormat.CVE_RECORD_BLOB);
        // Every record's vulnerability index becomes an endless varint.
        Arrays.fill(bad, blob, blob + 6, (byte) 0xFF);
        int crc = SnapshotFormat.crc32c(bad, SnapshotFormat.HEADER_SIZE, bad.length - SnapshotFormat.HEADER_SIZE);
        bad[12] = (byte) (crc >>> 24);
        bad[13] = (byte) (crc >>> 16);
        bad[14] = (byte) (crc >>> 8);
        bad[15] = (byte) crc;
        Snapshot crafted = Snapshot.of("crafted.tdb", bad);
        String first = crafted.string(crafted.cpeProductKey(0));
        assertThatThrownBy(() -> crafted.index().lookup(first)).isInstanceOf(CorruptSnapshotException.class)
                .hasMessageContaining("crafted.tdb: corrupt snapshot: malformed record");
    }
}
