package dev.tandem.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tandem.cli.PublishedSchemas;
import dev.tandem.input.InputDocument;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.scan.ScanFormats;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.ComponentSelector;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Origin;
import dev.tandem.triage.Statement;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.KevInput;
import dev.tandem.usecase.scan.SbomInput;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.scan.ScanResult;
import dev.tandem.usecase.scan.ScanUseCase;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suppressed findings stay visible in every scan output: in JSON (valid against the published schema),
 * in SARIF as {@code suppressions} (valid against SARIF 2.1.0), and in the table's summary.
 */
class SuppressedOutputTest {

    private static final Path ROOT = Path.of("src/test/resources/scan/contract");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ScanResult result;

    @BeforeAll
    static void scanWithStatements() throws Exception {
        Statement vex = new Statement(Origin.VEX, "vendor.vex.json", "CVE-2021-44228",
                new ComponentSelector.Purl("pkg:maven/org.apache.logging.log4j/log4j-core"), AnalysisState.NOT_AFFECTED,
                Justification.CODE_NOT_REACHABLE, "JNDI lookups are disabled", List.of(), "PSIRT",
                Instant.parse("2026-11-30T08:00:00Z"), null, "");
        Statement lapsed = Statement.ignore(".tandem-ignore.yaml", "PYSEC-0000-1", new ComponentSelector.AnyComponent(),
                "no longer used", LocalDate.parse("2026-01-01"));
        result = new ScanUseCase("test").run(new ScanRequest(
                List.of(SbomInput.of(InputDocument.read(ROOT.resolve("sboms/app.cdx.json")))),
                new AdvisoryInput.Paths(List.of(ROOT.resolve("osv")), false, (done, total) -> { }),
                List.of(KevInput.of(InputDocument.read(ROOT.resolve("kev/cisa-kev.json")))),
                Instant.parse("2026-12-01T10:00:00Z"), List.of(vex, lapsed)));
    }

    private static String render(String format) {
        return ((TextRenderer<ScanResult>) ScanFormats.scan().find(format).orElseThrow()).text(result);
    }

    @Test
    void jsonMarksTheFindingAndCarriesEveryStatementWithItsSource() throws Exception {
        String json = render("json");
        PublishedSchemas.assertValid("scan.schema.json", json);
        JsonNode report = JSON.readTree(json);
        assertThat(report.at("/summary/suppressed").asInt()).isEqualTo(1);
        JsonNode log4j = null;
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("id").asText().equals("CVE-2021-44228")) {
                log4j = finding;
            } else {
                assertThat(finding.get("suppressed").asBoolean()).isFalse();
            }
        }
        assertThat(log4j).isNotNull();
        assertThat(log4j.get("suppressed").asBoolean()).isTrue();
        assertThat(log4j.at("/analysis/0/origin").asText()).isEqualTo("vex");
        assertThat(log4j.at("/analysis/0/state").asText()).isEqualTo("not_affected");
        assertThat(log4j.at("/analysis/0/justification").asText()).isEqualTo("code_not_reachable");
        assertThat(log4j.at("/analysis/0/author").asText()).isEqualTo("PSIRT");
        assertThat(report.get("warnings").toString()).contains("the ignore entry for PYSEC-0000-1");
    }

    @Test
    void sarifDismissesTheFindingWithItsJustificationAndStaysValid() throws Exception {
        String sarif = render("sarif");
        Schema schema;
        try (InputStream in = SuppressedOutputTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        JsonNode log = JSON.readTree(sarif);
        assertThat(schema.validate(log)).isEmpty();
        int suppressed = 0;
        for (JsonNode r : log.at("/runs/0/results")) {
            if (r.has("suppressions")) {
                suppressed++;
                assertThat(r.get("ruleId").asText()).isEqualTo("CVE-2021-44228");
                assertThat(r.at("/suppressions/0/kind").asText()).isEqualTo("external");
                assertThat(r.at("/suppressions/0/justification").asText())
                        .isEqualTo("not_affected (code_not_reachable) by PSIRT, vendor.vex.json: JNDI lookups are disabled");
            }
        }
        assertThat(suppressed).isEqualTo(1);
    }

    @Test
    void theTableCountsThemInItsSummaryAndListsThemApart() {
        String table = render("table");
        assertThat(table.lines().findFirst().orElseThrow()).contains("1 suppressed");
        assertThat(table).contains("Suppressed (1)")
                .contains("not_affected (code_not_reachable) by PSIRT, vendor.vex.json: JNDI lookups are disabled");
    }
}
