package dev.tandem.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SbomReadersTest {

    private static final String CYCLONEDX_NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";
    /** Fixtures that are meant to fail; every other fixture must be read completely. */
    private static final List<String> REFUSED = List.of("invalid-bomformat-1.6.json");

    @ParameterizedTest
    @CsvSource({
        "real/proton-bridge-1.8.0-cut.bom.json, CYCLONEDX_JSON",
        "cyclonedx-spec/valid-metadata-supplier-1.3.json, CYCLONEDX_JSON",
        "real/dropwizard-1.3.15-cut.bom.xml, CYCLONEDX_XML",
        "cyclonedx-spec/valid-dependency-1.5.xml, CYCLONEDX_XML",
        "spdx/SPDXJSONExample-v2.3.spdx.json, SPDX_JSON",
        "spdx/SPDXTagExample-v2.3.spdx, SPDX_TAG_VALUE",
        "handmade/graph.spdx, SPDX_TAG_VALUE"})
    void detectsTheFormatFromContent(String fixture, SbomFormat expected) throws Exception {
        assertThat(SbomReaders.detect(Fixtures.path(fixture))).isEqualTo(expected);
        assertThat(SbomReaders.read(Fixtures.path(fixture)).format()).isEqualTo(expected);
    }

    @Test
    void schemaKeyAloneIdentifiesCycloneDx(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("schema-only.json"),
                "{\"$schema\": \"http://cyclonedx.org/schema/bom-1.5.schema.json\", \"components\": [{\"name\": \"a\"}]}");
        assertThat(SbomReaders.detect(file)).isEqualTo(SbomFormat.CYCLONEDX_JSON);
        assertThat(SbomReaders.read(file).components()).hasSize(1);
    }

    @Test
    void everyReaderReportsItsFormat() {
        for (SbomFormat format : SbomFormat.values()) {
            if (format.isLockfile()) {
                assertThatThrownBy(() -> SbomReaders.reader(format)).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            assertThat(SbomReaders.reader(format).format()).isEqualTo(format);
        }
    }

    @Test
    void readerForAKnownFormatReadsDirectly() throws Exception {
        Sbom sbom = SbomReaders.reader(SbomFormat.SPDX_TAG_VALUE).read(Fixtures.path("handmade/graph.spdx"));
        assertThat(sbom.components()).hasSize(7);
    }

    @Test
    void aReaderCalledOnAnotherFormatSaysSoInsteadOfReadingNothing() {
        Path spdx = Fixtures.path("spdx/SPDXJSONExample-v2.3.spdx.json");
        assertThatThrownBy(() -> new CycloneDxJsonReader().read(spdx))
                .isInstanceOf(InputException.class)
                .hasMessage(spdx + ": is SPDX JSON, not CycloneDX JSON (SbomReaders.read detects the format)");
    }

    /** Counts components with a plain parser, independently of the readers, and compares. */
    @TestFactory
    Stream<DynamicTest> nothingIsDropped() throws IOException {
        Path root = Fixtures.path("");
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(root)) {
            fixtures = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(json|xml|spdx)$"))
                    .filter(p -> !REFUSED.contains(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        assertThat(fixtures).hasSizeGreaterThan(20);
        return fixtures.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            Sbom sbom = SbomReaders.read(file);
            assertThat(sbom.components()).hasSize(expectedCount(file));
        }));
    }

    private static int expectedCount(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".spdx")) {
            // the JSON twin of each tag-value fixture holds the same packages
            Path twin = name.startsWith("SPDXTag")
                    ? file.resolveSibling("SPDXJSONExample-v2.3.spdx.json")
                    : file.resolveSibling(name + ".json");
            return new ObjectMapper().readTree(twin.toFile()).path("packages").size();
        }
        if (name.endsWith(".xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            Element bom = document.getDocumentElement();
            Element metadata = child(bom, "metadata");
            return countXml(bom) + (metadata == null ? 0 : countXml(child(metadata, "component")));
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root.has("spdxVersion")) {
            return root.path("packages").size();
        }
        return countJson(root.path("components")) + countJson(root.path("metadata").path("component").path("components"));
    }

    private static int countJson(JsonNode components) {
        int count = 0;
        for (JsonNode component : components) {
            count += 1 + countJson(component.path("components"));
        }
        return count;
    }

    private static int countXml(Element parent) {
        Element components = parent == null ? null : child(parent, "components");
        if (components == null) {
            return 0;
        }
        int count = 0;
        for (Node node = components.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals("component")
                    && element.getNamespaceURI().startsWith(CYCLONEDX_NAMESPACE_PREFIX)) {
                count += 1 + countXml(element);
            }
        }
        return count;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)
                    && element.getNamespaceURI().startsWith(CYCLONEDX_NAMESPACE_PREFIX)) {
                return element;
            }
        }
        return null;
    }
}
