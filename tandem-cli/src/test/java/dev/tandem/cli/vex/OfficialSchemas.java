package dev.tandem.cli.vex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The official schemas of the formats Tandem publishes (CSAF 2.0 with the FIRST CVSS schemas it
 * references, the CSAF provider metadata and ROLIE feed, OpenVEX 0.2.0), bundled under {@code schemas/} with their
 * licences (SOURCES.md) and resolved offline by their {@code $id}.
 */
final class OfficialSchemas {

    static final String CSAF = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    static final String PROVIDER = "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json";
    static final String OPENVEX = "https://github.com/openvex/spec/openvex_json_schema_0.2.0.json";
    /** The ROLIE feed schema the BSI's csaf_checker (gocsaf) checks feeds against; OASIS publishes none for 2.0. */
    static final String ROLIE = "https://raw.githubusercontent.com/oasis-tcs/csaf/master/csaf_2.0/json_schema/ROLIE_feed_json_schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY;

    static {
        Map<String, String> byId = new LinkedHashMap<>();
        Map<String, String> files = Map.of(CSAF, "csaf/csaf_json_schema.json", PROVIDER, "csaf/provider_json_schema.json",
                "https://www.first.org/cvss/cvss-v2.0.json", "csaf/cvss-v2.0.json",
                "https://www.first.org/cvss/cvss-v3.0.json", "csaf/cvss-v3.0.json",
                "https://www.first.org/cvss/cvss-v3.1.json", "csaf/cvss-v3.1.json", OPENVEX, "openvex_json_schema_0.2.0.json",
                ROLIE, "csaf/ROLIE_feed_json_schema.json");
        for (Map.Entry<String, String> file : files.entrySet()) {
            try (InputStream in = OfficialSchemas.class.getResourceAsStream("/schemas/" + file.getValue())) {
                byId.put(file.getKey(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(byId).schemaRegistryConfig(config));
    }

    private OfficialSchemas() {
    }

    static Schema schema(String id) {
        return REGISTRY.getSchema(SchemaLocation.of(id));
    }

    static List<String> violations(String id, String json) {
        try {
            return violations(id, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> violations(String id, JsonNode document) {
        return schema(id).validate(document).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    static void assertValid(String id, String json) {
        assertThat(violations(id, json)).as("violations of %s", id).isEmpty();
    }
}
