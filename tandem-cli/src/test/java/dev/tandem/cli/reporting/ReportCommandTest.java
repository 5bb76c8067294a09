package dev.tandem.cli.reporting;

import dev.tandem.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReportCommandTest {

    @Test
    void markdownDraftListsFieldsInOrderWithTheUserNotice() {
        CliRun run = CliRun.of("report", "--incident", ObligationsCommandTest.ROUTER, "--framework", "eu-cra-vulnerability",
                "--stage", "final-report", "--at", "2026-11-21T12:00:00Z");
        assertThat(run.exit()).isZero();
        String out = run.out();
        assertThat(out).startsWith("# EU Cyber Resilience Act: actively exploited vulnerability: Final report");
        assertThat(out.indexOf("Description of the vulnerability")).isLessThan(out.indexOf("Information on the malicious actor"));
        assertThat(out).contains("**MISSING**: add `content.securityUpdate`")
                .contains("Inform the impacted users (CRA Art 14(8))")
                .contains("waits for timeline.correctiveMeasureAvailableAt");
    }

    @Test
    void jsonDraftOfARansomReportCarriesTheCriStatement() throws IOException {
        CliRun run = CliRun.of("report", "--incident", ObligationsCommandTest.RANSOMWARE, "--framework", "us-nydfs",
                "--stage", "extortion-payment-justification", "--at", "2026-11-26T12:00:00Z", "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("framework").asText()).isEqualTo("us-nydfs");
        assertThat(root.get("applies").asBoolean()).isFalse();
        assertThat(root.get("missingFields")).extracting(JsonNode::asText).containsExactly("ransom.justification");
        assertThat(root.get("notices").get(0).get("id").asText()).isEqualTo("cri-ransom-statement");
        assertThat(root.get("notices").get(0).get("text").asText()).contains("strongly discourage anyone from paying");
    }

    @Test
    void htmlDraftIsSelfContainedAndEscaped() {
        CliRun run = CliRun.of("report", "--incident", ObligationsCommandTest.RANSOMWARE, "--framework", "us-circia",
                "--stage", "ransom-payment-report", "--at", "2026-11-26T12:00:00Z", "--format", "html");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("Counter Ransomware Initiative")
                .contains("USD 2.1 million").doesNotContain("<script").doesNotContain("http-equiv")
                .contains("not in force");
    }

    @Test
    void unknownFrameworkOrStageIsBadUsage() {
        CliRun framework = CliRun.of("report", "--incident", ObligationsCommandTest.ROUTER, "--framework", "eu-nis3", "--stage", "x");
        assertThat(framework.exit()).isEqualTo(2);
        assertThat(framework.err()).contains("unknown framework 'eu-nis3'");
        CliRun stage = CliRun.of("report", "--incident", ObligationsCommandTest.ROUTER, "--framework", "eu-gdpr", "--stage", "early-warning");
        assertThat(stage.exit()).isEqualTo(2);
        assertThat(stage.err()).contains("notification");
    }
}
