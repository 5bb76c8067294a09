package dev.tandem.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;

/**
 * Why Tandem reads CycloneDX itself (docs/formats/cyclonedx.md): cyclonedx-core-java 12.2.0 turns
 * extension data into phantom components. These are expected failures of the library: once an
 * upgrade fixes them, this test fails and the choice can be revisited.
 */
class CycloneDxCoreJavaQuirkTest {

    @Test
    void libraryInventsComponentsFromXmlExtensionElements() throws Exception {
        byte[] xml = Files.readAllBytes(Fixtures.path("cyclonedx-spec/valid-external-elements-1.2.xml"));
        Bom bom = new XmlParser().parse(xml);
        // the document holds one component (Tandem reads one); the library returns more
        assertThat(bom.getComponents()).hasSizeGreaterThan(1);
        assertThat(SbomReaders.read(Fixtures.path("cyclonedx-spec/valid-external-elements-1.2.xml")).components()).hasSize(1);
    }

    @Test
    void libraryInventsComponentsFromAnUnknownJsonObjectAndFailsOnAnUnknownArray() throws Exception {
        String head = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":\"library\",\"name\":\"a\",";
        Bom bom = new JsonParser().parse((head + "\"x-vendor\":{\"k\":{\"v\":1}}}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(bom.getComponents()).hasSizeGreaterThan(1);
        assertThatThrownBy(() -> new JsonParser().parse((head + "\"x-vendor\":[1,2]}]}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class);
    }
}
