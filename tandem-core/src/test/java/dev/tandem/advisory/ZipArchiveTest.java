package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive reader db build and scans read zips with (issue 20): honest archives in every form
 * archivers write (stored, deflated, data descriptors, comments, ZIP64, entries larger than a read
 * window), and hostile ones, each refused with the archive or entry named, never a crash or a hang.
 */
class ZipArchiveTest {

    @TempDir
    Path dir;

    private static byte[] record(String id) {
        return ("{\"id\":\"" + id + "\",\"modified\":\"2024-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** A record padded with {@code padding} random hex characters (so it barely compresses). */
    private static byte[] bigRecord(String id, int padding, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(padding);
        for (int i = 0; i < padding; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return ("{\"id\":\"" + id + "\",\"modified\":\"2024-01-01T00:00:00Z\",\"details\":\"" + text + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One entry of a test archive: stored (sizes and CRC in the local header) or deflated (data descriptor). */
    private record Item(String name, byte[] content, boolean stored) {
        static Item deflated(String name, byte[] content) {
            return new Item(name, content, false);
        }

        static Item stored(String name, byte[] content) {
            return new Item(name, content, true);
        }
    }

    private static byte[] zip(String comment, Item... items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            if (comment != null) {
                out.setComment(comment);
            }
            for (Item item : items) {
                ZipEntry entry = new ZipEntry(item.name());
                if (item.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(item.content());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(item.content().length);
                    entry.setCompressedSize(item.content().length);
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(item.content());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int eocd(byte[] zip) {
        for (int i = zip.length - 22; i >= 0; i--) {
            if (le(zip).getInt(i) == 0x06054b50) {
                return i;
            }
        }
        throw new IllegalStateException("no EOCD");
    }

    /** Where the central record of entry {@code n} (0-based) starts. */
    private static int central(byte[] zip, int n) {
        ByteBuffer b = le(zip);
        int at = b.getInt(eocd(zip) + 16);
        for (int i = 0; i < n; i++) {
            at += 46 + (b.getShort(at + 28) & 0xFFFF) + (b.getShort(at + 30) & 0xFFFF) + (b.getShort(at + 32) & 0xFFFF);
        }
        return at;
    }

    /** Where the local header of entry {@code n} starts, as its central record says. */
    private static int local(byte[] zip, int n) {
        return le(zip).getInt(central(zip, n) + 42);
    }

    private Path write(String name, byte[] zip) throws IOException {
        return Files.write(dir.resolve(name), zip);
    }

    private static AdvisoryLoad lenient(Path zip) throws InputException {
        return AdvisoryLoader.load(List.of(zip), LoadOptions.lenient(), LoadListener.NONE);
    }

    private static AdvisoryLoad strict(Path zip) throws InputException {
        return AdvisoryLoader.load(List.of(zip), LoadOptions.strict(), LoadListener.NONE);
    }

    @Test
    void storedDeflatedDescriptorsAndACommentAreReadInArchiveOrder() throws Exception {
        Path zip = write("mixed.zip", zip("exported by a tool, with a comment",
                Item.stored("b/B-1.json", record("B-1")), Item.deflated("a/A-1.json", record("A-1")),
                Item.stored("C-1.json", record("C-1")), Item.deflated("D-1.json", record("D-1"))));
        AdvisoryLoad load = strict(zip);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("B-1", "A-1", "C-1", "D-1");
        assertThat(load.advisories()).extracting(Advisory::source).containsExactly(zip + "!/b/B-1.json",
                zip + "!/a/A-1.json", zip + "!/C-1.json", zip + "!/D-1.json");
    }

    @Test
    void entriesLargerThanOneReadWindowAndManyRunsKeepTheirOrderAndBytes() throws Exception {
        List<Item> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            // About 5 MB of barely compressible records: several runs of entries, read on both threads.
            items.add(Item.deflated("R-" + i + ".json", bigRecord("R-" + i, 8_000, i)));
            ids.add("R-" + i);
        }
        items.add(Item.deflated("BIG-1.json", bigRecord("BIG-1", 3 * ZipArchive.WINDOW, 1)));
        items.add(Item.stored("BIG-2.json", bigRecord("BIG-2", ZipArchive.WINDOW + 17, 2)));
        items.add(Item.deflated("LAST.json", record("LAST")));
        ids.addAll(List.of("BIG-1", "BIG-2", "LAST"));
        Path zip = write("large.zip", zip(null, items.toArray(Item[]::new)));
        assertThat(Files.size(zip)).isGreaterThan(4L * ZipArchive.WINDOW);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(strict(zip).advisories()).extracting(Advisory::id).containsExactlyElementsOf(ids);
        }
        // The bytes inflated are the bytes written, window boundaries or not.
        try (ZipArchive archive = ZipArchive.open(zip, 10_000)) {
            ZipArchive.Window window = new ZipArchive.Window();
            window.reach(ZipArchive.WINDOW);
            Inflater inflater = new Inflater(true);
            try {
                for (ZipArchive.Entry entry : archive.entries()) {
                    byte[] read = archive.read(entry, entry.name(), entry.size(), () -> "too big", window, inflater);
                    Item item = items.get(entry.index());
                    assertThat(entry.name()).isEqualTo(item.name());
                    assertThat(Arrays.equals(read, item.content())).as(entry.name()).isTrue();
                }
            } finally {
                inflater.end();
            }
        }
    }

    @Test
    void zip64ArchivesWithMoreThan65535EntriesAreRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int count = 65_600;
        CRC32 crc = new CRC32();
        crc.update('x');
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < count - 1; i++) {
                // Stored one-byte fillers: quick to write, each a central record like any other.
                ZipEntry filler = new ZipEntry("n" + i);
                filler.setMethod(ZipEntry.STORED);
                filler.setSize(1);
                filler.setCompressedSize(1);
                filler.setCrc(crc.getValue());
                out.putNextEntry(filler);
                out.write('x');
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("Z-1.json"));
            out.write(record("Z-1"));
            out.closeEntry();
        }
        byte[] zip = bytes.toByteArray();
        assertThat(le(zip).getShort(eocd(zip) + 10) & 0xFFFF).as("the 16-bit count says ZIP64").isEqualTo(0xFFFF);
        Path file = write("zip64.zip", zip);
        AdvisoryLoad load = strict(file);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("Z-1");
        assertThat(load.skippedFiles()).isEqualTo(count - 1);
        try (ZipArchive archive = ZipArchive.open(file, 1_000_000)) {
            assertThat(archive.entries()).hasSize(count);
        }
        assertThatThrownBy(() -> ZipArchive.open(file, 65_000)).isInstanceOf(InputException.class)
                .hasMessage(file + ": the archive has more than 65000 entries (limit); it was not read");
    }

    @Test
    void aTruncatedCentralDirectoryIsAnErrorNamingTheArchive() throws Exception {
        byte[] zip = zip(null, Item.deflated("A-1.json", record("A-1")), Item.deflated("B-1.json", record("B-1")));
        // The end record says the directory is 10 bytes shorter than it is: the second record runs past it.
        ByteBuffer b = le(zip);
        int end = eocd(zip);
        b.putInt(end + 12, b.getInt(end + 12) - 10);
        Path cut = write("cut.zip", zip);
        assertThatThrownBy(() -> strict(cut)).isInstanceOf(InputException.class)
                .hasMessage(cut + ": the central directory is malformed at entry 2");
        // The file cut in the middle of its directory: no end record is left.
        byte[] whole = zip(null, Item.deflated("A-1.json", record("A-1")), Item.deflated("B-1.json", record("B-1")));
        Path truncated = write("truncated.zip", Arrays.copyOf(whole, central(whole, 1) + 20));
        assertThatThrownBy(() -> strict(truncated)).isInstanceOf(InputException.class)
                .hasMessage(truncated + ": not a zip archive: no end of central directory record");
        assertThat(lenient(truncated).problems()).singleElement()
                .satisfies(p -> assertThat(p.source()).isEqualTo(truncated.toString()));
    }

    @Test
    void aCountThatLiesIsRefused() throws Exception {
        byte[] zip = zip(null, Item.deflated("advisories/A-1.json", record("A-1")),
                Item.deflated("advisories/B-1.json", record("B-1")), Item.deflated("advisories/C-1.json", record("C-1")));
        byte[] fewer = zip.clone();
        le(fewer).putShort(eocd(fewer) + 8, (short) 2).putShort(eocd(fewer) + 10, (short) 2);
        Path low = write("low.zip", fewer);
        assertThatThrownBy(() -> strict(low)).isInstanceOf(InputException.class)
                .hasMessage(low + ": the end of central directory record counts 2 entries, the central directory holds 3;"
                        + " it was not read");
        byte[] more = zip.clone();
        le(more).putShort(eocd(more) + 8, (short) 4).putShort(eocd(more) + 10, (short) 4);
        Path high = write("high.zip", more);
        assertThatThrownBy(() -> strict(high)).isInstanceOf(InputException.class)
                .hasMessage(high + ": the central directory is malformed at entry 4");
    }

    @Test
    void zip64OffsetsAndSizesOutsideTheFileAreRefused() throws Exception {
        byte[] zip = zip(null, Item.deflated("A-1.json", record("A-1")));
        // A ZIP64 extra field in place of the offset: Long.MAX_VALUE, which overflows any sum.
        int at = central(zip, 0);
        int nameLength = le(zip).getShort(at + 28);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(zip, 0, at + 46 + nameLength);
        out.writeBytes(le(new byte[12]).putShort((short) 1).putShort((short) 8).putLong(Long.MAX_VALUE).array());
        out.write(zip, at + 46 + nameLength, zip.length - (at + 46 + nameLength));
        byte[] forged = out.toByteArray();
        ByteBuffer b = le(forged);
        b.putInt(at + 42, 0xFFFFFFFF).putShort(at + 30, (short) 12);
        b.putInt(eocd(forged) + 12, b.getInt(eocd(forged) + 12) + 12);
        Path file = write("offset.zip", forged);
        assertThatThrownBy(() -> strict(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": entry A-1.json points outside the archive's data");
    }

    @Test
    void aLocalHeaderThatDisagreesWithTheCentralDirectoryIsRefusedWithTheEntryNamed() throws Exception {
        byte[] zip = zip(null, Item.deflated("A-1.json", record("A-1")), Item.deflated("B-1.json", record("B-1")));
        int local = local(zip, 1);

        byte[] name = zip.clone();
        name[local + 30] = 'X';
        Path renamed = write("name.zip", name);
        assertThat(lenient(renamed).advisories()).extracting(Advisory::id).containsExactly("A-1");
        assertThatThrownBy(() -> strict(renamed)).isInstanceOf(InputException.class).hasMessage(renamed
                + "!/B-1.json: the local header names another entry than the central directory; the entry was not read");

        byte[] method = zip.clone();
        le(method).putShort(local + 8, (short) 0);
        Path stored = write("method.zip", method);
        assertThatThrownBy(() -> strict(stored)).isInstanceOf(InputException.class).hasMessage(stored
                + "!/B-1.json: the local header's compression method (0) differs from the central directory's (8);"
                + " the entry was not read");

        byte[] signature = zip.clone();
        signature[local] = 'Q';
        Path unsigned = write("signature.zip", signature);
        assertThatThrownBy(() -> strict(unsigned)).isInstanceOf(InputException.class).hasMessage(unsigned
                + "!/B-1.json: no local header at offset " + local + " (bad signature); the entry was not read");

        // A local extra field that moves the data into the next entry (or the directory): overlapping data.
        byte[] extra = zip.clone();
        le(extra).putShort(local(zip, 0) + 28, (short) 2000);
        Path shifted = write("extra.zip", extra);
        assertThat(lenient(shifted).advisories()).extracting(Advisory::id).containsExactly("B-1");
        assertThatThrownBy(() -> strict(shifted)).isInstanceOf(InputException.class).hasMessage(shifted
                + "!/A-1.json: the entry's data runs past the next entry or the central directory; the entry was not read");
    }

    @Test
    void encryptedAndUnsupportedEntriesAreRefusedOneByOne() throws Exception {
        byte[] zip = zip(null, Item.deflated("A-1.json", record("A-1")), Item.deflated("B-1.json", record("B-1")),
                Item.deflated("C-1.json", record("C-1")));
        ByteBuffer b = le(zip);
        b.putShort(central(zip, 0) + 8, (short) (b.getShort(central(zip, 0) + 8) | 1));
        b.putShort(central(zip, 1) + 10, (short) 12).putShort(local(zip, 1) + 8, (short) 12);
        Path file = write("refused.zip", zip);
        AdvisoryLoad load = lenient(file);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("C-1");
        assertThat(load.problems()).extracting(InputException::getMessage).containsExactly(
                file + "!/A-1.json: the entry is encrypted; the entry was not read",
                file + "!/B-1.json: the entry is compressed with method 12 (only stored and deflated entries are read);"
                        + " the entry was not read");
    }

    @Test
    void sizesThatLieAreCaughtByWhatIsInflated() throws Exception {
        byte[] zip = zip(null, Item.deflated("A-1.json", record("A-1")), Item.stored("B-1.json", record("B-1")));
        // A declared size larger than the data: the entry is what inflates (as ZipFile read it).
        byte[] larger = zip.clone();
        le(larger).putInt(central(zip, 0) + 24, 5_000_000);
        assertThat(strict(write("larger.zip", larger)).advisories()).extracting(Advisory::id).containsExactly("A-1", "B-1");
        // A stored entry whose sizes disagree.
        byte[] stored = zip.clone();
        le(stored).putInt(central(zip, 1) + 24, 10);
        Path storedFile = write("stored.zip", stored);
        assertThatThrownBy(() -> strict(storedFile)).isInstanceOf(InputException.class).hasMessage(storedFile
                + "!/B-1.json: the stored entry's compressed size (" + record("B-1").length + ") differs from its size (10);"
                + " the entry was not read");
        // A compressed size that cuts the deflate stream short.
        byte[] cut = zip.clone();
        le(cut).putInt(central(zip, 0) + 20, 5);
        Path cutFile = write("short.zip", cut);
        assertThatThrownBy(() -> strict(cutFile)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(cutFile + "!/A-1.json: cannot read the entry: ");
        // 0xFFFFFFFF without a ZIP64 field is taken as it stands, and is over the document limit.
        byte[] huge = zip.clone();
        le(huge).putInt(central(zip, 0) + 24, 0xFFFFFFFF);
        Path hugeFile = write("huge.zip", huge);
        assertThatThrownBy(() -> strict(hugeFile)).isInstanceOf(InputException.class)
                .hasMessage(hugeFile + "!/A-1.json: the entry declares 4294967295 bytes, more than the limit of 1073741824");
    }

    @Test
    void contentThatDoesNotMatchItsCrcIsRefusedWithTheEntryNamed() throws Exception {
        byte[] zip = zip(null, Item.stored("A-1.json", record("A-1")), Item.deflated("B-1.json", record("B-1")),
                Item.stored("C-1.json", record("C-1")));
        // A stored entry altered in place: still valid JSON ("A-1" becomes "A-2"), so only the CRC can tell.
        byte[] altered = zip.clone();
        int data = local(zip, 0) + 30 + "A-1.json".length();
        int digit = new String(record("A-1"), StandardCharsets.UTF_8).indexOf("A-1") + 2;
        altered[data + digit] = '2';
        Path alteredFile = write("altered.zip", altered);
        assertThatThrownBy(() -> strict(alteredFile)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(alteredFile + "!/A-1.json: the entry's content does not match its CRC-32 (")
                .hasMessageEndingWith("): the archive is damaged or was altered; the entry was not read");
        AdvisoryLoad load = lenient(alteredFile);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("B-1", "C-1");
        assertThat(load.problems()).singleElement().satisfies(p -> assertThat(p.source()).isEqualTo(alteredFile + "!/A-1.json"));
        // A deflated entry whose directory CRC is wrong (a damaged directory, or one rewritten to match other data).
        byte[] wrongCrc = zip.clone();
        le(wrongCrc).putInt(central(zip, 1) + 16, le(zip).getInt(central(zip, 1) + 16) ^ 1);
        Path wrongCrcFile = write("wrong-crc.zip", wrongCrc);
        assertThatThrownBy(() -> strict(wrongCrcFile)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(wrongCrcFile + "!/B-1.json: the entry's content does not match its CRC-32");
        // The untouched archive reads whole.
        assertThat(strict(write("intact.zip", zip)).advisories()).extracting(Advisory::id).containsExactly("A-1", "B-1", "C-1");
    }

    @Test
    void corruptDeflateDataIsAnErrorNotAHang() throws Exception {
        byte[] zip = zip(null, Item.deflated("A-1.json", bigRecord("A-1", 4_000, 3)), Item.deflated("B-1.json", record("B-1")));
        int data = local(zip, 0) + 30 + "A-1.json".length();
        for (int i = 0; i < 40; i++) {
            zip[data + 5 + i] = (byte) 0xFF;
        }
        Path file = write("corrupt.zip", zip);
        AdvisoryLoad load = lenient(file);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("B-1");
        // zlib refuses the stream, or what it yields is not the declared bytes or not JSON: an error either way.
        assertThat(load.problems()).singleElement().satisfies(p -> assertThat(p.source()).isEqualTo(file + "!/A-1.json"));
    }

    @Test
    void anEntryNameThatIsNotUtf8IsRefused() throws Exception {
        byte[] zip = zip(null, Item.deflated("A-1.json", record("A-1")), Item.deflated("B-1.json", record("B-1")));
        zip[central(zip, 0) + 46] = (byte) 0xFF;
        zip[local(zip, 0) + 30] = (byte) 0xFF;
        Path file = write("names.zip", zip);
        AdvisoryLoad load = lenient(file);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("B-1");
        assertThat(load.problems()).singleElement().satisfies(p -> assertThat(p.problem())
                .isEqualTo("the entry name is not valid UTF-8 (shown with replacement characters); the entry was not read"));
    }

    @Test
    void anArchiveTruncatedWhileItIsReadIsAnError() throws Exception {
        byte[] zip = zip(null, Item.deflated("A-1.json", record("A-1")), Item.deflated("B-1.json", record("B-1")));
        Path file = write("shrinking.zip", zip);
        try (ZipArchive archive = ZipArchive.open(file, 10)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(local(zip, 1) + 10);
            }
            ZipArchive.Entry second = archive.entries().get(1);
            Inflater inflater = new Inflater(true);
            try {
                assertThatThrownBy(() -> archive.read(second, "shrinking.zip!/B-1.json", 1000, () -> "too big",
                        new ZipArchive.Window(), inflater)).isInstanceOf(InputException.class)
                        .hasMessageStartingWith("shrinking.zip!/B-1.json: the archive is truncated");
            } finally {
                inflater.end();
            }
        }
    }

    @Test
    void theRunsOfEntriesCoverEveryUnitOnce() throws Exception {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(Item.deflated("R-" + i + ".json", bigRecord("R-" + i, 10_000, i)));
            if (i % 50 == 0) {
                items.add(Item.deflated("notes-" + i + ".txt", bigRecord("N", 3_000, i)));
            }
        }
        Path zip = write("runs.zip", zip(null, items.toArray(Item[]::new)));
        Path plain = Files.write(dir.resolve("P-1.json"), record("P-1"));
        AdvisoryLoad load = AdvisoryLoader.load(List.of(zip, plain, zip), LoadOptions.strict(), LoadListener.NONE);
        assertThat(load.advisories()).hasSize(601);
        assertThat(load.advisories().get(300).id()).isEqualTo("P-1");
        for (int i = 0; i < 300; i++) {
            assertThat(load.advisories().get(i).id()).isEqualTo("R-" + i);
            assertThat(load.advisories().get(301 + i).id()).isEqualTo("R-" + i);
        }
        assertThat(load.skippedFiles()).isEqualTo(12);
    }

    @Test
    void unsafeNamesAreTheOnesWithADotDotSegment() {
        for (String name : List.of("a/../b.json", "..", "../x", "x/..", "a\\..\\b", "a/..b/c", "...", "a/.../b", "..a", "a/b..",
                "a//b", "a\\/..//c", ".", "./a", "a/./b", "x..y/z")) {
            boolean traversal = Arrays.stream(name.split("[/\\\\]")).anyMatch(".."::equals);
            assertThat(AdvisoryFiles.unsafeEntryName(name)).as(name)
                    .isEqualTo(traversal ? "path traversal with .." : null);
        }
    }
}
