package dev.tandem.server.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The server's published documents checked as the CLI's are: against the official schemas the CLI's tests
 * bundle (tandem-cli/src/test/resources/schemas, with their licences in SOURCES.md there: CSAF 2.0 with the
 * FIRST CVSS schemas, OpenVEX 0.2.0), CycloneDX with the CycloneDX project's library, and CSAF through the
 * BSI's validator library (tools/csaf-validator, installed by .ci/run) with every mandatory test.
 */
final class OfficialChecks {

    static final String CSAF = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    static final String OPENVEX = "https://github.com/openvex/spec/openvex_json_schema_0.2.0.json";

    private static final Path SCHEMAS = Path.of("../tandem-cli/src/test/resources/schemas").toAbsolutePath().normalize();
    private static final Path VALIDATOR = Path.of("../tools/csaf-validator").toAbsolutePath().normalize();
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

    /** Every file passes the BSI validator's strict schema test and the mandatory tests (section 6.1). */
    static synchronized void assertBsiValid(List<Path> files) throws IOException, InterruptedException {
        ensureInstalled();
        List<String> command = new ArrayList<>(List.of("node", VALIDATOR.resolve("validate.mjs").toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        Path errors = Files.createTempFile("csaf-validator", ".err");
        Process process = new ProcessBuilder(command).directory(VALIDATOR.toFile()).redirectError(errors.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the validator finished").isTrue();
        String err = Files.readString(errors);
        Files.delete(errors);
        assertThat(process.exitValue()).as("validator exit code; stderr: %s", err).isZero();
        JsonNode results = JSON.readTree(out);
        assertThat(results.size()).isEqualTo(files.size());
        for (JsonNode result : results) {
            assertThat(result.get("tests").asInt()).as("tests run").isGreaterThan(40);
            assertThat(result.get("errors")).as("BSI csaf-validator-lib errors in %s", result.get("file").asText()).isEmpty();
            assertThat(result.get("isValid").asBoolean()).as(result.get("file").asText()).isTrue();
        }
    }

    private static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isDirectory(VALIDATOR.resolve("node_modules/@secvisogram/csaf-validator-lib"))) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("the BSI CSAF validator is not installed in " + VALIDATOR + "; .ci/run installs it (npm ci)");
        }
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(VALIDATOR.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("npm is not installed here, so the BSI CSAF validator cannot run (CI runs it)");
            return;
        }
        String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(npm.exitValue()).as("npm ci in %s: %s", VALIDATOR, log).isZero();
    }
}
