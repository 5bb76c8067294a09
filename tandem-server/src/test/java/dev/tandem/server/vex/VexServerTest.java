package dev.tandem.server.vex;

import static dev.tandem.server.ExamplesServer.checked;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.render.vex.BsiCsafValidator;
import dev.tandem.server.ExamplesServer;
import dev.tandem.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * VEX on the server: documents uploaded per product apply to the findings of every release as
 * {@code scan --vex} applies them, and a release's advisories and VEX are published from what the server
 * keeps by the CLI's use cases, valid against the official schemas (CSAF also through the BSI validator).
 * Every response is checked against the OpenAPI document.
 */
class VexServerTest {

    private static final String OPENVEX = """
            {
              "@context": "https://openvex.dev/ns/v0.2.0",
              "@id": "https://supplier.example/vex/2026-0001",
              "author": "Supplier PSIRT",
              "timestamp": "2026-11-01T00:00:00Z",
              "version": 1,
              "statements": [
                {
                  "vulnerability": {"name": "CVE-2024-32650"},
                  "products": [{"@id": "pkg:cargo/rustls@0.21.7"}],
                  "status": "not_affected",
                  "justification": "vulnerable_code_not_in_execute_path",
                  "impact_statement": "complete_io is never called"
                },
                {
                  "vulnerability": {"name": "CVE-2099-0001"},
                  "products": [{"@id": "pkg:cargo/nothing-like-this@1.0.0"}],
                  "status": "not_affected",
                  "justification": "component_not_present"
                }
              ]
            }
            """;

    @RegisterExtension
    static final ExamplesServer server = new ExamplesServer("vex");

    /** A product with the SC-200 firmware SBOM as release 1.0 (and, when asked, the same SBOM as 1.1). */
    private static void product(String id, boolean twoReleases) {
        assertThat(server.json("POST", "/api/v1/products", server.admin(), "{\"id\": \"" + id + "\", \"name\": \"" + id + "\"}")
                .status()).isEqualTo(201);
        byte[] sbom = TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json");
        for (String version : twoReleases ? List.of("1.0", "1.1") : List.of("1.0")) {
            assertThat(server.call("POST", "/api/v1/products/" + id + "/releases/" + version + "/sboms", server.admin(),
                    "application/json", sbom).status()).isEqualTo(201);
        }
    }

    private static JsonNode finding(String product, String release, String vulnerability) {
        JsonNode items = server.get("/api/v1/products/" + product + "/findings?release=" + release + "&limit=1000", server.admin())
                .json().get("items");
        for (JsonNode item : items) {
            if (item.get("vulnerabilityId").asText().equals(vulnerability)) {
                return item;
            }
        }
        throw new AssertionError("no finding " + vulnerability + " in " + product + " " + release);
    }

    @Test
    void anUploadedVexSuppressesFindingsInEveryReleaseAndReportsWhatMatchesNothing() {
        product("vex-cam", true);
        assertThat(finding("vex-cam", "1.0", "CVE-2024-32650").get("suppressed").asBoolean()).isFalse();
        TestServer.Response upload = checked("POST", "/api/v1/products/{id}/vex", server.call("POST",
                "/api/v1/products/vex-cam/vex?name=supplier.openvex.json", server.admin(), "application/octet-stream",
                OPENVEX.getBytes(StandardCharsets.UTF_8)));
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        JsonNode body = upload.json();
        assertThat(body.get("created").asBoolean()).isTrue();
        assertThat(body.get("format").asText()).isEqualTo("openvex");
        assertThat(body.get("mediaType").asText()).isEqualTo("application/json");
        assertThat(body.get("statements").asInt()).isEqualTo(2);
        assertThat(body.get("releasesRescanned").asInt()).isEqualTo(2);
        assertThat(body.get("matched").get("findings").asInt()).isEqualTo(2);
        assertThat(body.get("matched").get("suppressed").asInt()).isEqualTo(2);
        assertThat(body.get("matched").get("releases")).hasSize(2);
        assertThat(body.get("unmatched")).hasSize(1);
        assertThat(body.get("unmatched").get(0).get("vulnerability").asText()).isEqualTo("CVE-2099-0001");
        assertThat(body.get("unmatched").get(0).get("component").asText()).isEqualTo("pkg:cargo/nothing-like-this@1.0.0");
        assertThat(upload.raw().headers().firstValue("Location")).hasValue(body.get("download").asText());

        // Both releases: suppressed, with the statement's author and justification, as scan --vex shows it.
        for (String release : List.of("1.0", "1.1")) {
            JsonNode finding = finding("vex-cam", release, "CVE-2024-32650");
            assertThat(finding.get("suppressed").asBoolean()).isTrue();
            JsonNode statement = finding.get("analysis").get(0);
            assertThat(statement.get("origin").asText()).isEqualTo("vex");
            assertThat(statement.get("author").asText()).isEqualTo("Supplier PSIRT");
            assertThat(statement.get("justification").asText()).isEqualTo("code_not_reachable");
            assertThat(statement.get("source").asText()).startsWith(body.get("source").asText() + ":");
        }
        // The release's summary counts it, and the per-release scan does not warn about the unmatched statement.
        JsonNode summary = server.get("/api/v1/products/vex-cam/releases/1.0", server.admin()).json().get("summary");
        assertThat(summary.get("suppressed").asInt()).isEqualTo(1);
        assertThat(summary.get("warnings").toString()).doesNotContain("CVE-2099-0001");

        // The same bytes again change nothing.
        TestServer.Response again = checked("POST", "/api/v1/products/{id}/vex", server.call("POST",
                "/api/v1/products/vex-cam/vex", server.admin(), "application/json", OPENVEX.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(again.json().get("name").asText()).isEqualTo("supplier.openvex.json");

        TestServer.Response list = checked("GET", "/api/v1/products/{id}/vex", server.get("/api/v1/products/vex-cam/vex",
                server.admin()));
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(list.json().get("items").get(0).get("matched").get("suppressed").asInt()).isEqualTo(2);
        String sha = body.get("sha256").asText();
        TestServer.Response document = checked("GET", "/api/v1/products/{id}/vex/{sha256}",
                server.get("/api/v1/products/vex-cam/vex/" + sha, server.admin()));
        assertThat(document.body()).isEqualTo(OPENVEX.getBytes(StandardCharsets.UTF_8));

        // Audited.
        List<String> actions = new ArrayList<>();
        server.get("/api/v1/audit?limit=1000", server.admin()).json().get("items").forEach(e -> actions.add(e.get("action").asText()
                + " " + e.get("target").asText()));
        assertThat(actions).contains("vex.upload vex:vex-cam/" + sha);

        // Deleted: the statements stop applying.
        assertThat(checked("DELETE", "/api/v1/products/{id}/vex/{sha256}", server.call("DELETE",
                "/api/v1/products/vex-cam/vex/" + sha, server.admin(), null, null)).status()).isEqualTo(204);
        assertThat(finding("vex-cam", "1.1", "CVE-2024-32650").get("suppressed").asBoolean()).isFalse();
        assertThat(server.get("/api/v1/products/vex-cam/vex", server.admin()).json().get("items")).isEmpty();
        assertThat(checked("DELETE", "/api/v1/products/{id}/vex/{sha256}", server.call("DELETE",
                "/api/v1/products/vex-cam/vex/" + sha, server.admin(), null, null)).status()).isEqualTo(404);
    }

    @Test
    void theBundledCsafVexRoundTrips() {
        product("vex-csaf", false);
        TestServer.Response upload = checked("POST", "/api/v1/products/{id}/vex", server.call("POST",
                "/api/v1/products/vex-csaf/vex?name=sc200-vex.json", server.admin(), "application/json",
                TestServer.example("vex/sc200-vex.json")));
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        assertThat(upload.json().get("format").asText()).isEqualTo("csaf");
        // not_affected (rustls, h2), resolved (openssl), false_positive written as not_affected (tokio) suppress.
        assertThat(upload.json().get("matched").get("suppressed").asInt()).isGreaterThanOrEqualTo(4);
        JsonNode rustls = finding("vex-csaf", "1.0", "CVE-2024-32650");
        assertThat(rustls.get("suppressed").asBoolean()).isTrue();
        assertThat(rustls.get("analysis").get(0).get("justification").asText()).isEqualTo("code_not_reachable");
        // exploitable annotates without suppressing
        assertThat(finding("vex-csaf", "1.0", "CVE-2023-4863").get("suppressed").asBoolean()).isFalse();
    }

    @Test
    void badVexIsRefusedWithTheReadersMessageAndChangesNothing() {
        product("vex-bad", false);
        String truncated = OPENVEX.substring(0, OPENVEX.indexOf("\"status\""));
        TestServer.Response response = checked("POST", "/api/v1/products/{id}/vex", server.call("POST",
                "/api/v1/products/vex-bad/vex?name=broken.json", server.admin(), "application/json",
                truncated.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("source").asText()).isEqualTo("broken.json");
        assertThat(response.json().get("line").asInt()).isGreaterThan(1);
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
        TestServer.Response notVex = checked("POST", "/api/v1/products/{id}/vex", server.call("POST",
                "/api/v1/products/vex-bad/vex?name=sbom.json", server.admin(), "application/json",
                "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(notVex.status()).isEqualTo(400);
        assertThat(notVex.json().get("detail").asText()).contains("not a VEX document");
        TestServer.Response duplicate = checked("POST", "/api/v1/products/{id}/vex", server.call("POST",
                "/api/v1/products/vex-bad/vex", server.admin(), "application/json",
                OPENVEX.replace("\"status\": \"not_affected\",\n      \"justification\": \"vulnerable",
                        "\"status\": \"affected\", \"status\": \"not_affected\",\n      \"justification\": \"vulnerable")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(400);
        assertThat(checked("POST", "/api/v1/products/{id}/vex", server.call("POST", "/api/v1/products/vex-bad/vex", server.admin(),
                "application/json", new byte[0])).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/products/vex-bad/vex", server.admin()).json().get("items")).isEmpty();
        assertThat(checked("POST", "/api/v1/products/{id}/vex", server.call("POST", "/api/v1/products/nope/vex", server.admin(),
                "application/json", OPENVEX.getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(404);
    }

    @Test
    void aViewerReadsButDoesNotUpload() {
        product("vex-roles", false);
        String viewer = server.json("POST", "/api/v1/api-keys", server.admin(), "{\"name\": \"vex-viewer\", \"role\": \"viewer\"}")
                .json().get("secret").asText();
        assertThat(checked("POST", "/api/v1/products/{id}/vex", server.call("POST", "/api/v1/products/vex-roles/vex",
                viewer, "application/json", OPENVEX.getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(403);
        assertThat(checked("GET", "/api/v1/products/{id}/vex", server.get("/api/v1/products/vex-roles/vex", viewer))
                .status()).isEqualTo(200);
    }

    @Test
    void theReleasesDocumentsArePublishedFromTheStoredDecisionsAndAreValid(@TempDir Path dir) throws Exception {
        // The examples' SC-200 camera: triage a finding on the server, then publish.
        JsonNode rustls = finding("sc200-camera", "2.4.1", "CVE-2024-32650");
        TestServer.Response triage = server.json("PUT", "/api/v1/findings/" + rustls.get("id").asText()
                + "/triage?product=sc200-camera", server.admin(),
                "{\"state\": \"not_affected\", \"justification\": \"code_not_reachable\", \"comment\": \"async API only\"}");
        assertThat(triage.status()).as(triage.text()).isEqualTo(200);
        String base = "/api/v1/products/sc200-camera/releases/2.4.1/";
        List<Path> csaf = new ArrayList<>();
        for (String profile : List.of("csaf_vex", "csaf_security_advisory")) {
            TestServer.Response advisory = checked("GET", "/api/v1/products/{id}/releases/{version}/advisory",
                    server.get(base + "advisory?profile=" + profile, server.admin()));
            assertThat(advisory.status()).as(advisory.text()).isEqualTo(200);
            assertThat(advisory.json().get("document").get("category").asText()).isEqualTo(profile);
            OfficialChecks.assertValid(OfficialChecks.CSAF, advisory.body());
            assertThat(advisory.text()).contains("CVE-2024-32650");
            JsonNode vulnerability = vulnerability(advisory.json(), "CVE-2024-32650");
            assertThat(vulnerability.get("product_status").has("known_not_affected")).isTrue();
            assertThat(vulnerability.toString()).contains("vulnerable_code_not_in_execute_path");
            Path file = dir.resolve(profile + ".json");
            Files.write(file, advisory.body());
            csaf.add(file);
        }
        TestServer.Response notice = checked("GET", "/api/v1/products/{id}/releases/{version}/user-notice",
                server.get(base + "user-notice?format=csaf", server.admin()));
        assertThat(notice.status()).as(notice.text()).isEqualTo(200);
        OfficialChecks.assertValid(OfficialChecks.CSAF, notice.body());
        assertThat(notice.json().get("vulnerabilities")).isNotEmpty();
        Path noticeFile = dir.resolve("notice.json");
        Files.write(noticeFile, notice.body());
        csaf.add(noticeFile);
        BsiCsafValidator.assertValid(csaf);

        TestServer.Response html = checked("GET", "/api/v1/products/{id}/releases/{version}/user-notice",
                server.get(base + "user-notice?format=html", server.admin()));
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.text()).contains("<html").contains("Art 14(8)").contains("CVE-2023-4863");

        TestServer.Response cyclonedx = checked("GET", "/api/v1/products/{id}/releases/{version}/vex",
                server.get(base + "vex?format=cyclonedx", server.admin()));
        assertThat(cyclonedx.status()).isEqualTo(200);
        assertThat(cyclonedx.contentType()).startsWith("application/vnd.cyclonedx+json");
        OfficialChecks.assertValidCycloneDx(cyclonedx.body());
        assertThat(cyclonedx.text()).contains("code_not_reachable");
        TestServer.Response openvex = checked("GET", "/api/v1/products/{id}/releases/{version}/vex",
                server.get(base + "vex?format=openvex", server.admin()));
        assertThat(openvex.status()).isEqualTo(200);
        OfficialChecks.assertValid(OfficialChecks.OPENVEX, openvex.body());
        assertThat(openvex.text()).contains("vulnerable_code_not_in_execute_path");

        // Unknown choices are refused; another product's release is not found.
        assertThat(checked("GET", "/api/v1/products/{id}/releases/{version}/advisory",
                server.get(base + "advisory?profile=csaf_informational_advisory", server.admin())).status()).isEqualTo(400);
        assertThat(checked("GET", "/api/v1/products/{id}/releases/{version}/vex",
                server.get(base + "vex?format=spdx", server.admin())).status()).isEqualTo(400);
        assertThat(checked("GET", "/api/v1/products/{id}/releases/{version}/advisory",
                server.get(base + "advisory?status=published", server.admin())).status()).isEqualTo(400);
        assertThat(checked("GET", "/api/v1/products/{id}/releases/{version}/user-notice",
                server.get("/api/v1/products/sc200-camera/releases/9.9/user-notice", server.admin())).status()).isEqualTo(404);
    }

    @Test
    void cycloneDxVexInXmlIsKeptAndApplied() {
        product("vex-xml", false);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
                  <metadata><manufacturer><name>Supplier PSIRT</name></manufacturer></metadata>
                  <components>
                    <component type="library" bom-ref="rustls"><name>rustls</name><version>0.21.7</version>
                      <purl>pkg:cargo/rustls@0.21.7</purl></component>
                  </components>
                  <vulnerabilities>
                    <vulnerability>
                      <id>CVE-2024-32650</id>
                      <analysis><state>not_affected</state><justification>code_not_reachable</justification></analysis>
                      <affects><target><ref>rustls</ref></target></affects>
                    </vulnerability>
                  </vulnerabilities>
                </bom>
                """;
        TestServer.Response upload = checked("POST", "/api/v1/products/{id}/vex", server.call("POST",
                "/api/v1/products/vex-xml/vex?name=supplier.vex.cdx.xml", server.admin(), "application/octet-stream",
                xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        assertThat(upload.json().get("format").asText()).isEqualTo("cyclonedx");
        assertThat(upload.json().get("mediaType").asText()).isEqualTo("application/vnd.cyclonedx+xml");
        assertThat(upload.json().get("matched").get("suppressed").asInt()).isEqualTo(1);
        JsonNode finding = finding("vex-xml", "1.0", "CVE-2024-32650");
        assertThat(finding.get("suppressed").asBoolean()).isTrue();
        assertThat(finding.get("analysis").get(0).get("author").asText()).isEqualTo("Supplier PSIRT");
        assertThat(finding.get("analysis").get(0).get("source").asText()).endsWith(":9"); // the <vulnerability> element
        TestServer.Response xxe = checked("POST", "/api/v1/products/{id}/vex", server.call("POST",
                "/api/v1/products/vex-xml/vex?name=xxe.xml", server.admin(), "application/xml", ("<?xml version=\"1.0\"?><!DOCTYPE bom"
                        + " [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">&x;</bom>")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.json().get("detail").asText()).contains("DOCTYPE").doesNotContain("root:");
    }

    private static JsonNode vulnerability(JsonNode csaf, String cve) {
        for (JsonNode vulnerability : csaf.get("vulnerabilities")) {
            if (cve.equals(vulnerability.path("cve").asText())) {
                return vulnerability;
            }
        }
        throw new AssertionError("no " + cve);
    }
}
