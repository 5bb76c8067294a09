package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: zip bombs by overlapping entries, directories outside the file, names and links in advisory folders. */
class HostileArchiveAndDirectoryTest {

    private static final String RECORD = "{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\"}";

    @TempDir
    Path dir;

    private static byte[] zipOf(String name, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static int eocd(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = zip.length - 22; i >= 0; i--) {
            if (b.getInt(i) == 0x06054b50) {
                return i;
            }
        }
        throw new IllegalStateException("no EOCD");
    }

    /** Two central-directory entries (same-length names) pointing at the one local entry: overlapping. */
    private static byte[] overlapping(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = eocd(zip);
        int cdSize = b.getInt(end + 12);
        int cdAt = b.getInt(end + 16);
        byte[] record = java.util.Arrays.copyOfRange(zip, cdAt, cdAt + cdSize);
        byte[] second = record.clone();
        second[46] = 'b'; // "a.json" -> "b.json"
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(zip, 0, cdAt + cdSize);
        out.writeBytes(second);
        byte[] tail = java.util.Arrays.copyOfRange(zip, end, zip.length);
        ByteBuffer t = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        t.putShort(8, (short) 2).putShort(10, (short) 2).putInt(12, cdSize * 2);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    @Test
    void overlappingEntriesAreRefusedBeforeAnythingIsInflated() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.zip"), overlapping(zipOf("a.json", RECORD)));
        assertThatThrownBy(() -> ZipArchive.open(bomb, 100).close()).isInstanceOf(InputException.class)
                .hasMessage(bomb + ": entries a.json and b.json overlap (they share compressed data, as zip bombs do);"
                        + " it was not read");
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(bomb), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("overlap");
        AdvisoryLoad lenient = AdvisoryLoader.load(List.of(bomb), LoadOptions.lenient(), LoadListener.NONE);
        assertThat(lenient.advisories()).isEmpty();
        assertThat(lenient.problems()).singleElement().satisfies(p -> assertThat(p.problem()).contains("overlap"));
    }

    @Test
    void aCentralDirectoryOutsideTheFileIsAnError() throws Exception {
        byte[] zip = zipOf("a.json", RECORD);
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(eocd(zip) + 16, 1 << 30);
        Path broken = Files.write(dir.resolve("outside.zip"), zip);
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(broken), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class).hasMessageStartingWith(broken + ": the central directory lies outside the file");
    }

    @Test
    void anEntryPointingOutsideTheDataIsAnError() throws Exception {
        byte[] zip = zipOf("a.json", RECORD);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int cdAt = b.getInt(eocd(zip) + 16);
        b.putInt(cdAt + 42, 1 << 20); // the local header offset
        Path broken = Files.write(dir.resolve("pointer.zip"), zip);
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(broken), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class).hasMessage(broken + ": entry a.json points outside the archive's data");
    }

    @Test
    void anHonestArchiveStillLoads() throws Exception {
        Path zip = Files.write(dir.resolve("ok.zip"), zipOf("a.json", RECORD));
        try (ZipArchive archive = ZipArchive.open(zip, 10)) {
            assertThat(archive.entries()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("a.json"));
        }
        assertThat(AdvisoryLoader.load(List.of(zip), LoadOptions.strict(), LoadListener.NONE).advisories()).hasSize(1);
    }

    @Test
    void aSymbolicLinkOutOfTheDirectoryIsNotFollowed() throws Exception {
        Path outside = Files.writeString(dir.resolve("secret.json"), RECORD);
        Path folder = Files.createDirectory(dir.resolve("advisories"));
        Files.writeString(folder.resolve("in.json"), RECORD.replace("X-1", "X-2"));
        Files.createSymbolicLink(folder.resolve("link.json"), outside);
        Files.createSymbolicLink(folder.resolve("inside.json"), folder.resolve("in.json"));
        AdvisoryLoad load = AdvisoryLoader.load(List.of(folder), LoadOptions.lenient(), LoadListener.NONE);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("X-2", "X-2");
        assertThat(load.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(folder.resolve("link.json").toString());
            assertThat(p.problem()).isEqualTo("a symbolic link to " + outside.toRealPath() + ", outside the directory: not followed");
        });
    }

    @Test
    void aFileNameThatIsNotUtf8IsReportedNotSkipped() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("names"));
        Files.writeString(folder.resolve("good.json"), RECORD);
        Process touch = new ProcessBuilder("sh", "-c", "printf '%s' '" + RECORD + "' > \"$(printf 'bad\\377.json')\"")
                .directory(folder.toFile()).start();
        Assumptions.assumeTrue(touch.waitFor(10, TimeUnit.SECONDS) && touch.exitValue() == 0);
        try (var files = Files.list(folder)) {
            Assumptions.assumeTrue(files.count() == 2);
        }
        AdvisoryLoad load = AdvisoryLoader.load(List.of(folder), LoadOptions.lenient(), LoadListener.NONE);
        assertThat(load.advisories()).hasSize(1);
        assertThat(load.problems()).singleElement().satisfies(p -> assertThat(p.problem())
                .startsWith("the file name is not valid UTF-8"));
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(folder), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("the file name is not valid UTF-8");
    }
}
