package dev.tandem.cli.reporting;

import dev.tandem.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameworksCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listShowsEveryFrameworkAndCirciaNotInForce() throws IOException {
        CliRun run = CliRun.of("frameworks", "list", "--format", "json", "--on", "2026-11-22");
        assertThat(run.exit()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("frameworks")).hasSize(25);
        for (JsonNode f : root.get("frameworks")) {
            if (f.get("id").asText().equals("us-circia")) {
                assertThat(f.get("inForce").asBoolean()).isFalse();
            }
        }
        CliRun beforeCra = CliRun.of("frameworks", "list", "--on", "2026-09-10");
        assertThat(beforeCra.out()).containsPattern("eu-cra-vulnerability\\s+EU\\s+NO \\(from 2026-09-11\\)");
    }

    @Test
    void showPrintsStagesFieldsAndSources() throws IOException {
        CliRun md = CliRun.of("frameworks", "show", "eu-dora", "--on", "2026-11-22");
        assertThat(md.exit()).isZero();
        assertThat(md.out()).contains("# EU DORA", "### Initial notification (`initial-notification`)", "RTS 2025/301 Art 5(2) [S]",
                "`time.classified`", "[U: UNCONFIRMED]");
        JsonNode json = JSON.readTree(CliRun.of("frameworks", "show", "us-sec-8k", "--format", "json").out());
        assertThat(json.get("stageDetails").get(0).get("period").asText()).isEqualTo("4BD");
        assertThat(json.get("stageDetails").get(0).get("channel").asText()).contains("EDGAR");
        assertThat(CliRun.of("frameworks", "show", "eu-nis3").exit()).isEqualTo(2);
    }

    @Test
    void compareJsonContract() throws IOException {
        CliRun run = CliRun.of("frameworks", "compare", "--format", "json", "--on", "2026-11-22");
        assertThat(run.exit()).isZero();
        JsonNode root = JSON.readTree(run.out());
        List<String> ids = new ArrayList<>();
        root.get("frameworks").forEach(f -> ids.add(f.asText()));
        assertThat(ids).hasSize(25).contains("eu-cra-vulnerability", "us-hipaa", "uk-nis");
        for (JsonNode field : root.get("fields")) {
            assertThat(field.get("id").asText()).isNotEmpty();
            assertThat(field.get("requiredBy")).isNotEmpty();
            field.get("requiredBy").forEach(r -> assertThat(r.has("framework") && r.has("stage")).isTrue());
        }
        boolean sawSec = false;
        for (JsonNode t : root.get("timing")) {
            assertThat(t.has("framework") && t.has("stage") && t.has("period") && t.has("clockStart")).isTrue();
            if (t.get("framework").asText().equals("us-sec-8k")) {
                assertThat(t.get("period").asInt()).isEqualTo(4);
                assertThat(t.get("basis").asText()).isEqualTo("businessDays");
                sawSec = true;
            }
            if (t.get("framework").asText().equals("eu-nis2") && t.get("stage").asText().equals("notification")) {
                assertThat(t.get("period").asText()).isEqualTo("PT72H");
                assertThat(t.get("clockStart").asText()).isEqualTo("awareAt");
            }
        }
        assertThat(sawSec).isTrue();
        assertThat(root.get("alignments")).anySatisfy(a -> assertThat(a.get("id").asText()).isEqualTo("common-period-PT72H"));
        assertThat(root.get("divergences")).allSatisfy(d -> assertThat(d.get("evidence")).isNotEmpty());
    }

    @Test
    void compareSubsetAndOtherFormats() {
        CliRun md = CliRun.of("frameworks", "compare", "--frameworks", "eu-nis2,us-circia", "--on", "2026-11-22");
        // Grouped by jurisdiction: one timing section and one field-matrix column per side, whatever the number of regimes.
        assertThat(md.out()).contains("### EU\n", "### US\n", "## Field matrix", "| field | EU | US |", "## Where they diverge")
                .doesNotContain("eu-gdpr").doesNotContain("### UK");
        CliRun html = CliRun.of("frameworks", "compare", "--format", "html");
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("Where they align").doesNotContain("<script");
        CliRun csv = CliRun.of("frameworks", "compare", "--format", "csv");
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("field,label,eu-cra-vulnerability,");
        CliRun timing = CliRun.of("frameworks", "compare", "--format", "csv", "--csv-table", "timing");
        assertThat(timing.out()).startsWith("framework,jurisdiction,stage").contains("us-sec-8k,US,form-8k,notification,4,businessDays");
        assertThat(CliRun.of("frameworks", "compare", "--frameworks", "eu-nis3").exit()).isEqualTo(2);
    }
}
