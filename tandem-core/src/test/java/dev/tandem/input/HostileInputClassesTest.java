package dev.tandem.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.pqc.inventory.CbomReader;
import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.exercise.ScenarioReader;
import dev.tandem.reporting.incident.IncidentReader;
import dev.tandem.sbom.SbomDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: each class of hostile input that got through, closed at the shared input layer, with
 * the readers it reaches. Every refusal is an {@link InputException} naming the source and, where
 * the format has one, the position; no message names a Java class.
 */
class HostileInputClassesTest {

    private static final IncidentReader INCIDENTS = new IncidentReader(CatalogLoader.bundled());
    private static final ScenarioReader SCENARIOS = new ScenarioReader(CatalogLoader.bundled());

    @TempDir
    Path dir;

    static InputException refused(ThrowingCall call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(InputException.class);
        assertThat(thrown.getMessage()).doesNotContainPattern("\\b(java|javax|com|org)\\.[a-z]+\\.")
                .doesNotContain("Exception");
        return (InputException) thrown;
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Nested
    class SizesNotKnownInAdvance {

        @Test
        void devZeroStopsAtTheLimit() {
            Path zero = Path.of("/dev/zero");
            Assumptions.assumeTrue(Files.isReadable(zero));
            InputException e = refused(() -> InputDocument.read(zero, 1 << 20));
            assertThat(e.getMessage()).isEqualTo("/dev/zero: is over the limit of 1048576 bytes");
        }

        @Test
        void aPipeIsReadOnceThroughTheBoundedStream() throws Exception {
            Path fifo = dir.resolve("pipe.json");
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
            Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
            byte[] sbom = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": []}".getBytes(StandardCharsets.UTF_8);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream out = Files.newOutputStream(fifo)) {
                    out.write(sbom);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            InputDocument document = InputDocument.read(fifo);
            writer.get(10, TimeUnit.SECONDS);
            assertThat(document.content()).isEqualTo(sbom);
            assertThat(SbomDocument.parse(document).sbom().components()).isEmpty();
        }

        @Test
        void aPipeOverTheLimitIsRefusedWithoutReadingItAll() throws Exception {
            Path fifo = dir.resolve("endless.json");
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
            Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream out = Files.newOutputStream(fifo)) {
                    byte[] chunk = new byte[64 * 1024];
                    for (int i = 0; i < 1024; i++) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // The reader closed the pipe at its limit: expected.
                }
            });
            assertThat(refused(() -> InputDocument.read(fifo, 1 << 20)).problem()).isEqualTo("is over the limit of 1048576 bytes");
            writer.get(30, TimeUnit.SECONDS);
        }

        @Test
        void aDirectoryIsNamed() throws Exception {
            assertThat(refused(() -> InputDocument.read(dir)).getMessage()).isEqualTo(dir + ": is a directory, expected a file");
            assertThat(refused(() -> KevReader.read(dir)).getMessage()).isEqualTo(dir + ": is a directory, expected a file");
        }

        @Test
        void theMemoryCeilingIsAQuarterOfTheHeap() {
            assertThat(InputLimits.memoryCeiling()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
            assertThat(InputLimits.DEFAULT.maxTreeBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 5 * 2);
        }
    }

    @Nested
    class DuplicateKeys {

        @Test
        void cycloneDxComponentsTwice() {
            InputException e = refused(() -> SbomDocument.parse(InputDocument.of("dup.cdx.json", """
                    {"bomFormat": "CycloneDX", "specVersion": "1.6",
                     "components": [{"type": "library", "name": "a"}],
                     "components": [{"type": "library", "name": "b"}]}""")));
            assertThat(e.getMessage()).isEqualTo("dup.cdx.json: line 3, column 14: key 'components' is given twice in one"
                    + " object (a second value would silently replace the first)");
        }

        @Test
        void cbomComponentsTwice() {
            refused(() -> new CbomReader().read("dup.cbom.json", """
                    {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [], "components": []}"""
                    .getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void spdxPackagesTwice() {
            assertThat(refused(() -> SbomDocument.parse(InputDocument.of("dup.spdx.json", """
                    {"spdxVersion": "SPDX-2.3", "packages": [], "packages": []}"""))).problem())
                    .startsWith("key 'packages' is given twice");
        }

        @Test
        void aKeyTwiceInsideAComponent() {
            assertThat(refused(() -> SbomDocument.parse(InputDocument.of("dup.cdx.json", """
                    {"bomFormat": "CycloneDX", "specVersion": "1.6",
                     "components": [{"name": "a", "version": "1", "version": "2"}]}"""))).problem())
                    .startsWith("key 'version' is given twice");
        }

        @Test
        void kevVulnerabilitiesTwice() {
            assertThat(refused(() -> KevReader.read("dup-kev.json", """
                    {"catalogVersion": "1", "vulnerabilities": [], "vulnerabilities": []}""".getBytes(StandardCharsets.UTF_8)))
                    .problem()).startsWith("key 'vulnerabilities' is given twice");
        }

        @Test
        void incidentAndScenarioFieldsTwice() {
            assertThat(refused(() -> INCIDENTS.read("dup.json", "{\"entity\": {}, \"entity\": {}}")).problem())
                    .startsWith("key 'entity' is given twice");
            assertThat(refused(() -> INCIDENTS.read("dup.yaml", "entity:\n  name: a\n  name: b\n")).problem())
                    .startsWith("key 'name' is given twice");
            assertThat(refused(() -> SCENARIOS.read("dup.yaml", "title: a\ntitle: b\n", null)).problem())
                    .startsWith("key 'title' is given twice");
        }

        @Test
        void osvFieldsTwice() {
            LoadOptions strict = LoadOptions.strict();
            assertThat(refused(() -> AdvisoryLoader.read(List.of(InputDocument.of("dup.json",
                    "{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"id\": \"X-2\"}")), strict)).problem())
                    .startsWith("key 'id' is given twice");
        }
    }

    @Nested
    class YamlAliasesAndMergeKeys {

        @Test
        void anAliasIsRefusedNotReadAsTheAnchorName() {
            InputException e = refused(() -> INCIDENTS.read("alias.yaml", """
                    entity:
                      name: &n Acme
                      timeZone: *n
                    """));
            assertThat(e.getMessage()).isEqualTo("alias.yaml: line 3, column 13: YAML aliases (*n) are not supported:"
                    + " write the value out in full");
        }

        @Test
        void aMergeKeyIsRefused() {
            InputException e = refused(() -> ProductProfileReader.read("merge.yaml", """
                    product: X
                    base: &b {name: M}
                    manufacturer:
                      <<: *b
                    """, false));
            assertThat(e.getMessage()).startsWith("merge.yaml: line 4, column ");
            // The alias inside comes second: the merge key is what the reader sees first.
            assertThat(e.problem()).contains("merge keys (<<) are not supported");
        }

        @Test
        void aQuotedLessThanLessThanKeyIsJustAKey() throws Exception {
            JsonInput.checkYamlShape("ok.yaml", "'<<': 1\n".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void osvYamlAliasesAreRefusedToo() {
            assertThat(refused(() -> AdvisoryLoader.read(List.of(InputDocument.of("a.yaml", """
                    id: &i X-1
                    modified: 2024-01-01T00:00:00Z
                    aliases: [*i]
                    """)), LoadOptions.strict())).problem()).contains("YAML aliases (*i)");
        }
    }

    @Nested
    class Truncation {

        @Test
        void yamlEndingWithAKeyWithoutValueIsCutOff() {
            InputException e = refused(() -> INCIDENTS.read("cut.yaml", """
                    entity:
                      name: Acme
                    timeline:
                    """));
            assertThat(e.getMessage()).startsWith("cut.yaml: line 3, column 10: the document ends with a key or list item"
                    + " that has no value: it looks cut off");
        }

        @Test
        void anExplicitNullIsNotTruncation() throws Exception {
            JsonInput.checkYamlShape("ok.yaml", "a: 1\nb: null\n".getBytes(StandardCharsets.UTF_8));
            JsonInput.checkYamlShape("ok.yaml", "a: 1\nb:\n...\n".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void tagValueCutInsideTheLastPackage() {
            String whole = """
                    SPDXVersion: SPDX-2.3
                    PackageName: a
                    SPDXID: SPDXRef-a
                    PackageDownloadLocation: NOASSERTION
                    PackageName: b
                    SPDXID: SPDXRef-b
                    PackageDownloadLocation: NOASSERTION
                    """;
            String cut = whole.substring(0, whole.indexOf("PackageDownloadLocation: NOASSERTION\n", whole.indexOf("SPDXRef-b")));
            InputException e = refused(() -> SbomDocument.parse(InputDocument.of("cut.spdx", cut)).sbom());
            assertThat(e.getMessage()).isEqualTo("cut.spdx: line 5, column 1: the document ends inside package 'b',"
                    + " which has no PackageDownloadLocation (required by SPDX 2.3, and given by every package before it):"
                    + " the document looks cut off");
        }
    }

    @Nested
    class LimitsTheDocsPromise {

        private final InputLimits tiny = new InputLimits(1 << 20, 200, 1000, 10, 1 << 20);

        @Test
        void theStringLimitHoldsInsideSkippedFields() {
            String big = "x".repeat(5000);
            assertThat(refused(() -> AdvisoryLoader.read(List.of(InputDocument.of("big.json",
                    "{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"unknown\": {\"deep\": [\"" + big + "\"]}}")),
                    LoadOptions.strict().withLimits(tiny))).problem()).contains("String value length");
            assertThat(refused(() -> SbomDocument.parse(InputDocument.of("s.json",
                    "{\"bomFormat\": \"CycloneDX\", \"x\": \"" + big + "\"}"), tiny)).problem()).contains("String value length");
        }

        @Test
        void aTwoHundredMegabytePlainTagValueValueIsRefused() {
            byte[] head = "SPDXVersion: SPDX-2.3\nPackageName: ".getBytes(StandardCharsets.UTF_8);
            byte[] doc = new byte[head.length + 200 * 1024 * 1024];
            System.arraycopy(head, 0, doc, 0, head.length);
            java.util.Arrays.fill(doc, head.length, doc.length, (byte) 'a');
            InputException e = refused(() -> SbomDocument.parse(new InputDocument("huge.spdx", doc)));
            assertThat(e.getMessage()).startsWith("huge.spdx: line 2, column 1: line 2 is longer than ");
        }

        @Test
        void aValueOverTheStringLimitIsRefusedAtItsColumn() {
            String doc = "SPDXVersion: SPDX-2.3\nPackageName: " + "a".repeat(1001) + "\n";
            assertThat(refused(() -> SbomDocument.parse(InputDocument.of("long.spdx", doc), tiny)).getMessage())
                    .isEqualTo("long.spdx: line 2, column 13: the value of PackageName is longer than 1000 characters");
        }
    }

    @Nested
    class Messages {

        @Test
        void invalidUtf8InYamlPointsAtTheByte() {
            byte[] doc = "entity:\n  name: Acme\n  timeZone: Eur\u00f6pe\n".getBytes(StandardCharsets.ISO_8859_1);
            InputException e = refused(() -> INCIDENTS.read(new InputDocument("latin1.yaml", doc)));
            assertThat(e.getMessage()).isEqualTo("latin1.yaml: line 3, column 16: not valid UTF-8: byte 0xF6 at offset 36"
                    + " cannot start or continue a character");
        }

        @Test
        void xmlCharacterReferencesToForbiddenCharactersAreInputErrors() {
            InputException e = refused(() -> SbomDocument.parse(InputDocument.of("nul.xml",
                    "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>"
                            + "<component type=\"library\"><name>a&#0;b</name></component></components></bom>")));
            assertThat(e.getMessage()).startsWith("nul.xml: line 2, column ").contains("Invalid character reference");
        }

        @Test
        void invalidUtf8MetOnBufferRefillIsAnInputErrorAtItsLine() {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components>\n");
            for (int i = 0; i < 3000; i++) {
                xml.append("<component type=\"library\"><name>c").append(i).append("</name><version>1</version></component>\n");
            }
            byte[] head = xml.toString().getBytes(StandardCharsets.UTF_8);
            byte[] tail = "<component type=\"library\"><name>a\u00ffb</name></component></components></bom>".getBytes(StandardCharsets.ISO_8859_1);
            byte[] doc = new byte[head.length + tail.length];
            System.arraycopy(head, 0, doc, 0, head.length);
            System.arraycopy(tail, 0, doc, head.length, tail.length);
            InputException e = refused(() -> SbomDocument.parse(new InputDocument("refill.xml", doc)));
            assertThat(e.getMessage()).startsWith("refill.xml: line 3003, column 34: malformed XML: Invalid UTF-8 start byte 0xff");
        }
    }
}
