package dev.tandem.cli.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published schemas of the reporting outputs (docs/schemas/) against real outputs on the bundled
 * examples and edge cases, and proof that they are strict: a broken output fails them.
 */
class ReportingSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTER = ObligationsCommandTest.ROUTER;
    private static final String RANSOMWARE = ObligationsCommandTest.RANSOMWARE;
    private static final List<String> SCENARIOS = List.of("bank-personal-data-breach", "ransomware-energy-eu-us",
            "router-exploited-vulnerability");

    private static JsonNode json(int exit, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isEqualTo(exit);
        return run.json();
    }

    private static JsonNode json(String... args) {
        return json(0, args);
    }

    private static List<String> violations(String schema, JsonNode document) {
        return PublishedSchemas.schema(schema).validate(document).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"obligations", "report", "frameworks-list", "frameworks-show", "frameworks-compare", "exercise",
            "incident"})
    void everyPublishedSchemaIsAValidDraft202012Schema(String name) throws IOException {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        JsonNode schema = JSON.readTree(Files.readString(PublishedSchemas.FOLDER.resolve(name + ".schema.json")));
        assertThat(meta.validate(schema)).as(name).isEmpty();
        if (!name.equals("incident")) {
            assertThat(schema.get("$id").asText()).isEqualTo("https://tandem.dev/schemas/" + name + ".schema.json");
            assertThat(schema.get("required")).extracting(JsonNode::asText).contains("catalog");
            assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        }
    }

    @Test
    void obligationsOfBothIncidentsAndTheirEdgeCases(@TempDir Path dir) throws IOException {
        PublishedSchemas.assertValid("obligations.schema.json",
                json("obligations", "--incident", ROUTER, "--at", "2026-11-21T12:00:00Z", "--format", "json"));
        PublishedSchemas.assertValid("obligations.schema.json",
                json("obligations", "--incident", RANSOMWARE, "--at", "2026-11-26T12:00:00Z", "--format", "json"));
        // Overdue (exit 1), every submission after the instant (warnings), and nothing at all owed.
        PublishedSchemas.assertValid("obligations.schema.json",
                json(1, "obligations", "--incident", ROUTER, "--at", "2026-11-24T00:00:00Z", "--format", "json"));
        JsonNode early = json("obligations", "--incident", RANSOMWARE, "--at", "2026-11-23T15:00:00Z", "--format", "json");
        assertThat(early.get("issues")).isNotEmpty();
        PublishedSchemas.assertValid("obligations.schema.json", early);
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, Files.readString(Path.of(ROUTER)).replace("\"activelyExploited\"", "\"activelyExploted\""));
        JsonNode none = json("obligations", "--incident", typo.toString(), "--at", "2026-11-21T12:00:00Z", "--format", "json");
        assertThat(none.get("obligations")).isEmpty();
        PublishedSchemas.assertValid("obligations.schema.json", none);
    }

    @Test
    void reportDraftsWithAndWithoutAnObligation() {
        for (String[] args : List.of(
                new String[] {ROUTER, "eu-cra-vulnerability", "notification", "2026-11-21T12:00:00Z"},
                new String[] {ROUTER, "eu-cra-vulnerability", "final-report", "2026-11-21T12:00:00Z"},
                new String[] {ROUTER, "us-sec-8k", "form-8k", "2026-11-21T12:00:00Z"},
                new String[] {RANSOMWARE, "us-circia", "incident-report", "2026-11-26T12:00:00Z"},
                new String[] {RANSOMWARE, "us-circia", "ransom-payment-report", "2026-11-26T12:00:00Z"},
                new String[] {RANSOMWARE, "us-nydfs", "extortion-payment-justification", "2026-11-26T12:00:00Z"},
                new String[] {RANSOMWARE, "eu-nis2", "final-report", "2026-11-26T12:00:00Z"})) {
            JsonNode draft = json("report", "--incident", args[0], "--framework", args[1], "--stage", args[2], "--at", args[3],
                    "--format", "json");
            PublishedSchemas.assertValid("report.schema.json", draft);
        }
    }

    @Test
    void frameworkListAndEveryFramework() {
        JsonNode list = json("frameworks", "list", "--format", "json", "--on", "2026-12-01");
        PublishedSchemas.assertValid("frameworks-list.schema.json", list);
        PublishedSchemas.assertValid("frameworks-list.schema.json", json("frameworks", "list", "--format", "json", "--on", "2020-01-01"));
        assertThat(list.get("frameworks")).hasSize(25);
        for (JsonNode framework : list.get("frameworks")) {
            PublishedSchemas.assertValid("frameworks-show.schema.json",
                    json("frameworks", "show", framework.get("id").asText(), "--format", "json", "--on", "2026-12-01"));
        }
    }

    @Test
    void comparisonOfAllOfOneSideAndOfAPair() {
        PublishedSchemas.assertValid("frameworks-compare.schema.json", json("frameworks", "compare", "--format", "json", "--on", "2026-12-01"));
        JsonNode eu = json("frameworks", "compare", "--frameworks", "eu-nis2,eu-gdpr", "--format", "json", "--on", "2026-12-01");
        PublishedSchemas.assertValid("frameworks-compare.schema.json", eu);
        PublishedSchemas.assertValid("frameworks-compare.schema.json",
                json("frameworks", "compare", "--frameworks", "eu-dora,us-circia", "--format", "json", "--on", "2020-01-01"));
    }

    @Test
    void exercisesOfEveryScenarioWithAndWithoutShifts() {
        for (String scenario : SCENARIOS) {
            PublishedSchemas.assertValid("exercise.schema.json",
                    json("exercise", "../examples/scenarios/" + scenario + ".yaml", "--format", "json"));
        }
        PublishedSchemas.assertValid("exercise.schema.json", json("exercise", "../examples/scenarios/ransomware-energy-eu-us.yaml",
                "--shift", "materialityDeterminedAt=P2D", "--format", "json"));
        PublishedSchemas.assertValid("exercise.schema.json", json("exercise", "../examples/scenarios/bank-personal-data-breach.yaml",
                "--shift", "awareAt=-PT12H", "--format", "json"));
        // Detection starts no clock: a shift with nothing changed.
        JsonNode unchanged = json("exercise", "../examples/scenarios/ransomware-energy-eu-us.yaml",
                "--shift", "discoveredAt=PT1M", "--format", "json");
        assertThat(unchanged.get("shift").isObject()).isTrue();
        assertThat(unchanged.get("changes")).isEmpty();
        PublishedSchemas.assertValid("exercise.schema.json", unchanged);
    }

    @Test
    void theSchemasRefuseOutputsThatBreakTheContract() {
        JsonNode obligations = json("obligations", "--incident", ROUTER, "--at", "2026-11-21T12:00:00Z", "--format", "json");
        assertThat(violations("obligations.schema.json", broken(obligations, o -> o.put("extra", 1)))).isNotEmpty();
        assertThat(violations("obligations.schema.json", broken(obligations, o -> o.remove("catalog")))).isNotEmpty();
        assertThat(violations("obligations.schema.json", broken(obligations,
                o -> ((ObjectNode) o.get("catalog")).put("sha256", "abc")))).isNotEmpty();
        assertThat(violations("obligations.schema.json", broken(obligations,
                o -> ((ObjectNode) o.get("obligations").get(0)).put("status", "late")))).isNotEmpty();
        assertThat(violations("obligations.schema.json", broken(obligations,
                o -> ((ObjectNode) o.get("obligations").get(0)).put("due", "2026-11-21T23:30:00+01:00")))).isNotEmpty();
        assertThat(violations("obligations.schema.json", broken(obligations,
                o -> ((ObjectNode) o.get("obligations").get(0)).put("unconfirmed", true)))).as("unconfirmed on a [V] entry").isNotEmpty();
        assertThat(violations("obligations.schema.json", broken(obligations,
                o -> ((ObjectNode) o.get("obligations").get(0)).remove("legalLimitRule")))).as("a legal limit without its rule").isNotEmpty();

        JsonNode draft = json("report", "--incident", ROUTER, "--framework", "eu-cra-vulnerability", "--stage", "notification",
                "--at", "2026-11-21T12:00:00Z", "--format", "json");
        assertThat(draft.get("fields").get(0).get("missing").asBoolean()).isFalse();
        assertThat(violations("report.schema.json", broken(draft,
                o -> ((ObjectNode) o.get("fields").get(0)).put("missing", true)))).as("missing with a value").isNotEmpty();
        assertThat(violations("report.schema.json", broken(draft,
                o -> ((ObjectNode) o.get("fields").get(0)).putNull("value")))).as("a value missing but not flagged").isNotEmpty();

        JsonNode comparison = json("frameworks", "compare", "--format", "json", "--on", "2026-12-01");
        assertThat(violations("frameworks-compare.schema.json", broken(comparison,
                o -> ((ObjectNode) o.get("alignments").get(0)).put("kind", "divergence")))).isNotEmpty();

        JsonNode exercise = json("exercise", "../examples/scenarios/router-exploited-vulnerability.yaml", "--format", "json");
        assertThat(violations("exercise.schema.json", broken(exercise,
                o -> ((ArrayNode) o.get("changes")).addObject().put("framework", "x")))).as("changes without a shift").isNotEmpty();
        assertThat(violations("exercise.schema.json", broken(exercise, o -> {
            for (JsonNode entry : o.get("timeline")) {
                if (entry.get("type").asText().equals("event")) {
                    ((ObjectNode) entry).put("outcome", "met");
                    return;
                }
            }
        }))).as("an outcome on a scenario event").isNotEmpty();
    }

    private static JsonNode broken(JsonNode original, Consumer<ObjectNode> change) {
        ObjectNode copy = original.deepCopy();
        change.accept(copy);
        return copy;
    }
}
