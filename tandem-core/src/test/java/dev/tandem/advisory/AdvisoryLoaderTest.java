package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryLoaderTest {

    @TempDir
    Path temp;

    @Test
    void extensionsAreMatchedAsTheLowerCasedNameWouldMatchThem() {
        // Every character that case-folds oddly: the long s and the Kelvin sign fold to ASCII letters when
        // upper-cased, the dotted capital I lower-cases to two characters.
        String odd = "aAzZjJsSoOnNyYmMlLgG.\u017f\u212a\u0130\u00df\u0131";
        java.util.Random random = new java.util.Random(5);
        int matched = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                name.append(odd.charAt(random.nextInt(odd.length())));
            }
            String text = name.append(List.of(".json", ".JSON", ".Yaml", ".YML", ".gz", ".GZ", ".j\u017fon", ".yam\u0130", "")
                    .get(random.nextInt(9))).toString();
            for (String suffix : List.of(".json", ".yaml", ".yml", ".gz")) {
                boolean expected = text.toLowerCase(java.util.Locale.ROOT).endsWith(suffix);
                assertThat(AdvisoryLoader.endsWithIgnoreCase(text, suffix)).as(text + " " + suffix).isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).isGreaterThan(5_000);
    }

    @Test
    void entriesReadIntoAReusedArrayAreTheEntriesReadAlone() throws Exception {
        // Large entries before small and cut-off ones: each small entry lies in an array that still holds the
        // end of a larger one, which the reader must not see. One worker reads them all, in archive order.
        String head = "{\"id\":\"R-%d\",\"modified\":\"2024-01-01T00:00:00Z\"";
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String text = switch (i % 4) {
                case 0 -> head.formatted(i) + ",\"details\":\"" + "x".repeat(5_000 * (i + 1)) + "\"}";
                case 1 -> head.formatted(i) + "}";
                case 2 -> head.formatted(i) + ",\"aliases\":[\"A-1\"";
                default -> head.formatted(i) + ",\"summary\":\"s\",\"summary\":\"t\"}";
            };
            entries.put("e" + i + ".json", text);
        }
        Path zip = temp.resolve("reused.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        AdvisoryLoad load = AdvisoryLoader.load(List.of(zip), LoadOptions.lenient(), null);
        List<String> expected = new ArrayList<>();
        List<String> expectedProblems = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            try {
                OsvReader.readAll(zip + "!/" + entry.getKey(), entry.getValue().getBytes(StandardCharsets.UTF_8), false,
                        InputLimits.DEFAULT).forEach(a -> expected.add(a.id() + " " + a.details().length()));
            } catch (InputException e) {
                expectedProblems.add(e.getMessage());
            }
        }
        assertThat(load.advisories()).extracting(a -> a.id() + " " + a.details().length())
                .containsExactlyElementsOf(expected);
        assertThat(load.problems()).extracting(InputException::getMessage).containsExactlyElementsOf(expectedProblems);
        assertThat(expected).hasSize(6);
        assertThat(expectedProblems).hasSize(6).anyMatch(m -> m.contains("is given twice"));
    }

    @Test
    void loadsADirectoryRecursivelyInSortedOrder() throws Exception {
        List<long[]> calls = Collections.synchronizedList(new ArrayList<>());
        AdvisoryLoad load = AdvisoryLoader.load(List.of(Fixtures.path("osv")), LoadOptions.strict(),
                (done, total) -> calls.add(new long[] {done, total}));
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly(
                "RUSTSEC-2016-0001", "RUSTSEC-2019-0031", "RUSTSEC-2023-0060", "RUSTSEC-2023-0061", "RUSTSEC-2024-0445",
                "GHSA-35jh-r3h4-6jhm", "GHSA-jfh8-c2jp-5v3q",
                "GO-2022-0535", "GO-2022-0617", "GO-2025-3459",
                "CVE-2023-41045", "GO-2024-2963", "RHSA-2022:0216", "GHSA-9v2f-6vcg-3hgv",
                "PYSEC-2019-16", "PYSEC-2023-74");
        assertThat(load.withdrawn()).isEqualTo(3);
        assertThat(load.problems()).isEmpty();
        assertThat(load.skippedFiles()).isZero();
        assertThat(calls.get(0)).containsExactly(0, 16);
        assertThat(calls.get(calls.size() - 1)).containsExactly(16, 16);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isEqualTo(calls.get(i - 1)[0] + 1);
        }
    }

    @Test
    void otherFilesAreCountedAsSkippedAndDotFoldersAreNotWalked() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("db"));
        Files.copy(Fixtures.path("osv/go/GO-2025-3459.json"), dir.resolve("GO-2025-3459.json"));
        Files.writeString(dir.resolve("README.md"), "# not an advisory");
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/objects/config.json"), "{ not OSV at all");
        AdvisoryLoad load = AdvisoryLoader.load(List.of(dir), LoadOptions.strict(), LoadListener.NONE);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("GO-2025-3459");
        assertThat(load.skippedFiles()).isEqualTo(2);
    }

    @Test
    void strictStopsAtTheFirstBadRecordInLoadOrder() throws Exception {
        Path dir = manyRecords(40);
        Files.writeString(dir.resolve("rec-0031.json"), "{\"id\":\"R-31\",\"modified\":\"2024-01-01T00:00:00Z\",\n\"aliases\":{}}");
        Files.writeString(dir.resolve("rec-0007.json"), "{\"id\":\"R-7\",\n\n\"modified\":\"soon\"}");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> AdvisoryLoader.load(List.of(dir), LoadOptions.strict(), LoadListener.NONE))
                    .isInstanceOf(InputException.class)
                    .hasMessage(dir.resolve("rec-0007.json") + ": line 3, column 12, at /modified: modified must be an "
                            + "RFC 3339 timestamp such as 2024-01-31T12:00:00Z, found \"soon\"");
        }
    }

    @Test
    void lenientCollectsEveryProblemAndKeepsTheGoodRecords() throws Exception {
        Path dir = manyRecords(10);
        Files.writeString(dir.resolve("rec-0003.json"), "{\"id\":\"R-3\"");
        Files.delete(dir.resolve("rec-0008.json"));
        Files.writeString(dir.resolve("rec-0008.yaml"), "id: R-8\nmodified: 2024-01-01T00:00:00Z\naffected: {}\n");
        AdvisoryLoad load = AdvisoryLoader.load(List.of(dir), LoadOptions.lenient(), LoadListener.NONE);
        assertThat(load.advisories()).extracting(Advisory::id)
                .containsExactly("R-0", "R-1", "R-2", "R-4", "R-5", "R-6", "R-7", "R-9");
        assertThat(load.problems()).extracting(InputException::source)
                .containsExactly(dir.resolve("rec-0003.json").toString(), dir.resolve("rec-0008.yaml").toString());
        assertThat(load.problems().get(1).getMessage()).endsWith("line 3, column 11, at /affected: "
                + "affected must be an array, found an object");
    }

    @Test
    void loadsManyFilesInParallelWithADeterministicOrder() throws Exception {
        Path dir = manyRecords(500);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add("R-" + i);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            AdvisoryLoad load = AdvisoryLoader.load(List.of(dir), LoadOptions.strict(), LoadListener.NONE);
            assertThat(load.advisories()).extracting(Advisory::id).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void archivesParsedSamplesFirstGiveTheirRecordsAndFirstProblemInLoadOrder() throws Exception {
        // Three archives of more entries than a sample: each archive's first entries are parsed before the
        // rest of the first archive, yet the records, the problems and the strict error are in load order.
        int perArchive = AdvisoryFiles.SAMPLE * 2 + 17;
        List<Path> zips = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String archive : List.of("a", "b", "c")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < perArchive; i++) {
                String id = archive.toUpperCase(java.util.Locale.ROOT) + "-" + i;
                // A bad record late in the first archive, and one in each later archive's sample.
                boolean bad = archive.equals("a") ? i == AdvisoryFiles.SAMPLE + 5 : i == 3;
                String text = bad ? "{\"id\":\"" + id + "\",\"modified\":\"never\"}"
                        : "{\"id\":\"" + id + "\",\"modified\":\"2024-01-01T00:00:00Z\"}";
                entries.put(String.format("%s-%04d.json", archive, i), text.getBytes(StandardCharsets.UTF_8));
                if (!bad) {
                    expected.add(id);
                }
            }
            Path dir = Files.createDirectories(temp.resolve(archive));
            Path zip = dir.resolve("all.zip");
            Files.write(zip, zipBytes(entries));
            zips.add(zip);
        }
        List<ZipArchive> archives = new ArrayList<>();
        try {
            List<AdvisoryFiles.Unit> units = new ArrayList<>();
            for (Path zip : zips) {
                ZipArchive archive = ZipArchive.open(zip, 10_000);
                archives.add(archive);
                for (ZipArchive.Entry entry : archive.entries()) {
                    units.add(new AdvisoryFiles.ZipUnit(archive, entry, entry.name(), InputLimits.DEFAULT,
                            new java.util.concurrent.atomic.AtomicLong()));
                }
            }
            int[] runs = AdvisoryFiles.runs(units);
            int[] order = AdvisoryFiles.samplesFirst(units, runs);
            assertThat(order).hasSize(runs.length - 1);
            assertThat(java.util.Arrays.stream(order).sorted().toArray())
                    .isEqualTo(java.util.stream.IntStream.range(0, runs.length - 1).toArray());
            for (int archive = 0; archive < 3; archive++) {
                assertThat(runs[order[archive]]).isEqualTo(archive * perArchive);
                assertThat(runs[order[archive] + 1]).isEqualTo(archive * perArchive + AdvisoryFiles.SAMPLE);
            }
            assertThat(runs[order[3]]).isEqualTo(AdvisoryFiles.SAMPLE);
        } finally {
            archives.forEach(ZipArchive::close);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> AdvisoryLoader.load(zips, LoadOptions.strict(), LoadListener.NONE))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(zips.get(0) + "!/a-" + String.format("%04d", AdvisoryFiles.SAMPLE + 5)
                            + ".json:");
            AdvisoryLoad lenient = AdvisoryLoader.load(zips, LoadOptions.lenient(), LoadListener.NONE);
            assertThat(lenient.advisories()).extracting(Advisory::id).containsExactlyElementsOf(expected);
            assertThat(lenient.problems()).extracting(InputException::source).containsExactly(
                    zips.get(0) + "!/a-" + String.format("%04d", AdvisoryFiles.SAMPLE + 5) + ".json",
                    zips.get(1) + "!/b-0003.json", zips.get(2) + "!/c-0003.json");
        }
    }

    @Test
    void loadsAZipAsOsvPublishesItAndNamesEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("GHSA-35jh-r3h4-6jhm.json", Files.readAllBytes(Fixtures.path("osv/ghsa/GHSA-35jh-r3h4-6jhm.json")));
        entries.put("docs/", new byte[0]);
        entries.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        entries.put("inner.zip", zipBytes(Map.of("X.json", "{}".getBytes(StandardCharsets.UTF_8))));
        entries.put("PYSEC-2023-74.yaml", Files.readAllBytes(Fixtures.path("osv/pypi/PYSEC-2023-74.yaml")));
        Path zip = zip("all.zip", entries);
        AdvisoryLoad load = AdvisoryLoader.load(List.of(zip), LoadOptions.strict(), LoadListener.NONE);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("GHSA-35jh-r3h4-6jhm", "PYSEC-2023-74");
        assertThat(load.advisories()).extracting(Advisory::source)
                .containsExactly(zip + "!/GHSA-35jh-r3h4-6jhm.json", zip + "!/PYSEC-2023-74.yaml");
        assertThat(load.skippedFiles()).isEqualTo(2);
    }

    @Test
    void aBadZipEntryIsNamedWithItsArchive() throws Exception {
        Path zip = zip("all.zip", Map.of("BAD-1.json", "{\"id\":\"BAD-1\",\n\"modified\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(zip), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(zip + "!/BAD-1.json: line 2, column 12, at /modified: modified must be a string, found an array");
    }

    @Test
    void zipEntriesWithTraversalNamesAreRefusedNeverResolved() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../etc/evil.json", record("EVIL-1"));
        entries.put("/abs/evil.json", record("EVIL-2"));
        entries.put("ok/GOOD-1.json", record("GOOD-1"));
        Path zip = zip("traversal.zip", entries);
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(zip), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(zip + "!/../../etc/evil.json: unsafe archive entry name (path traversal with ..); "
                        + "the entry was not read");
        AdvisoryLoad load = AdvisoryLoader.load(List.of(zip), LoadOptions.lenient(), LoadListener.NONE);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("GOOD-1");
        assertThat(load.problems()).extracting(InputException::problem).containsExactly(
                "unsafe archive entry name (path traversal with ..); the entry was not read",
                "unsafe archive entry name (absolute path); the entry was not read");
        assertThat(Files.exists(temp.resolve("../../etc/evil.json").normalize())).isFalse();
    }

    @Test
    void zipBombsAreRefusedByEntryCountAndUncompressedSize() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("R-" + i + ".json", record("R-" + i));
        }
        Path manyZip = zip("many.zip", many);
        InputLimits tight = new InputLimits(1 << 20, 200, 1 << 20, 10, 1 << 20);
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(manyZip), LoadOptions.strict().withLimits(tight),
                LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(manyZip + ": the archive has more than 10 entries (limit); it was not read");

        // 3 MB of spaces after a record compresses to a few kB but inflates past the 2 MB archive limit.
        byte[] padded = new byte[1_500_000];
        java.util.Arrays.fill(padded, (byte) ' ');
        System.arraycopy(record("BIG-1"), 0, padded, 0, record("BIG-1").length);
        Map<String, byte[]> big = new LinkedHashMap<>();
        big.put("BIG-1.json", padded);
        big.put("BIG-2.json", padded);
        Path bigZip = zip("big.zip", big);
        assertThat(Files.size(bigZip)).isLessThan(50_000);
        InputLimits small = new InputLimits(4 << 20, 200, 1 << 20, 100, 2 << 20);
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(bigZip), LoadOptions.strict().withLimits(small),
                LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(bigZip + ": the archive's entries add up to more than 2097152 uncompressed bytes (limit); "
                        + "it was not read");
        InputLimits smallEntries = new InputLimits(1 << 20, 200, 1 << 20, 100, 8 << 20);
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(bigZip), LoadOptions.strict().withLimits(smallEntries),
                LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(bigZip + "!/BIG-1.json: the entry declares 1500000 bytes, more than the limit of 1048576");
    }

    @Test
    void anEntryThatInflatesPastItsDeclaredSizeIsRefused() throws Exception {
        byte[] padded = new byte[200_000];
        java.util.Arrays.fill(padded, (byte) ' ');
        System.arraycopy(record("LIE-1"), 0, padded, 0, record("LIE-1").length);
        byte[] zip = zipBytes(Map.of("LIE-1.json", padded));
        // Forge the central directory: declare 100 bytes for an entry that inflates to 200,000.
        int header = -1;
        for (int i = zip.length - 46; i >= 0; i--) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) {
                header = i;
                break;
            }
        }
        assertThat(header).isPositive();
        java.nio.ByteBuffer.wrap(zip, header + 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(100);
        Path forged = Files.write(temp.resolve("forged.zip"), zip);
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(forged), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(forged + "!/LIE-1.json: the entry inflates to more than its declared 100 bytes");
    }

    @Test
    void fileSizeLimitsApplyToPlainFiles() throws Exception {
        Path dir = manyRecords(2);
        InputLimits tiny = new InputLimits(20, 200, 1 << 20, 10, 1 << 20);
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(dir), LoadOptions.strict().withLimits(tiny), LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("rec-0000.json") + ": has 46 bytes, over the limit of 20 bytes");
    }

    @Test
    void aCorruptZipIsAnError() throws Exception {
        Path zip = temp.resolve("broken.zip");
        Files.writeString(zip, "PK this is not really a zip");
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(zip), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(zip + ": not a zip archive");
    }

    @Test
    void emptyDirectoriesMissingPathsAndForeignFilesAreErrors() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(empty), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(empty + ": the directory contains no OSV files (.json, .yaml, .yml); 1 other files skipped");
        AdvisoryLoad lenient = AdvisoryLoader.load(List.of(empty), LoadOptions.lenient(), LoadListener.NONE);
        assertThat(lenient.advisories()).isEmpty();
        assertThat(lenient.problems()).hasSize(1);
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(temp.resolve("nope")), LoadOptions.lenient(), LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(temp.resolve("nope") + ": no such file or directory");
        Path text = Files.writeString(temp.resolve("advisories.txt"), "x");
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(text), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not an OSV file");
    }

    @Test
    void aSingleFileMayHoldAJsonArrayOfRecords() throws Exception {
        Path file = Files.writeString(temp.resolve("all.json"),
                "[" + new String(record("A-1"), StandardCharsets.UTF_8) + "," + new String(record("A-2"), StandardCharsets.UTF_8)
                        + "]");
        AdvisoryLoad load = AdvisoryLoader.load(List.of(file, Fixtures.path("osv/go/GO-2025-3459.json")),
                LoadOptions.strict(), LoadListener.NONE);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("A-1", "A-2", "GO-2025-3459");
    }

    @Test
    void lenientKeepsTheGoodRecordsOfAJsonArrayAroundABadOne() throws Exception {
        Path file = Files.writeString(temp.resolve("all.json"), "[\n"
                + new String(record("A-1"), StandardCharsets.UTF_8) + ",\n"
                + "{\"id\":\"A-2\",\"affected\":[{\"ranges\":[{\"type\":\"X\",\"events\":[{\"a\":{\"b\":[1]}}]}]}]},\n"
                + "7,\n"
                + new String(record("A-4"), StandardCharsets.UTF_8) + "\n]");
        AdvisoryLoad load = AdvisoryLoader.load(List.of(file), LoadOptions.lenient(), LoadListener.NONE);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("A-1", "A-4");
        assertThat(load.problems()).extracting(e -> e.position().line() + " " + e.problem()).containsExactly(
                "3 range type must be SEMVER, ECOSYSTEM or GIT, found \"X\"",
                "4 an OSV record must be an object, found a number");
        assertThatThrownBy(() -> AdvisoryLoader.load(List.of(file), LoadOptions.strict(), LoadListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 3");
    }

    private Path manyRecords(int count) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("many-" + count));
        for (int i = 0; i < count; i++) {
            Files.write(dir.resolve(String.format("rec-%04d.json", i)), record("R-" + i));
        }
        return dir;
    }

    private static byte[] record(String id) {
        return ("{\"id\":\"" + id + "\",\"modified\":\"2024-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path zip = temp.resolve(name);
        Files.write(zip, zipBytes(entries));
        return zip;
    }

    private static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                OutputStream stream = out;
                stream.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aSymbolicLinkToTheAdvisoryFolderIsFollowedAndFilesKeepTheGivenPath() throws Exception {
        Path real = Files.createDirectories(temp.resolve("mirror/osv"));
        Files.copy(Fixtures.path("osv/go/GO-2025-3459.json"), real.resolve("GO-2025-3459.json"));
        Path link = Files.createSymbolicLink(temp.resolve("advisories"), real);
        AdvisoryLoad load = AdvisoryLoader.load(List.of(link), LoadOptions.strict(), LoadListener.NONE);
        assertThat(load.advisories()).extracting(Advisory::id).containsExactly("GO-2025-3459");
        assertThat(load.advisories().get(0).source()).isEqualTo(link.resolve("GO-2025-3459.json").toString());
    }
}
