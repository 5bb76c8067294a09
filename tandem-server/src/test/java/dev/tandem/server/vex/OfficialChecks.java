package dev.tandem.server.vex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's published documents checked as the CLI's are: against the official schemas the CLI's tests
 * bundle (tandem-cli/src/test/resources/schemas, with their licences in SOURCES.md there: CSAF 2.0 with the
 * FIRST CVSS schemas, OpenVEX 0.2.0) and CycloneDX with the CycloneDX project's library; CSAF also goes
 * through the BSI's validator library with every mandatory test ({@link dev.tandem.render.vex.BsiCsafValidator},
 * shared with the CLI's tests).
 */
final class OfficialChecks {

    static final String CSAF = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    static final String OPENVEX = "https://github.com/openvex/spec/openvex_json_schema_0.2.0.json";

    private static final Path SCHEMAS = Path.of("../tandem-cli/src/test/resources/schemas").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY;

    static {
        Map<String, String> files = Map.of(CSAF, "csaf/csaf_json_schema.json",
                "https://www.first.org/cvss/cvss-v2.0.json", "csaf/cvss-v2.0.json",
                "https://www.first.org/cvss/cvss-v3.0.json", "csaf/cvss-v3.0.json",
                "https://www.first.org/cvss/cvss-v3.1.json", "csaf/cvss-v3.1.json", OPENVEX, "openvex_json_schema_0.2.0.json");
        Map<String, String> byId = new LinkedHashMap<>();
        files.forEach((id, file) -> {
            try {
                byId.put(id, Files.readString(SCHEMAS.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(byId).schemaRegistryConfig(config));
    }

    private OfficialChecks() {
    }

    static List<String> violations(String id, byte[] json) {
        try {
            JsonNode document = JSON.readTree(json);
            return REGISTRY.getSchema(SchemaLocation.of(id)).validate(document).stream()
                    .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertValid(String id, byte[] json) {
        assertThat(violations(id, json)).as("violations of %s", id).isEmpty();
    }

    static void assertValidCycloneDx(byte[] json) throws IOException {
        assertThat(new org.cyclonedx.parsers.JsonParser().validate(json, org.cyclonedx.Version.VERSION_16)).isEmpty();
    }
}
