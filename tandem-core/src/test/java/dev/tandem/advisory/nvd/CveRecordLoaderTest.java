package dev.tandem.advisory.nvd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.advisory.LoadOptions;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, directories, zips and gzip feeds, with the archive protections of the OSV loader. */
class CveRecordLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheWholeEmbeddedDataSetFromItsZip() throws Exception {
        CveRecordLoad load = CveRecordLoader.load(List.of(NvdFixtures.embedded()), LoadOptions.strict(), null);
        assertThat(load.records()).hasSize(645);
        assertThat(load.problems()).isEmpty();
        // The data set's README: 8 rejected 1.1 records and 2 rejected 2.0 ones.
        assertThat(load.records().stream().filter(CveRecord::isRejected).count()).isEqualTo(10);
        assertThat(load.records().stream().filter(r -> r.format() == RecordFormat.NVD_API_2).count()).isEqualTo(13);
        assertThat(load.records().get(0).advisory().source()).startsWith(NvdFixtures.embedded() + "!/");
    }

    @Test
    void readsDirectoriesRecursivelyAndGzipFeedsSkippingOtherFiles() throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/CVE-2023-1389.json"), NvdFixtures.text("api-2.0/CVE-2023-1389.json"));
        Files.write(dir.resolve("a/nvdcve-2.0-2015.json.gz"), gzip(("{\"vulnerabilities\":[{\"cve\":"
                + NvdFixtures.text("api-2.0/CVE-2024-1086.json") + "}]}").getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("README.md"), "not a record");
        CveRecordLoad load = CveRecordLoader.load(List.of(dir), LoadOptions.strict(), null);
        assertThat(load.records()).extracting(CveRecord::id).containsExactly("CVE-2023-1389", "CVE-2024-1086");
        assertThat(load.skippedFiles()).isEqualTo(1);
        assertThat(load.records().get(1).advisory().source()).endsWith("nvdcve-2.0-2015.json.gz");
    }

    @Test
    void refusesUnsafeEntriesAndForgedSizesInZips() throws Exception {
        Path zip = dir.resolve("records.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "../../etc/CVE-2023-1389.json", NvdFixtures.text("api-2.0/CVE-2023-1389.json"));
            entry(out, "good/CVE-2024-1086.json", NvdFixtures.text("api-2.0/CVE-2024-1086.json"));
        }
        assertThatThrownBy(() -> CveRecordLoader.load(List.of(zip), LoadOptions.strict(), null))
                .isInstanceOf(InputException.class)
                .hasMessage(zip + "!/../../etc/CVE-2023-1389.json: unsafe archive entry name (path traversal with ..); "
                        + "the entry was not read");
        CveRecordLoad lenient = CveRecordLoader.load(List.of(zip), LoadOptions.lenient(), null);
        assertThat(lenient.records()).extracting(CveRecord::id).containsExactly("CVE-2024-1086");
        assertThat(lenient.problems()).hasSize(1);
    }

    @Test
    void refusesAGzipBomb() throws Exception {
        InputLimits limits = new InputLimits(100_000, 200, 1 << 20, 100, 1 << 30);
        byte[] bomb = gzip(("{\"vulnerabilities\":[" + " ".repeat(2_000_000) + "]}").getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).isLessThan(100_000);
        Path file = dir.resolve("bomb.json.gz");
        Files.write(file, bomb);
        assertThatThrownBy(() -> CveRecordLoader.load(List.of(file), LoadOptions.strict().withLimits(limits), null))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": the gzip data inflates to more than the limit of 100000 bytes; it was not read");
    }

    @Test
    void namesWhatItCannotRead() throws Exception {
        Path text = dir.resolve("records.txt");
        Files.writeString(text, "x");
        assertThatThrownBy(() -> CveRecordLoader.load(List.of(text), LoadOptions.strict(), null))
                .hasMessage(text + ": not an NVD or CVE record file: expected a .json or .json.gz file, a directory or a .zip archive");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> CveRecordLoader.load(List.of(empty), LoadOptions.strict(), null))
                .hasMessage(empty + ": the directory contains no NVD or CVE record files (.json, .json.gz); 1 other files skipped");
        assertThatThrownBy(() -> CveRecordLoader.load(List.of(dir.resolve("missing")), LoadOptions.strict(), null))
                .hasMessage(dir.resolve("missing") + ": no such file or directory");
        Path notGzip = dir.resolve("feed.json.gz");
        Files.writeString(notGzip, "{}");
        assertThatThrownBy(() -> CveRecordLoader.load(List.of(notGzip), LoadOptions.strict(), null))
                .hasMessageStartingWith(notGzip + ": not readable gzip data");
    }

    @Test
    void aLinkOutOfTheFolderIsNotFollowedAndOverlappingZipEntriesAreRefused() throws Exception {
        // The same directory and archive protections as OSV loading (docs/hardening.md), through AdvisoryFiles.
        Path outside = Files.writeString(dir.resolve("CVE-2023-1389.json"), NvdFixtures.text("api-2.0/CVE-2023-1389.json"));
        Path folder = Files.createDirectory(dir.resolve("records"));
        Files.writeString(folder.resolve("CVE-2024-1086.json"), NvdFixtures.text("api-2.0/CVE-2024-1086.json"));
        Files.createSymbolicLink(folder.resolve("link.json"), outside);
        CveRecordLoad lenient = CveRecordLoader.load(List.of(folder), LoadOptions.lenient(), null);
        assertThat(lenient.records()).extracting(CveRecord::id).containsExactly("CVE-2024-1086");
        assertThat(lenient.problems()).singleElement().satisfies(p -> assertThat(p.getMessage()).isEqualTo(
                folder.resolve("link.json") + ": a symbolic link to " + outside.toRealPath() + ", outside the directory: not followed"));
        assertThatThrownBy(() -> CveRecordLoader.load(List.of(folder), LoadOptions.strict(), null))
                .isInstanceOf(InputException.class).hasMessageContaining("outside the directory: not followed");

        Path bomb = dir.resolve("bomb.zip");
        try (var in = getClass().getResourceAsStream("/dev/tandem/fuzz/ReadersFuzzTestInputs/osvZip/regression-overlapping-entries.zip")) {
            Files.write(bomb, in.readAllBytes());
        }
        assertThatThrownBy(() -> CveRecordLoader.load(List.of(bomb), LoadOptions.strict(), null))
                .isInstanceOf(InputException.class).hasMessageStartingWith(bomb + ": ").hasMessageContaining("overlap");
    }

    @Test
    void readsDocumentsHeldInMemoryGzippedOrNot() throws Exception {
        byte[] record = NvdFixtures.text("cve-5/CVE-2024-1086.json").getBytes(StandardCharsets.UTF_8);
        CveRecordLoad load = CveRecordLoader.read(List.of(new InputDocument("upload", gzip(record)),
                new InputDocument("upload.json", record)), LoadOptions.strict());
        assertThat(load.records()).extracting(CveRecord::id).containsExactly("CVE-2024-1086", "CVE-2024-1086");
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
