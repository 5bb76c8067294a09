package dev.tandem.cli.reporting;

import dev.tandem.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ExerciseCommandTest {

    private static final String RANSOMWARE = "../examples/scenarios/ransomware-energy-eu-us.yaml";

    @Test
    void everyBundledScenarioRunsInEveryFormat() {
        for (String scenario : new String[] {RANSOMWARE, "../examples/scenarios/router-exploited-vulnerability.yaml",
                "../examples/scenarios/bank-personal-data-breach.yaml"}) {
            for (String format : new String[] {"table", "json", "html"}) {
                CliRun run = CliRun.of("exercise", scenario, "--format", format);
                assertThat(run.exit()).as(scenario + " " + format).isZero();
                assertThat(run.err()).as(scenario + " " + format).isEmpty();
            }
        }
    }

    @Test
    void jsonTimelineAndShift() throws IOException {
        CliRun run = CliRun.of("exercise", RANSOMWARE, "--shift", "materialityDeterminedAt=P2D", "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("scenario").get("until").asText()).isEqualTo("2026-12-31T23:00:00Z");
        String previous = "";
        for (JsonNode entry : root.get("timeline")) {
            String at = entry.get("at").isNull() ? "~" : entry.get("at").asText();
            assertThat(at.compareTo(previous)).isGreaterThanOrEqualTo(0);
            previous = at;
        }
        assertThat(root.get("shift").get("by").asText()).isEqualTo("PT48H");
        assertThat(root.get("changes")).hasSize(1);
        assertThat(root.get("changes").get(0).get("dueAfter").asText()).isEqualTo("2026-12-03T22:00:00Z");
        assertThat(root.get("shifted").get("timeline")).isNotEmpty();
    }

    @Test
    void htmlHasATimelineAndNoScripts() {
        CliRun run = CliRun.of("exercise", RANSOMWARE, "--format", "html", "--shift", "awareAt=-PT2H");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("<table class=\"timeline\">")
                .contains("What if awareAt moved by PT-2H").doesNotContain("<script").doesNotContain("src=\"http");
    }

    @Test
    void badShiftsAreBadUsage() {
        assertThat(CliRun.of("exercise", RANSOMWARE, "--shift", "awareAt").exit()).isEqualTo(2);
        CliRun unknown = CliRun.of("exercise", RANSOMWARE, "--shift", "correctiveMeasureAvailableAt=P1D");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("does not record");
        assertThat(CliRun.of("exercise", "../examples/scenarios/missing.yaml").exit()).isEqualTo(2);
    }
}
