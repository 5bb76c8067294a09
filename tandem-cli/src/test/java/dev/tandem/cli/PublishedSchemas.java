package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas published in {@code docs/schemas/} (2020-12), loaded once each, for tests that
 * validate real outputs against the contract users read.
 */
public final class PublishedSchemas {

    /** Where the published schemas live, relative to a module. */
    public static final Path FOLDER = Path.of("../docs/schemas");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private PublishedSchemas() {
    }

    /** Fails with every violation when {@code json} does not match {@code docs/schemas/<name>}. */
    public static void assertValid(String name, String json) {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON, so not valid against " + name + ": " + e.getMessage(), e);
        }
        assertValid(name, document);
    }

    /** Fails with every violation when {@code document} does not match {@code docs/schemas/<name>}. */
    public static void assertValid(String name, JsonNode document) {
        List<String> violations = schema(name).validate(document).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
        assertThat(violations).as("violations of docs/schemas/%s", name).isEmpty();
    }

    /** The schema itself, compiled. */
    public static Schema schema(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try {
                JsonNode node = JSON.readTree(Files.readString(FOLDER.resolve(n)));
                SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(config)).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException("docs/schemas/" + n + " is unreadable", e);
            }
        });
    }
}
