package dev.tandem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.input.InputException;
import dev.tandem.match.PackageNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Corrupt, truncated, foreign and other-version files are refused with a message naming the file. */
class SnapshotCorruptionTest {

    private static byte[] good;

    @BeforeAll
    static void build() throws Exception {
        AdvisoryDatabase database = AdvisoryDatabase.build(SnapshotFixtures.handMade(), List.of());
        good = SnapshotWriter.encode(database, List.of(), SnapshotFixtures.PROVENANCE);
    }

    private static InputException refused(byte[] bytes) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Snapshot.of("bad.tdb", bytes));
        assertThat(thrown).isInstanceOf(InputException.class);
        InputException error = (InputException) thrown;
        assertThat(error.source()).isEqualTo("bad.tdb");
        assertThat(error.getMessage()).startsWith("bad.tdb: ");
        return error;
    }

    @Test
    void theGoodFileLoads() throws Exception {
        assertThat(Snapshot.of("good.tdb", good).index().lookup(PackageNames.key("Maven", "org.example:widget"))).hasSize(1);
    }

    @Test
    void flippingAnyPayloadByteIsCaughtByTheChecksum() {
        // Every 7th byte of the payload, and the last one: one flipped bit anywhere is a mismatch.
        for (int at = SnapshotFormat.HEADER_SIZE; at < good.length; at += at + 7 < good.length ? 7 : Math.max(1, good.length - 1 - at)) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            assertThat(refused(bad).problem()).as("byte " + at).contains("checksum mismatch");
            if (at == good.length - 1) {
                break;
            }
        }
    }

    @Test
    void aFlippedChecksumInTheHeaderIsAMismatchToo() {
        byte[] bad = good.clone();
        bad[13] ^= 0x40;
        assertThat(refused(bad).problem()).contains("checksum mismatch");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 12, 23, 24, 25, 100, 1000, -1})
    void truncatedFilesAreRefused(int length) {
        int cut = length < 0 ? good.length - 1 : length;
        byte[] bad = Arrays.copyOf(good, cut);
        assertThat(refused(bad).problem()).contains("truncated");
    }

    @Test
    void bytesAfterTheEndAreRefused() {
        byte[] bad = Arrays.copyOf(good, good.length + 3);
        assertThat(refused(bad).problem()).contains("unexpected bytes after the end");
    }

    @Test
    void foreignFilesAreNotSnapshots() {
        assertThat(refused("{\"id\": \"GHSA-xxxx\"}".getBytes(StandardCharsets.UTF_8)).problem())
                .contains("not a Tandem advisory snapshot");
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(refused(zip).problem()).contains("not a Tandem advisory snapshot").contains("504b0304");
        byte[] wrongFirstByte = good.clone();
        wrongFirstByte[0] = 'T';
        assertThat(refused(wrongFirstByte).problem()).contains("not a Tandem advisory snapshot");
    }

    @Test
    void anotherFormatVersionIsRefusedWithAHintToRebuild() {
        byte[] bad = good.clone();
        bad[11] = 4;
        // The hint names no command: the same message reads right in the CLI and in a web page.
        assertThat(refused(bad).problem()).contains("format version 4").contains("reads version 3")
                .contains("rebuild the snapshot from its advisories").doesNotContain("tandem db");
    }

    @Test
    void snapshotsFromBeforeCpeMatchingAreRefusedClearly() {
        // Version 1 (no EPSS, no CPE sections) and version 2 (EPSS, no CPE sections) are what every
        // snapshot built before NVD support is.
        for (int version = 1; version <= 2; version++) {
            byte[] old = good.clone();
            old[11] = (byte) version;
            assertThat(refused(old).problem()).isEqualTo("snapshot format version " + version
                    + ", but this Tandem reads version 3: rebuild the snapshot from its advisories");
        }
    }

    @Test
    void aCraftedEpssSectionIsRefusedAsCorrupt() throws Exception {
        AdvisoryDatabase database = AdvisoryDatabase.build(SnapshotFixtures.handMade(), List.of());
        dev.tandem.advisory.EpssTable epss = dev.tandem.advisory.EpssReader.read("epss.csv",
                "cve,epss,percentile\nCVE-2021-44228,0.9,0.99\n".getBytes(StandardCharsets.UTF_8));
        byte[] withEpss = SnapshotWriter.encode(database, List.of(), epss, SnapshotFixtures.PROVENANCE);
        assertThat(Snapshot.of("epss.tdb", withEpss).epss().orElseThrow().lookup("CVE-2021-44228")).isPresent();
        int table = SnapshotFormat.HEADER_SIZE + 4 + 8 * SnapshotFormat.EPSS;
        int start = SnapshotFormat.HEADER_SIZE + SnapshotFormat.i32(withEpss, table);

        byte[] layout = withEpss.clone();
        layout[start] = 9;
        assertThat(refused(recrc(layout)).problem()).contains("EPSS section layout 9");

        // One row announced more than the section holds.
        byte[] rows = withEpss.clone();
        int length = SnapshotFormat.i32(withEpss, table + 4);
        int count = start + length - SnapshotFormat.EPSS_ROW - 4;
        rows[count + 3] = 2;
        assertThat(refused(recrc(rows)).problem()).contains("the EPSS table is malformed");

        // A score outside [0, 1] surfaces when it is looked up.
        byte[] score = withEpss.clone();
        int row = start + length - SnapshotFormat.EPSS_ROW;
        score[row + 8] = 0x40; // 2.0 and more
        Snapshot crafted = Snapshot.of("bad.tdb", recrc(score));
        assertThatThrownBy(() -> crafted.epss().orElseThrow().lookup("CVE-2021-44228"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("bad.tdb").hasMessageContaining("EPSS");
    }

    /** A crafted file: content changed and the checksum recomputed, so only the structural checks can catch it. */
    private static byte[] recrc(byte[] bytes) {
        int crc = SnapshotFormat.crc32c(bytes, SnapshotFormat.HEADER_SIZE, bytes.length - SnapshotFormat.HEADER_SIZE);
        bytes[12] = (byte) (crc >>> 24);
        bytes[13] = (byte) (crc >>> 16);
        bytes[14] = (byte) (crc >>> 8);
        bytes[15] = (byte) crc;
        return bytes;
    }

    private static int sectionStart(byte[] bytes, int section) {
        return SnapshotFormat.HEADER_SIZE + SnapshotFormat.i32(bytes, SnapshotFormat.HEADER_SIZE + 4 + 8 * section);
    }

    @Test
    void aSectionOutsideTheFileIsRefusedAtLoad() {
        byte[] bad = good.clone();
        int entry = SnapshotFormat.HEADER_SIZE + 4 + 8 * SnapshotFormat.ENTRIES;
        bad[entry] = 0x7F; // offset of the entries section far beyond the end
        assertThat(refused(recrc(bad)).problem()).contains("corrupt snapshot").contains("entries section");
    }

    @Test
    void aPackageRowPointingOutsideItsSectionIsReportedWhenLookedUp() throws Exception {
        byte[] bad = good.clone();
        int row = sectionStart(bad, SnapshotFormat.PACKAGES) + 4;
        bad[row + 8] = 0x7F; // entries offset of the first package
        // Loading checks the tables' shapes only, so a load stays cheap however large the file.
        Snapshot snapshot = Snapshot.of("crafted.tdb", recrc(bad));
        String name = snapshot.string(snapshot.packageName(0));
        String ecosystem = snapshot.string(snapshot.packageEcosystem(0));
        assertThatThrownBy(() -> snapshot.index().lookup(PackageNames.key(ecosystem, name)))
                .isInstanceOf(CorruptSnapshotException.class)
                .hasMessageContaining("crafted.tdb: corrupt snapshot: malformed record");
    }

    @Test
    void anIdSlotPointingAtNoVulnerabilityIsReportedWhenUsed() throws Exception {
        byte[] bad = good.clone();
        int table = sectionStart(bad, SnapshotFormat.ID_HASH);
        int slots = SnapshotFormat.i32(bad, table);
        for (int slot = 0; slot < slots; slot++) {
            int at = table + 4 + slot * SnapshotFormat.HASH_SLOT;
            if (SnapshotFormat.i32(bad, at) != 0) {
                bad[at + 4] = 0x7F; // the vulnerability index of every used slot
            }
        }
        Snapshot snapshot = Snapshot.of("crafted.tdb", recrc(bad));
        assertThatThrownBy(() -> snapshot.index().vulnerabilityFor("CVE-2099-0001"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("crafted.tdb: corrupt snapshot");
        assertThatThrownBy(() -> snapshot.index(List.of(new dev.tandem.advisory.KevEntry("CVE-2099-0001",
                dev.tandem.advisory.KevCatalog.CISA, null, null, false, "", "", "", "k.json"))))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("crafted.tdb: corrupt snapshot");
    }

    @Test
    void aMalformedEntryIsReportedWhenItsPackageIsLookedUp() throws Exception {
        byte[] bad = good.clone();
        int entries = sectionStart(bad, SnapshotFormat.ENTRIES);
        // The first entry's vulnerability index becomes an endless varint.
        Arrays.fill(bad, entries, entries + 6, (byte) 0xFF);
        Snapshot snapshot = Snapshot.of("crafted.tdb", recrc(bad));
        String firstPackage = snapshot.string(snapshot.packageName(0));
        String firstEcosystem = snapshot.string(snapshot.packageEcosystem(0));
        assertThatThrownBy(() -> snapshot.index().lookup(PackageNames.key(firstEcosystem, firstPackage)))
                .isInstanceOf(CorruptSnapshotException.class)
                .satisfies(e -> assertThat(((CorruptSnapshotException) e).input().getMessage())
                        .startsWith("crafted.tdb: corrupt snapshot: malformed record"));
    }

    /**
     * Issue 21: a package row whose entry count is forged to two billion (checksum recomputed) used to
     * allocate a list of that size before the first entry was read; the count is now checked against
     * the bytes left in the entries section first.
     */
    @Test
    void aForgedEntryCountIsCheckedAgainstTheBytesLeftBeforeAnythingIsAllocated() throws Exception {
        byte[] bad = good.clone();
        int row = sectionStart(bad, SnapshotFormat.PACKAGES) + 4;
        bad[row + 12] = 0x7F; // entry count of the first package: 0x7Fxxxxxx
        bad[row + 13] = (byte) 0xFF;
        Snapshot snapshot = Snapshot.of("crafted.tdb", recrc(bad));
        String name = snapshot.string(snapshot.packageName(0));
        String ecosystem = snapshot.string(snapshot.packageEcosystem(0));
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThatThrownBy(() -> snapshot.index().lookup(PackageNames.key(ecosystem, name)))
                .isInstanceOf(CorruptSnapshotException.class)
                .hasMessageContaining("crafted.tdb: corrupt snapshot: malformed record")
                .hasMessageContaining("exceeds the");
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).as("no list of two billion slots").isLessThan(512L << 20);
    }

    @Test
    void aSnapshotFromASpecialFileIsReadThroughTheBoundedReader() {
        // /dev/zero reports size 0: the reader must stop at its limit instead of reading forever.
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(zero));
        assertThatThrownBy(() -> Snapshot.load(zero)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("/dev/zero: ").hasMessageContaining("more than");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.tdb");
        assertThatThrownBy(() -> Snapshot.load(missing)).isInstanceOf(InputException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void aMappedFileIsCheckedAsTheSameBytesInMemory(@TempDir Path dir) throws Exception {
        // Snapshot.load maps a regular file instead of reading it: every verdict and message must be the same.
        Path file = dir.resolve("bad.tdb");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        byte[] trailing = Arrays.copyOf(good, good.length + 3);
        List<byte[]> cases = List.of(new byte[0], Arrays.copyOf(good, 5), Arrays.copyOf(good, SnapshotFormat.HEADER_SIZE + 1),
                Arrays.copyOf(good, good.length - 1), flipped, trailing, "not a snapshot at all".getBytes(StandardCharsets.UTF_8));
        for (byte[] bad : cases) {
            java.nio.file.Files.write(file, bad);
            String expected = refused(bad).getMessage().replace("bad.tdb", file.toString());
            assertThatThrownBy(() -> Snapshot.load(file)).as(bad.length + " bytes").isInstanceOf(InputException.class)
                    .hasMessage(expected);
        }
        java.nio.file.Files.write(file, good);
        Snapshot mapped = Snapshot.load(file);
        Snapshot held = Snapshot.of(file.toString(), good);
        assertThat(mapped.info()).isEqualTo(held.info());
        assertThat(mapped.kevEntries()).isEqualTo(held.kevEntries());
        var key = PackageNames.key("Maven", "org.example:widget");
        assertThat(mapped.index().lookup(key)).hasSize(1);
        assertThat(mapped.index().lookup(key).get(0).vulnerability()).isEqualTo(held.index().lookup(key).get(0).vulnerability());
        assertThat(mapped.index().lookup(key).get(0).affected()).isEqualTo(held.index().lookup(key).get(0).affected());
    }
}
