package dev.tandem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The encoder's two-thread pipeline (one thread numbers texts, the other writes bytes with the
 * numbers it is handed) gives the serial encoder's file byte for byte — and the reference
 * encoder's — whatever the queue's size: a queue of a few numbers makes both threads wait on each
 * other thousands of times, in the middle of a vulnerability as well as between them.
 */
class SnapshotWriterPipelineTest {

    private static final SnapshotProvenance PROVENANCE = new SnapshotProvenance("test",
            Instant.parse("2026-12-07T02:00:00Z"), List.of("osv"), List.of("kev"));

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 20261207})
    void thePipelineEncodesTheSerialFile(long seed) throws Exception {
        Random random = new Random(seed);
        List<Advisory> advisories = SnapshotWriterBytesTest.generated(random, 1_500);
        List<KevEntry> kev = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String cve = "CVE-2099-" + random.nextInt(400);
            kev.add(new KevEntry(random.nextBoolean() ? cve : cve.toLowerCase(Locale.ROOT), KevCatalog.CISA,
                    LocalDate.of(2026, 1, 1 + i % 28), null, random.nextBoolean(), "vendor " + i % 3, "product",
                    "Entry " + i, "kev.json"));
        }
        AdvisoryDatabase database = AdvisoryDatabase.build(advisories, kev);
        byte[] reference = ReferenceSnapshotWriter.encode(database, List.of(), kev, null, PROVENANCE);
        byte[] serial = SnapshotWriter.encode(database, List.of(), kev, null, PROVENANCE, false, 1 << 16);
        assertThat(java.util.Arrays.mismatch(serial, reference)).as("serial: first differing byte").isEqualTo(-1);
        for (int capacity : new int[] {2, 7, 64, 1 << 16}) {
            byte[] pipelined = SnapshotWriter.encode(database, List.of(), kev, null, PROVENANCE, true, capacity);
            assertThat(java.util.Arrays.mismatch(pipelined, serial))
                    .as("queue of %d: first differing byte", capacity).isEqualTo(-1);
        }
    }

    @Test
    void theBundledExamplesEncodeAlikeEitherWay() throws Exception {
        AdvisoryDatabase database = SnapshotFixtures.database();
        List<KevEntry> kev = SnapshotFixtures.kev();
        byte[] serial = SnapshotWriter.encode(database, List.of(), kev, null, PROVENANCE, false, 16);
        assertThat(SnapshotWriter.encode(database, List.of(), kev, null, PROVENANCE, true, 4)).isEqualTo(serial);
        assertThat(SnapshotWriter.encode(database, List.of(), kev, null, PROVENANCE)).isEqualTo(serial);
    }
}
