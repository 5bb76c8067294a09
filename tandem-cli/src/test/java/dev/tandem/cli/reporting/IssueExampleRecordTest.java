package dev.tandem.cli.reporting;

import dev.tandem.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident record exactly as the reporting-obligations issue shows it (placeholders filled in) is accepted. */
class IssueExampleRecordTest {

    /** Every key, null and role of the issue's example; "kind" and the submission time filled in. */
    static final String ISSUE_EXAMPLE = """
            { "entity":   { "name": "Acme", "timeZone": "Europe/Berlin", "euMainEstablishment": "DE",
                            "roles": ["cra-manufacturer", "nis2-essential", "nis2-important", "gdpr-controller",
                                      "dora-financial-entity", "sec-registrant", "circia-covered",
                                      "nydfs-covered", "dfars-contractor", "nerc-registered", "hipaa-covered"] },
              "event":    { "kind": "%s", "activelyExploited": true, "severe": false,
                            "significant": false, "personalDataBreach": false, "major": false,
                            "material": false, "substantial": false },
              "timeline": { "awareAt": "2026-11-20T23:30:00+01:00", "classifiedMajorAt": null,
                            "materialityDeterminedAt": null, "reasonableBeliefAt": null, "determinedAt": null,
                            "ransomPaidAt": null, "correctiveMeasureAvailableAt": null },
              "submissions": [ { "framework": "eu-cra-vulnerability", "stage": "early-warning", "at": "2026-11-21T09:00:00+01:00" } ] }
            """;

    @Test
    void theIssuesExampleIsReadWithoutAnyWarningForBothEventKinds(@TempDir Path dir) throws Exception {
        Path vulnerability = Files.writeString(dir.resolve("vulnerability.json"), ISSUE_EXAMPLE.formatted("vulnerability"));
        CliRun run = CliRun.of("obligations", "--incident", vulnerability.toString(), "--at", "2026-11-21T12:00:00Z",
                "--format", "json", "--strict");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("obligations")).extracting(o -> o.get("framework").asText() + "/" + o.get("stage").asText()
                + "/" + o.get("status").asText())
                .containsExactly("eu-cra-vulnerability/early-warning/submitted", "eu-cra-vulnerability/notification/pending",
                        "eu-cra-vulnerability/final-report/waiting");
        assertThat(root.get("obligations").get(1).get("legalLimit").asText()).isEqualTo("2026-11-23T23:00:00Z");

        Path incident = Files.writeString(dir.resolve("incident.json"), ISSUE_EXAMPLE.formatted("incident")
                .replace("\"eu-cra-vulnerability\", \"stage\": \"early-warning\"", "\"us-dfars\", \"stage\": \"report\""));
        CliRun incidentRun = CliRun.of("obligations", "--incident", incident.toString(), "--at", "2026-11-21T12:00:00Z",
                "--format", "md", "--strict");
        assertThat(incidentRun.exit()).as(incidentRun.err()).isZero();
        assertThat(incidentRun.out()).contains("| submitted |").contains("us-dfars").contains("waits for timeline.determinedAt");
    }

    @Test
    void aLegalLimitCarriesItsCaveatInTheReadableFormats() {
        // The Reg 1182/71 hour rule is recalled [R]: its caveat (how ENISA and CSIRTs apply it) is printed with it.
        CliRun run = CliRun.of("obligations", "--incident", "../examples/incidents/router-exploited-vulnerability.json",
                "--at", "2026-11-21T12:00:00Z", "--format", "md");
        assertThat(run.out()).contains("Legal limit 2026-11-23T23:00:00Z under Reg 1182/71 Art 3(1) first subparagraph, Art 3(2)(a) [R] (")
                .contains("How ENISA and CSIRTs apply it to CRA hour deadlines is unconfirmed");
    }
}
