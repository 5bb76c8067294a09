package dev.tandem.cli.reporting;

import dev.tandem.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObligationsCommandTest {

    static final String ROUTER = "../examples/incidents/router-exploited-vulnerability.json";
    static final String RANSOMWARE = "../examples/incidents/ransomware-energy-operator.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode obligation(JsonNode root, String framework, String stage) {
        for (JsonNode o : root.get("obligations")) {
            if (o.get("framework").asText().equals(framework) && o.get("stage").asText().equals(stage)) {
                return o;
            }
        }
        throw new AssertionError("no " + framework + "/" + stage + " in " + root);
    }

    @Test
    void routerJsonCarriesTheContractFields() throws IOException {
        CliRun run = CliRun.of("obligations", "--incident", ROUTER, "--at", "2026-11-21T12:00:00Z", "--format", "json");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("obligations")).hasSize(3);
        for (JsonNode o : root.get("obligations")) {
            assertThat(o.has("framework") && o.has("stage") && o.has("due") && o.has("inForce") && o.has("status")
                    && o.has("recipient") && o.has("missingFields") && o.has("source")).as(o.toString()).isTrue();
        }
        JsonNode early = obligation(root, "eu-cra-vulnerability", "early-warning");
        assertThat(early.get("due").asText()).isEqualTo("2026-11-21T22:30:00Z");
        assertThat(early.get("legalLimit").asText()).isEqualTo("2026-11-21T23:00:00Z");
        assertThat(early.get("legalLimitRule").get(0).get("source").asText()).startsWith("Reg 1182/71");
        assertThat(early.get("status").asText()).isEqualTo("submitted");
        assertThat(early.get("inForce").asBoolean()).isTrue();
        JsonNode notification = obligation(root, "eu-cra-vulnerability", "notification");
        assertThat(notification.get("due").asText()).isEqualTo("2026-11-23T22:30:00Z");
        assertThat(notification.get("status").asText()).isEqualTo("pending");
        assertThat(notification.get("recipient").asText()).contains("ENISA");
        assertThat(notification.get("missingFields")).isEmpty();
        JsonNode finalReport = obligation(root, "eu-cra-vulnerability", "final-report");
        assertThat(finalReport.get("due").isNull()).isTrue();
        assertThat(finalReport.get("status").asText()).isEqualTo("waiting");
        assertThat(finalReport.get("waitingFor").asText()).isEqualTo("timeline.correctiveMeasureAvailableAt");
        assertThat(finalReport.get("missingFields")).extracting(JsonNode::asText).contains("mitig.security_update_details");
        assertThat(root.get("frameworks")).hasSize(25);
        assertThat(root.get("roles")).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo("cra-manufacturer");
            assertThat(r.get("declared").asBoolean()).isTrue();
            assertThat(r.get("impliedBy")).isEmpty();
        });
    }

    @Test
    void overdueInForceReportsExitWith1() throws IOException {
        CliRun run = CliRun.of("obligations", "--incident", ROUTER, "--at", "2026-11-24T00:00:00Z", "--format", "json");
        assertThat(run.exit()).isEqualTo(1);
        JsonNode root = JSON.readTree(run.out());
        assertThat(obligation(root, "eu-cra-vulnerability", "notification").get("status").asText()).isEqualTo("overdue");
        assertThat(root.get("summary").get("overdueInForce").asInt()).isEqualTo(1);
    }

    @Test
    void ransomwareAcrossTheAtlantic() throws IOException {
        CliRun run = CliRun.of("obligations", "--incident", RANSOMWARE, "--at", "2026-11-26T12:00:00Z", "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode root = JSON.readTree(run.out());
        JsonNode sec = obligation(root, "us-sec-8k", "form-8k");
        assertThat(sec.get("due").asText()).isEqualTo("2026-12-02T22:00:00Z");
        assertThat(sec.get("recipient").asText()).contains("Securities and Exchange Commission");
        assertThat(sec.get("channel").asText()).contains("EDGAR");
        JsonNode circia = obligation(root, "us-circia", "ransom-payment-report");
        assertThat(circia.get("inForce").asBoolean()).isFalse();
        assertThat(circia.get("due").asText()).isEqualTo("2026-11-27T01:00:00Z");
        JsonNode nis2Final = obligation(root, "eu-nis2", "final-report");
        assertThat(nis2Final.get("provisional").asBoolean()).isTrue();
        assertThat(obligation(root, "eu-nis2", "notification").get("status").asText()).isEqualTo("due-soon");
        assertThat(obligation(root, "us-nerc-cip-008", "initial-notification").get("status").asText()).isEqualTo("submitted");
    }

    @Test
    void tableAndMarkdownNameTheRulesAndSources() {
        CliRun table = CliRun.of("obligations", "--incident", RANSOMWARE, "--at", "2026-11-26T12:00:00Z");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("us-sec-8k", "form-8k", "Wed 2026-12-02 17:00 EST", "Frameworks that do not apply",
                "NOT IN FORCE", "Form 8-K General Instruction B.1");
        CliRun md = CliRun.of("obligations", "--incident", ROUTER, "--at", "2026-11-21T12:00:00Z", "--format", "md");
        assertThat(md.out()).startsWith("# Reporting obligations").contains("| submitted | 2026-11-21T22:30:00Z")
                .contains("CRA Art 14(2)(b) [V]").contains("## Frameworks that do not apply");
    }

    @Test
    void warningsGoToStandardErrorAndIntoTheJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo.json");
        Files.writeString(file, Files.readString(Path.of(ROUTER)).replace("\"activelyExploited\"", "\"activelyExploted\""));
        CliRun run = CliRun.of("obligations", "--incident", file.toString(), "--at", "2026-11-21T12:00:00Z", "--format", "json");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("warning").contains("/event/activelyExploted");
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("obligations")).isEmpty();
        assertThat(root.get("issues").get(0).get("path").asText()).isEqualTo("/event/activelyExploted");
        CliRun strict = CliRun.of("obligations", "--incident", file.toString(), "--strict", "--format", "json");
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).contains("/event/activelyExploted");
    }

    @Test
    void badInputExitsWith2AndNamesTheProblem(@TempDir Path dir) throws IOException {
        Path local = dir.resolve("local.json");
        Files.writeString(local, Files.readString(Path.of(ROUTER)).replace("2026-11-20T23:30:00+01:00", "2026-11-20T23:30:00"));
        CliRun run = CliRun.of("obligations", "--incident", local.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("local.json").contains("/timeline/awareAt").contains("offset").doesNotContain("Exception");
        assertThat(CliRun.of("obligations", "--incident", dir.resolve("nope.json").toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("obligations", "--incident", ROUTER, "--at", "2026-11-21T12:00:00").err()).contains("--at");
        assertThat(CliRun.of("obligations", "--incident", ROUTER, "--format", "xml").exit()).isEqualTo(2);
        assertThat(CliRun.of("obligations", "--incident", ROUTER, "--due-soon", "soon").exit()).isEqualTo(2);
    }
}
