package dev.tandem.render.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.InputDocument;
import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.scan.ScanResult;
import dev.tandem.usecase.scan.ScanUseCase;
import dev.tandem.usecase.scan.SbomInput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan's formats, rendered from a result computed in memory: renderers draw, they never read files. */
class ScanFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An SBOM whose name points nowhere: every location must come from the result. */
    private static final InputDocument SBOM = InputDocument.of("nowhere/router.cdx.json", """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "metadata":{"component":{"type":"firmware","name":"Router firmware","version":"1.0"}},
             "components":[
              {"type":"library","name":"lodash","version":"4.17.20",
               "purl":"pkg:npm/lodash@4.17.20"}]}
            """);
    private static final InputDocument OSV = InputDocument.of("GHSA-35jh-r3h4-6jhm.json", """
            {"id":"GHSA-35jh-r3h4-6jhm","modified":"2021-05-01T00:00:00Z","aliases":["CVE-2021-23337"],
             "summary":"Command injection in lodash",
             "affected":[{"package":{"ecosystem":"npm","name":"lodash"},
              "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}
            """);

    private static ScanResult result() throws Exception {
        return new ScanUseCase("1.2.3").run(new ScanRequest(List.of(SbomInput.of(SBOM)),
                new AdvisoryInput.Documents(List.of(OSV), false), List.of(), Instant.parse("2026-12-01T10:00:00Z")));
    }

    private static String text(String format, ScanResult result) {
        Renderer<ScanResult> renderer = ScanFormats.scan().find(format).orElseThrow();
        return ((TextRenderer<ScanResult>) renderer).text(result);
    }

    @Test
    void theFormatsAreTheOnesScanAlwaysHadTableFirst() {
        assertThat(ScanFormats.scan().names()).containsExactly("table", "json", "sarif", "cyclonedx", "html");
        assertThat(ScanFormats.scan().defaultName()).isEqualTo("table");
        assertThat(ScanFormats.scan().names()).extracting(n -> ScanFormats.scan().find(n).orElseThrow().mediaType())
                .containsExactly("text/plain", "application/json", "application/sarif+json", "application/vnd.cyclonedx+json",
                        "text/html");
    }

    @Test
    void sarifPointsAtTheSbomLineFromTheResultAndCarriesTheFindingId() throws Exception {
        ScanResult result = result();
        JsonNode sarif = JSON.readTree(text("sarif", result));
        JsonNode finding = sarif.get("runs").get(0).get("results").get(0);
        assertThat(finding.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(5);
        assertThat(finding.get("fingerprints").get("findingId/v1").asText())
                .isEqualTo(result.findings().get(0).findingId().value());
        assertThat(sarif.get("runs").get(0).get("tool").get("driver").get("semanticVersion").asText()).isEqualTo("1.2.3");
    }

    @Test
    void jsonTableAndVdrDrawTheSameFinding() throws Exception {
        ScanResult result = result();
        JsonNode json = JSON.readTree(text("json", result));
        assertThat(json.get("scannedAt").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(json.get("findings").get(0).get("id").asText()).isEqualTo("CVE-2021-23337");
        assertThat(json.get("findings").get(0).get("findingId").asText()).matches("TF-[0-9a-f]{20}");
        assertThat(text("table", result)).contains("pkg:npm/lodash@4.17.20").contains("CVE-2021-23337").contains("fixed in 4.17.21");
        JsonNode vdr = JSON.readTree(text("cyclonedx", result));
        assertThat(vdr.get("vulnerabilities").get(0).get("recommendation").asText()).isEqualTo("Upgrade to 4.17.21.");
    }
}
