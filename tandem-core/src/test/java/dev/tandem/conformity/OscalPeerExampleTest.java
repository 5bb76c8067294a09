package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.JsonInput;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one published peer mapping-collection example (oscal-compass) deviates from the OSCAL 1.2.2
 * metaschema. Its deviations are an expected-failure list: the test fails as soon as the example
 * validates (then update the fixture and this list), and it shows that, once those deviations are
 * corrected, the same document is valid under Tandem's derived schema.
 */
class OscalPeerExampleTest {

    private static final BundledSchema MAPPING = BundledSchema.load(BundledSchema.OSCAL_MAPPING);

    private static JsonNode peer() throws Exception {
        try (InputStream in = OscalPeerExampleTest.class.getClassLoader()
                .getResourceAsStream("oscal-peer/csf2-to-800-53r5.mapping-collection.json")) {
            return JsonInput.json().readTree(in);
        }
    }

    @Test
    void knownDeviationsOfThePeerExampleAreReported() throws Exception {
        List<String> violations = MAPPING.violations(peer());
        assertThat(violations).isNotEmpty()
                .anyMatch(v -> v.contains("/provenance") && v.contains("covergae"))
                .anyMatch(v -> v.contains("/maps/0") && v.contains("covergae"))
                .anyMatch(v -> v.contains("/maps/0/relationship"))
                .anyMatch(v -> v.contains("/maps/0/sources/0") && v.contains("id_ref"))
                .anyMatch(v -> v.contains("/maps/0/sources/0") && v.contains("id-ref"));
    }

    @Test
    void theCorrectedPeerExampleIsValid() throws Exception {
        ObjectNode doc = (ObjectNode) peer();
        ObjectNode provenance = (ObjectNode) doc.at("/mapping-collection/provenance");
        provenance.remove("covergae");
        provenance.remove("confidence-score");
        for (JsonNode map : doc.at("/mapping-collection/mappings/0/maps")) {
            ObjectNode m = (ObjectNode) map;
            m.remove("covergae");
            m.remove("confidence-score");
            m.put("relationship", m.path("relationship").path("type").asText());
            for (String side : List.of("sources", "targets")) {
                for (JsonNode item : (ArrayNode) m.get(side)) {
                    ((ObjectNode) item).put("id-ref", item.path("id_ref").asText());
                    ((ObjectNode) item).remove("id_ref");
                }
            }
        }
        assertThat(MAPPING.violations(doc)).isEmpty();
    }
}
