package dev.tandem.render.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.InputDocument;
import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.CveInput;
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

    /** A firmware SBOM: busybox by CPE, OpenSSL by name only, a blob by neither. */
    private static final InputDocument FIRMWARE = InputDocument.of("nowhere/camera.cdx.json", """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "metadata":{"component":{"type":"firmware","name":"Camera firmware","version":"2.0"}},
             "components":[
              {"type":"operating-system","bom-ref":"bb","name":"busybox","version":"1.36.1",
               "cpe":"cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*"},
              {"type":"library","bom-ref":"ssl","name":"openssl","version":"3.0.13","purl":"pkg:generic/openssl@3.0.13"},
              {"type":"firmware","bom-ref":"blob","name":"sensor blob","version":"3"}]}
            """);
    private static final InputDocument RECORDS = InputDocument.of("records.json", """
            {"vulnerabilities":[
             {"cve":{"id":"CVE-2022-48174","vulnStatus":"Analyzed","published":"2023-08-22T19:16:31.697",
              "descriptions":[{"lang":"en","value":"Stack overflow in ash.c of busybox."}],
              "metrics":{"cvssMetricV31":[{"source":"nvd@nist.gov","type":"Primary",
                "cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}]},
              "configurations":[{"nodes":[{"operator":"OR","negate":false,"cpeMatch":[{"vulnerable":true,
                "criteria":"cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*","versionEndIncluding":"1.36.1"}]}]}]}},
             {"cve":{"id":"CVE-2024-5535","vulnStatus":"Analyzed",
              "descriptions":[{"lang":"en","value":"SSL_select_next_proto buffer overread."}],
              "configurations":[{"nodes":[{"operator":"OR","cpeMatch":[{"vulnerable":true,
                "criteria":"cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*","versionStartIncluding":"3.0.0","versionEndExcluding":"3.0.15"}]}]}]}}]}
            """);

    private static ScanResult firmware() throws Exception {
        return new ScanUseCase("1.2.3").run(new ScanRequest(List.of(SbomInput.of(FIRMWARE)),
                new AdvisoryInput.Documents(List.of(), false), List.of(), Instant.parse("2026-12-01T10:00:00Z"),
                new CveInput.Documents(List.of(RECORDS), false)));
    }

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

    @Test
    void cpeFindingsShowTheirRuleTheirCpeAndTheSourceOfTheirScoreInEveryFormat() throws Exception {
        ScanResult result = firmware();
        assertThat(result.findings()).hasSize(2);
        String table = text("table", result);
        assertThat(table).contains("NVD/CVE records: 2 read (0 rejected, ignored), naming 2 CPE products as vulnerable")
                .contains("matched by CPE cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*\n")
                .contains("matched by CPE cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:* (inferred from name \"openssl\" "
                        + "in Tandem's table of firmware components)")
                .contains("severity from NVD CVE-2022-48174 (nvd@nist.gov, Primary)")
                .contains("sensor blob@3  (no package URL (purl); no CPE, and its name is not one Tandem infers a CPE from)");
        JsonNode json = JSON.readTree(text("json", result));
        JsonNode busybox = json.get("findings").get(0);
        assertThat(busybox.get("id").asText()).isEqualTo("CVE-2022-48174");
        assertThat(busybox.get("matchedBy").asText()).isEqualTo("cpe");
        assertThat(busybox.get("matchRule").asText()).isEqualTo("cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:* matches NVD "
                + "CVE-2022-48174 configuration 1: cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:* up to 1.36.1 (including)");
        assertThat(busybox.get("severitySource").asText()).isEqualTo("NVD CVE-2022-48174 (nvd@nist.gov, Primary)");
        JsonNode stated = busybox.get("severities").get(0);
        assertThat(stated.get("score").asDouble()).isEqualTo(9.8);
        assertThat(stated.get("source").asText()).isEqualTo("NVD");
        assertThat(stated.get("sourceId").asText()).isEqualTo("CVE-2022-48174");
        assertThat(stated.get("scorer").asText()).isEqualTo("nvd@nist.gov, Primary");
        assertThat(busybox.get("cpe").get("inferred").asBoolean()).isFalse();
        assertThat(busybox.get("purl").asText()).isEmpty();
        assertThat(busybox.get("ecosystem").asText()).isEqualTo("CPE");
        assertThat(busybox.get("package").asText()).isEqualTo("a:busybox:busybox");
        JsonNode openssl = json.get("findings").get(1);
        assertThat(openssl.get("cpe").get("inferred").asBoolean()).isTrue();
        assertThat(openssl.get("fixedIn").get(0).asText()).isEqualTo("3.0.15");
        assertThat(openssl.get("severity").asText()).isEqualTo("unknown");
        assertThat(openssl.get("severitySource").asText()).isEmpty();
        assertThat(json.get("summary").get("advisories").get("cveRecords").asInt()).isEqualTo(2);
        assertThat(json.get("summary").get("advisories").get("cveRecordSources").get(0).asText()).isEqualTo("records.json");

        JsonNode sarif = JSON.readTree(text("sarif", result)).get("runs").get(0);
        assertThat(sarif.get("tool").get("driver").get("rules").get(0).get("helpUri").asText())
                .isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2022-48174");
        JsonNode first = sarif.get("results").get(0);
        assertThat(first.get("properties").get("matchedBy").asText()).isEqualTo("cpe");
        assertThat(first.get("properties").get("cpe").asText()).isEqualTo("cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*");
        // Located at the line where the SBOM writes the component's CPE (it has no purl).
        assertThat(first.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(5);
        assertThat(first.get("partialFingerprints").get("tandemFinding/v1").asText())
                .isNotEqualTo(sarif.get("results").get(1).get("partialFingerprints").get("tandemFinding/v1").asText());

        JsonNode vdr = JSON.readTree(text("cyclonedx", result));
        assertThat(vdr.get("components").get(0).get("cpe").asText()).isEqualTo("cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*");
        assertThat(vdr.get("components").get(1).has("cpe")).isFalse();
        assertThat(vdr.get("components").get(1).get("properties").findValuesAsText("value"))
                .contains("cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*");
        JsonNode rating = vdr.get("vulnerabilities").get(0).get("ratings").get(0);
        assertThat(rating.get("source").get("name").asText()).isEqualTo("NVD");
        assertThat(rating.get("source").get("url").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2022-48174");
        assertThat(rating.get("justification").asText()).isEqualTo("stated by CVE-2022-48174 (nvd@nist.gov, Primary)");
        assertThat(vdr.get("vulnerabilities").get(0).get("analysis").get("detail").asText()).contains("matches NVD CVE-2022-48174");
    }
}
