package dev.tandem.reporting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tandem.input.JsonInput;
import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.catalog.FieldDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published schema (docs/schemas/incident.schema.json) against the bundled examples and the catalog. */
class IncidentSchemaTest {

    private static final Path SCHEMA = Path.of("../docs/schemas/incident.schema.json");
    private static Schema schema;
    private static JsonNode schemaNode;

    @BeforeAll
    static void load() throws IOException {
        schemaNode = JsonInput.json().readTree(Files.readString(SCHEMA));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
    }

    private static JsonNode read(Path file) throws IOException {
        String text = Files.readString(file);
        return file.toString().endsWith(".json") ? JsonInput.json().readTree(text) : JsonInput.yaml().readTree(text);
    }

    static List<Path> examples() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String dir : List.of("../examples/incidents", "../examples/scenarios")) {
            Path folder = Path.of(dir);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> list = Files.list(folder)) {
                    list.filter(p -> p.toString().matches(".*\\.(json|ya?ml)$")).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    @Test
    void everyBundledIncidentExampleValidates() throws IOException {
        List<Path> examples = examples().stream().filter(p -> p.startsWith("../examples/incidents")).toList();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (Path example : examples) {
            List<Error> errors = schema.validate(read(example));
            assertThat(errors).as(example.toString()).isEmpty();
        }
    }

    @Test
    void everyBundledScenarioIncidentValidates() throws IOException {
        List<Path> scenarios = examples().stream().filter(p -> p.startsWith("../examples/scenarios")).toList();
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(3);
        for (Path scenario : scenarios) {
            List<Error> errors = schema.validate(read(scenario).get("incident"));
            assertThat(errors).as(scenario.toString()).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsADateTimeWithoutOffsetAndUnknownKeys() throws IOException {
        String valid = """
                {"entity": {"name": "Acme", "timeZone": "Europe/Berlin", "roles": ["cra-manufacturer"]},
                 "event": {"kind": "vulnerability", "activelyExploited": true},
                 "timeline": {"awareAt": "2026-11-20T23:30:00+01:00"}}
                """;
        assertThat(schema.validate(JsonInput.json().readTree(valid))).isEmpty();
        assertThat(schema.validate(JsonInput.json().readTree(valid.replace("+01:00", ""))))
                .extracting(e -> e.getInstanceLocation().toString()).anyMatch(l -> l.contains("awareAt"));
        assertThat(schema.validate(JsonInput.json().readTree(valid.replace("\"activelyExploited\"", "\"activelyExploted\""))))
                .isNotEmpty();
        assertThat(schema.validate(JsonInput.json().readTree(valid.replace("cra-manufacturer", "cra-importer")))).isNotEmpty();
    }

    /** The schema's content keys and roles are generated from the catalog: they must not drift apart. */
    @Test
    void schemaContentKeysAndRolesMatchTheCatalog() {
        Set<String> fromCatalog = new HashSet<>();
        for (FieldDefinition field : CatalogLoader.bundled().fields()) {
            String[] parts = field.recordPath().split("\\.");
            if (parts[0].equals("content")) {
                fromCatalog.add(parts[1]);
            }
        }
        Set<String> fromSchema = new HashSet<>();
        schemaNode.at("/properties/content/properties").fieldNames().forEachRemaining(fromSchema::add);
        assertThat(fromSchema).isEqualTo(fromCatalog);
        Set<String> roles = new HashSet<>();
        schemaNode.at("/properties/entity/properties/roles/items/enum").forEach(r -> roles.add(r.asText()));
        Set<String> catalogRoles = new HashSet<>();
        CatalogLoader.bundled().roles().forEach(r -> catalogRoles.add(r.id()));
        assertThat(roles).isEqualTo(catalogRoles);
        Set<String> timeline = new HashSet<>();
        schemaNode.at("/properties/timeline/properties").fieldNames().forEachRemaining(timeline::add);
        assertThat(timeline).isEqualTo(Set.copyOf(Timeline.EVENTS));
        Set<String> eventKeys = new HashSet<>();
        schemaNode.at("/properties/event/properties").fieldNames().forEachRemaining(eventKeys::add);
        Set<String> catalogFlags = new HashSet<>(Set.of("kind", "affectedIndividuals", "affectedResidents"));
        CatalogLoader.bundled().flags().forEach(f -> catalogFlags.add(f.id()));
        assertThat(eventKeys).isEqualTo(catalogFlags);
    }

    @Test
    void theSchemaAcceptsAnEventOfBothKindsWithCountsAndRefusesBadOnes() throws IOException {
        String valid = """
                {"entity": {"name": "Acme", "roles": ["hipaa-covered", "cra-manufacturer"]},
                 "event": {"kind": ["incident", "vulnerability"], "severe": true, "activelyExploited": true,
                           "affectedIndividuals": 1200, "affectedResidents": {"NY": 800}},
                 "timeline": {"awareAt": "2026-11-20T23:30:00+01:00"}}
                """;
        assertThat(schema.validate(JsonInput.json().readTree(valid))).isEmpty();
        assertThat(schema.validate(JsonInput.json().readTree(valid.replace("[\"incident\", \"vulnerability\"]", "[]")))).isNotEmpty();
        assertThat(schema.validate(JsonInput.json().readTree(valid.replace("\"vulnerability\"]", "\"incident\"]")))).isNotEmpty();
        assertThat(schema.validate(JsonInput.json().readTree(valid.replace("1200", "-1")))).isNotEmpty();
        assertThat(schema.validate(JsonInput.json().readTree(valid.replace("{\"NY\": 800}", "{\"NY\": \"many\"}")))).isNotEmpty();
    }
}
