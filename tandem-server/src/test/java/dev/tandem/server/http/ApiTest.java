package dev.tandem.server.http;

import static dev.tandem.server.ExamplesServer.checked;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.ExamplesServer;
import dev.tandem.server.OpenApiContract;
import dev.tandem.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The REST API over the bundled examples: every response checked against the OpenAPI document. */
class ApiTest {

    @RegisterExtension
    static final ExamplesServer server = new ExamplesServer("api");

    @Test
    void webhooksToThisMachineOrItsNetworksAreRefusedWhenSaved() {
        for (String url : new String[] {"http://127.0.0.1:9/hook", "http://localhost/hook", "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook", "http://192.168.1.10/hook"}) {
            TestServer.Response refused = server.json("PUT", "/api/v1/monitoring/settings", server.admin(),
                    "{\"webhookUrl\": \"" + url + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.text()).contains("--allow-private-webhooks");
            OpenApiContract.assertConforms("PUT", "/api/v1/monitoring/settings", refused);
        }
        assertThat(server.get("/api/v1/monitoring/settings", server.admin()).json().get("webhookUrl").asText()).isEmpty();
    }

    @Test
    void aWebhookWhoseNameNowResolvesToThisMachineIsRefusedAtDelivery() throws InterruptedException {
        // Saved while its name pointed elsewhere (written past the API's check), it now points at loopback.
        server.server().services().database().transaction(h -> h.createUpdate("insert into monitor_settings (org_id,"
                + " webhook_url) select id, 'http://localhost:9/hook' from organisations where name = 'default'"
                + " on conflict (org_id) do update set webhook_url = excluded.webhook_url").execute());
        try {
            assertThat(server.json("POST", "/api/v1/monitoring/test", server.admin(), null).status()).isEqualTo(202);
            JsonNode delivery = null;
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                delivery = null;
                for (JsonNode item : server.get("/api/v1/deliveries", server.admin()).json().get("items")) {
                    if (item.get("channel").asText().equals("webhook") && item.get("eventType").asText().equals("test")) {
                        delivery = item;
                    }
                }
                if (delivery != null && !delivery.path("lastError").asText("").isEmpty()) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(delivery).isNotNull();
            assertThat(delivery.get("status").asText()).isNotEqualTo("delivered");
            assertThat(delivery.get("lastError").asText()).startsWith("refused: the host localhost resolves to")
                    .contains("loopback");
        } finally {
            server.server().services().database().transaction(h -> h.createUpdate(
                    "update monitor_settings set webhook_url = ''").execute());
        }
    }

    @Test
    void theOpenApiDocumentIsValidAndServed() {
        assertThat(OpenApiContract.parserMessages()).isEmpty();
        TestServer.Response served = server.get("/api/openapi.json", null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    /** HEAD on the API's read routes is their GET without a body (RFC 9110 9.3.2), refusals included. */
    @Test
    void headAnswersLikeGetOnEveryReadRoute() {
        JsonNode finding = server.get("/api/v1/products/sc200-camera/findings?release=2.4.1&limit=1", server.admin()).json()
                .get("items").get(0);
        List<String> paths = List.of("/health", "/api/openapi.json", "/api/v1/products", "/api/v1/products/sc200-camera",
                "/api/v1/products/sc200-camera/releases", "/api/v1/findings/" + finding.get("id").asText() + "?product=sc200-camera",
                "/api/v1/audit?limit=5", "/api/v1/api-keys", "/api/v1/products/no-such-product", "/api/v1/products?limit=nonsense");
        for (String path : paths) {
            for (String key : new String[] {server.admin(), null, "tdm_000000000000_" + "A".repeat(43)}) {
                TestServer.Response get = server.get(path, key);
                TestServer.Response head = server.call("HEAD", path, key, null, null);
                String as = "HEAD " + path + (key == null ? " without a key" : key.equals(server.admin()) ? "" : " with a wrong key");
                assertThat(head.status()).as(as).isEqualTo(get.status());
                assertThat(head.contentType()).as(as).isEqualTo(get.contentType()).isNotEqualTo("text/plain");
                assertThat(head.body()).as(as).isEmpty();
                assertThat(head.raw().headers().firstValue("Content-Length")).as(as)
                        .isEqualTo(get.raw().headers().firstValue("Content-Length"));
                assertThat(head.raw().headers().firstValue("WWW-Authenticate")).as(as)
                        .isEqualTo(get.raw().headers().firstValue("WWW-Authenticate"));
                assertThat(head.raw().headers().firstValue("X-Content-Type-Options")).as(as).hasValue("nosniff");
            }
        }
        assertThat(server.call("HEAD", "/api/v1/products", server.admin(), null, null).contentType()).isEqualTo("application/json");
    }

    @Test
    void healthNeedsNoKey() {
        TestServer.Response health = checked("GET", "/health", server.get("/health", null));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("advisories").get("advisories").asLong()).isGreaterThan(100);
    }

    @Test
    void withoutAValidKeyTheApiAnswers401WithAProblem() {
        for (String key : new String[] {null, "nonsense", "tdm_000000000000_" + "A".repeat(43)}) {
            TestServer.Response response = checked("GET", "/api/v1/products", server.get("/api/v1/products", key));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tandem\"");
            assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void productsAreCreatedListedAndRefusedWhenDuplicateOrInvalid() {
        TestServer.Response created = checked("POST", "/api/v1/products", server.json("POST", "/api/v1/products", server.admin(),
                "{\"name\": \"Gateway X1\", \"description\": \"an industrial gateway\"}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("gateway-x1");
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/products/gateway-x1");
        TestServer.Response again = checked("POST", "/api/v1/products", server.json("POST", "/api/v1/products", server.admin(),
                "{\"name\": \"Gateway X1\"}"));
        assertThat(again.status()).isEqualTo(409);
        TestServer.Response invalid = checked("POST", "/api/v1/products", server.json("POST", "/api/v1/products", server.admin(),
                "{\"name\": \"Y\", \"colour\": \"red\"}"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asText()).contains("colour");
        TestServer.Response list = checked("GET", "/api/v1/products", server.get("/api/v1/products", server.admin()));
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).contains("gateway-x1", "sc200-camera", "proton-bridge", "lumen-homecam-2");
        assertThat(checked("GET", "/api/v1/products/{id}", server.get("/api/v1/products/nope", server.admin())).status())
                .isEqualTo(404);
    }

    @Test
    void anSbomUploadAnswers201WithTheFindingsSummaryAndTheSameDocumentAgainChangesNothing() {
        server.json("POST", "/api/v1/products", server.admin(), "{\"id\": \"cam-upload\", \"name\": \"Camera upload\"}");
        byte[] sbom = TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json");
        TestServer.Response upload = checked("POST", "/api/v1/products/{id}/releases/{version}/sboms", server.call("POST",
                "/api/v1/products/cam-upload/releases/3.0/sboms?name=camera.cdx.json", server.admin(), "application/vnd.cyclonedx+json",
                sbom));
        assertThat(upload.status()).isEqualTo(201);
        JsonNode summary = upload.json().get("summary");
        assertThat(summary.get("knownExploited").asInt()).isEqualTo(1);
        assertThat(summary.get("findings").asInt()).isGreaterThan(1);
        assertThat(upload.json().get("sbom").get("source").asText()).isEqualTo("camera.cdx.json");
        assertThat(upload.json().get("sbom").get("components").asInt()).isGreaterThan(3);
        TestServer.Response again = checked("POST", "/api/v1/products/{id}/releases/{version}/sboms", server.call("POST",
                "/api/v1/products/cam-upload/releases/3.0/sboms", server.admin(), "application/json", sbom));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        TestServer.Response stored = server.get("/api/v1/products/cam-upload/releases/3.0/sboms/"
                + upload.json().get("sbom").get("sha256").asText(), server.admin());
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo(sbom);
        TestServer.Response release = checked("GET", "/api/v1/products/{id}/releases/{version}",
                server.get("/api/v1/products/cam-upload/releases/3.0", server.admin()));
        assertThat(release.json().get("sboms")).hasSize(1);
        assertThat(release.json().get("sboms").get(0).get("mediaType").asText()).isEqualTo("application/vnd.cyclonedx+json");
        // curl's default form type says nothing about the document: the detected format's media type is kept.
        TestServer.Response form = server.call("POST", "/api/v1/products/cam-upload/releases/3.1/sboms", server.admin(),
                "application/x-www-form-urlencoded", TestServer.example("sboms/proton-bridge-v1.8.0.cdx.json"));
        assertThat(form.status()).as(form.text()).isEqualTo(201);
        assertThat(form.json().get("sbom").get("mediaType").asText()).isEqualTo("application/vnd.cyclonedx+json");
    }

    @Test
    void aMalformedSbomGets400WithTheReadersMessageAndPositionAndStoresNothing() {
        server.json("POST", "/api/v1/products", server.admin(), "{\"id\": \"broken\", \"name\": \"Broken\"}");
        String truncated = "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.6\",\n  \"components\": [\n    {\"name\": ";
        TestServer.Response response = checked("POST", "/api/v1/products/{id}/releases/{version}/sboms", server.call("POST",
                "/api/v1/products/broken/releases/1.0/sboms?name=bad.cdx.json", server.admin(), "application/json",
                truncated.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("detail").asText()).startsWith("bad.cdx.json: line ");
        assertThat(problem.get("source").asText()).isEqualTo("bad.cdx.json");
        assertThat(problem.get("line").asInt()).isEqualTo(5);
        assertThat(checked("GET", "/api/v1/products/{id}/releases/{version}",
                server.get("/api/v1/products/broken/releases/1.0", server.admin())).status()).isEqualTo(404);
        TestServer.Response empty = server.call("POST", "/api/v1/products/broken/releases/1.0/sboms", server.admin(), "text/plain",
                new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        TestServer.Response xxe = server.call("POST", "/api/v1/products/broken/releases/1.0/sboms", server.admin(), "application/xml",
                ("<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>&x;</components></bom>")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.text()).doesNotContain("root:");
    }

    @Test
    void findingItemsCarryTheScanFieldsWithIdAsTheFindingIdKnownExploitedFirst() {
        TestServer.Response page = checked("GET", "/api/v1/products/{id}/findings",
                server.get("/api/v1/products/sc200-camera/findings?release=2.4.1", server.admin()));
        assertThat(page.status()).isEqualTo(200);
        JsonNode items = page.json().get("items");
        JsonNode first = items.get(0);
        assertThat(first.get("knownExploited").asBoolean()).isTrue();
        assertThat(first.get("vulnerabilityId").asText()).isEqualTo("CVE-2023-4863");
        for (JsonNode item : items) {
            assertThat(item.get("id").asText()).isEqualTo(item.get("findingId").asText());
            assertThat(item.get("release").asText()).isEqualTo("2.4.1");
        }
        // Every property the scan's JSON schema gives a finding is in the API's item.
        JsonNode scanFinding = OpenApiContract.document().at("/components/schemas/FindingItem/properties");
        for (Iterator<String> names = scanFinding.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("cvss") && !name.equals("note") && !name.equals("baseline")) {
                assertThat(first.has(name)).as("item has %s", name).isTrue();
            }
        }
        TestServer.Response kevOnly = server.get("/api/v1/products/sc200-camera/findings?knownExploited=true", server.admin());
        assertThat(kevOnly.json().get("total").asInt()).isEqualTo(1);
        TestServer.Response paged = checked("GET", "/api/v1/products/{id}/findings",
                server.get("/api/v1/products/sc200-camera/findings?limit=2&offset=1", server.admin()));
        assertThat(paged.json().get("items")).hasSize(2);
        assertThat(paged.json().get("items").get(0).get("id").asText()).isEqualTo(items.get(1).get("id").asText());
        assertThat(server.get("/api/v1/products/sc200-camera/findings?limit=5000", server.admin()).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/products/sc200-camera/findings?severity=dire", server.admin()).status()).isEqualTo(400);
        assertThat(checked("GET", "/api/v1/products/{id}/findings",
                server.get("/api/v1/products/sc200-camera/findings?release=9.9", server.admin())).status()).isEqualTo(404);
    }

    @Test
    void aReleaseReportIsWhatTandemScanWritesForTheSameInputs() throws Exception {
        String path = "/api/v1/products/{id}/releases/{version}/report";
        TestServer.Response json = checked("GET", path, server.get("/api/v1/products/sc200-camera/releases/2.4.1/report",
                server.admin()));
        assertThat(json.contentType()).startsWith("application/json");
        List<String> violations = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(TestServer.JSON.readTree(
                java.nio.file.Files.readString(java.nio.file.Path.of("../docs/schemas/scan.schema.json"))))
                .validate(json.json()).stream().map(Object::toString).toList();
        assertThat(violations).isEmpty();
        JsonNode report = json.json();
        JsonNode page = server.get("/api/v1/products/sc200-camera/findings?release=2.4.1&limit=1000", server.admin()).json();
        assertThat(report.get("findings")).hasSize(page.get("total").asInt());
        // The same finding in both: the report's id is the vulnerability, the item's id the finding.
        JsonNode kev = report.get("findings").get(0);
        JsonNode item = page.get("items").get(0);
        assertThat(kev.get("id").asText()).isEqualTo(item.get("vulnerabilityId").asText());
        assertThat(kev.get("findingId").asText()).isEqualTo(item.get("id").asText());
        for (String field : List.of("purl", "aliases", "knownExploited", "severity", "fixedIn", "summary", "exploitation",
                "advisories", "matchedBy", "component", "suppressed", "analysis", "severities", "epss")) {
            assertThat(item.get(field)).as(field).isEqualTo(kev.get(field));
        }
        TestServer.Response sarif = checked("GET", path, server.get(
                "/api/v1/products/sc200-camera/releases/2.4.1/report?format=sarif", server.admin()));
        assertThat(sarif.contentType()).startsWith("application/sarif+json");
        assertThat(sarif.json().get("version").asText()).isEqualTo("2.1.0");
        TestServer.Response vdr = checked("GET", path, server.get(
                "/api/v1/products/sc200-camera/releases/2.4.1/report?format=cyclonedx", server.admin()));
        assertThat(vdr.json().get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(checked("GET", path, server.get("/api/v1/products/sc200-camera/releases/2.4.1/report?format=pdf",
                server.admin())).status()).isEqualTo(400);
    }

    @Test
    void triageValidatesTheStateAndRecordsHistory() {
        String id = server.get("/api/v1/products/proton-bridge/findings", server.admin()).json().get("items").get(0).get("id").asText();
        String path = "/api/v1/findings/" + id + "/triage";
        TestServer.Response noJustification = checked("PUT", "/api/v1/findings/{id}/triage",
                server.json("PUT", path, server.admin(), "{\"state\": \"not_affected\"}"));
        assertThat(noJustification.status()).isEqualTo(400);
        assertThat(noJustification.json().get("detail").asText()).contains("justification");
        assertThat(server.json("PUT", path, server.admin(), "{\"state\": \"exploitable\", \"justification\": \"code_not_present\"}")
                .status()).isEqualTo(400);
        assertThat(server.json("PUT", path, server.admin(), "{\"state\": \"maybe\"}").status()).isEqualTo(400);
        assertThat(server.json("PUT", path, server.admin(), "{\"state\": \"in_triage\", \"response\": [\"pray\"]}").status())
                .isEqualTo(400);
        TestServer.Response first = checked("PUT", "/api/v1/findings/{id}/triage",
                server.json("PUT", path, server.admin(), "{\"state\": \"in_triage\", \"comment\": \"looking\"}"));
        assertThat(first.status()).isEqualTo(200);
        TestServer.Response second = checked("PUT", "/api/v1/findings/{id}/triage", server.json("PUT", path, server.admin(),
                "{\"state\": \"not_affected\", \"justification\": \"code_not_reachable\", \"response\": [\"will_not_fix\"],"
                        + " \"comment\": \"the vulnerable function is never called\"}"));
        JsonNode detail = second.json();
        assertThat(detail.get("triage").get("state").asText()).isEqualTo("not_affected");
        assertThat(detail.get("triage").get("author").asText()).isEqualTo("admin");
        assertThat(detail.get("history")).hasSize(2);
        assertThat(detail.get("history").get(0).get("state").asText()).isEqualTo("in_triage");
        assertThat(detail.get("finding").get("suppressed").asBoolean()).isTrue();
        JsonNode analysis = detail.get("finding").get("analysis").get(0);
        assertThat(analysis.get("origin").asText()).isEqualTo("triage");
        assertThat(analysis.get("state").asText()).isEqualTo("not_affected");
        assertThat(analysis.get("detail").asText()).isEqualTo("the vulnerable function is never called");
        JsonNode listed = findItem("proton-bridge", "", id);
        assertThat(listed.get("suppressed").asBoolean()).isTrue();
        assertThat(listed.get("triage").get("justification").asText()).isEqualTo("code_not_reachable");
        // The time answered on the change is the time read back later (stored to the microsecond).
        assertThat(listed.get("triage").get("decidedAt").asText()).isEqualTo(detail.get("triage").get("decidedAt").asText())
                .isEqualTo(detail.get("history").get(1).get("decidedAt").asText());
        TestServer.Response malformed = server.json("PUT", path, server.admin(), "{\"state\": \"in_triage\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).contains("line 1").doesNotContain("Source").doesNotContain("REDACTED")
                .doesNotContain("StreamReadFeature");
        TestServer.Response unsuppressed = server.get("/api/v1/products/proton-bridge/findings?suppressed=false&limit=1000",
                server.admin());
        unsuppressed.json().get("items").forEach(i -> assertThat(i.get("id").asText()).isNotEqualTo(id));
        assertThat(checked("GET", "/api/v1/findings/{id}", server.get("/api/v1/findings/TF-00000000000000000000", server.admin()))
                .status()).isEqualTo(404);
        assertThat(server.get("/api/v1/findings/not-an-id", server.admin()).status()).isEqualTo(404);
    }

    @Test
    void aDecisionCarriesOverToTheNextReleaseUnlessTheComponentChanged() {
        server.json("POST", "/api/v1/products", server.admin(), "{\"id\": \"carry\", \"name\": \"Carry\"}");
        byte[] sbom = TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json");
        upload("carry", "1.0", sbom);
        JsonNode rustls = findByPurl("carry", "1.0", "pkg:cargo/rustls@0.21.7");
        String id = rustls.get("id").asText();
        // The example product sc200-camera has the same SBOM, so the same finding id: the caller says which.
        TestServer.Response ambiguous = checked("PUT", "/api/v1/findings/{id}/triage", server.json("PUT",
                "/api/v1/findings/" + id + "/triage", server.admin(), "{\"state\": \"false_positive\"}"));
        assertThat(ambiguous.status()).isEqualTo(409);
        assertThat(ambiguous.json().get("products").toString()).contains("carry", "sc200-camera");
        TestServer.Response decided = checked("PUT", "/api/v1/findings/{id}/triage", server.json("PUT",
                "/api/v1/findings/" + id + "/triage?product=carry", server.admin(),
                "{\"state\": \"false_positive\", \"comment\": \"not built with that feature\"}"));
        assertThat(decided.status()).isEqualTo(200);
        // The same component in the next release: the same finding id, the decision applies.
        upload("carry", "1.1", sbom);
        JsonNode next = findItem("carry", "1.1", id);
        assertThat(next.get("suppressed").asBoolean()).isTrue();
        assertThat(next.get("triage").get("state").asText()).isEqualTo("false_positive");
        // Another rustls version: another finding id, no decision.
        byte[] bumped = new String(sbom, StandardCharsets.UTF_8).replace("rustls@0.21.7", "rustls@0.21.8")
                .replace("\"version\": \"0.21.7\"", "\"version\": \"0.21.8\"").getBytes(StandardCharsets.UTF_8);
        upload("carry", "1.2", bumped);
        JsonNode changed = findByPurl("carry", "1.2", "pkg:cargo/rustls@0.21.8");
        assertThat(changed.get("id").asText()).isNotEqualTo(id);
        assertThat(changed.get("suppressed").asBoolean()).isFalse();
        assertThat(changed.get("triage").isNull()).isTrue();
        TestServer.Response detail = server.get("/api/v1/findings/" + id + "?product=carry", server.admin());
        assertThat(detail.json().get("releases")).hasSize(2);
        // The example product's finding is untouched: decisions belong to one product.
        assertThat(findItem("sc200-camera", "2.4.1", id).get("triage").isNull()).isTrue();
    }

    private static void upload(String product, String version, byte[] sbom) {
        TestServer.Response response = server.call("POST", "/api/v1/products/" + product + "/releases/" + version + "/sboms",
                server.admin(), "application/json", sbom);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private static JsonNode findItem(String product, String version, String id) {
        for (JsonNode item : server.get("/api/v1/products/" + product + "/findings?limit=1000"
                + (version.isEmpty() ? "" : "&release=" + version), server.admin()).json().get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no finding " + id + " in " + product + " " + version);
    }

    private static JsonNode findByPurl(String product, String version, String purl) {
        for (JsonNode item : server.get("/api/v1/products/" + product + "/findings?limit=1000&release=" + version, server.admin())
                .json().get("items")) {
            if (item.get("purl").asText().equals(purl)) {
                return item;
            }
        }
        throw new AssertionError("no finding for " + purl + " in " + product + " " + version);
    }

    @Test
    void theAdvisorySnapshotIsShownAndAGarbageOneRefused() {
        TestServer.Response current = checked("GET", "/api/v1/advisories/snapshot",
                server.get("/api/v1/advisories/snapshot", server.admin()));
        assertThat(current.status()).isEqualTo(200);
        TestServer.Response garbage = checked("PUT", "/api/v1/advisories/snapshot", server.call("PUT",
                "/api/v1/advisories/snapshot?name=junk.tdb", server.admin(), "application/octet-stream",
                "not a snapshot".getBytes(StandardCharsets.UTF_8)));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("detail").asText()).startsWith("junk.tdb");
    }

    @Test
    void keysAndUsersAreAdminsOnlyAndSecretsAreShownOnce() {
        TestServer.Response key = checked("POST", "/api/v1/api-keys", server.json("POST", "/api/v1/api-keys", server.admin(),
                "{\"name\": \"ci upload\", \"role\": \"viewer\"}"));
        assertThat(key.status()).isEqualTo(201);
        String viewer = key.json().get("secret").asText();
        assertThat(checked("POST", "/api/v1/products", server.json("POST", "/api/v1/products", viewer,
                "{\"name\": \"nope\"}")).status()).isEqualTo(403);
        assertThat(checked("GET", "/api/v1/api-keys", server.get("/api/v1/api-keys", viewer)).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/products", viewer).status()).isEqualTo(200);
        TestServer.Response keys = checked("GET", "/api/v1/api-keys", server.get("/api/v1/api-keys", server.admin()));
        assertThat(keys.text()).doesNotContain(viewer.substring(18));
        TestServer.Response user = checked("POST", "/api/v1/users", server.json("POST", "/api/v1/users", server.admin(),
                "{\"username\": \"erin\", \"role\": \"editor\"}"));
        assertThat(user.status()).isEqualTo(201);
        assertThat(user.json().get("password").asText()).hasSize(20);
        assertThat(checked("GET", "/api/v1/users", server.get("/api/v1/users", server.admin())).text()).contains("erin")
                .doesNotContain("argon2");
        String keyId = key.json().get("id").asText();
        assertThat(checked("DELETE", "/api/v1/api-keys/{id}", server.call("DELETE", "/api/v1/api-keys/" + keyId, server.admin(),
                null, null)).status()).isEqualTo(204);
        assertThat(server.get("/api/v1/products", viewer).status()).isEqualTo(401);
        assertThat(checked("GET", "/api/v1/organisation", server.get("/api/v1/organisation", server.admin())).json()
                .get("operator").asBoolean()).isTrue();
    }

    /** What each role may change: viewer reads, editor also writes the portfolio, admin also manages and audits. */
    @Test
    void rolesGateEveryChange() {
        String viewer = server.json("POST", "/api/v1/api-keys", server.admin(), "{\"name\": \"reader\", \"role\": \"viewer\"}")
                .json().get("secret").asText();
        String editor = server.json("POST", "/api/v1/api-keys", server.admin(), "{\"name\": \"writer\", \"role\": \"editor\"}")
                .json().get("secret").asText();
        byte[] sbom = TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json");
        server.json("POST", "/api/v1/products", server.admin(), "{\"id\": \"roles-cam\", \"name\": \"Roles\"}");
        assertThat(server.call("POST", "/api/v1/products/roles-cam/releases/1.0/sboms", server.admin(), "application/json", sbom)
                .status()).isEqualTo(201);
        String finding = server.get("/api/v1/products/roles-cam/findings", server.admin()).json().get("items").get(1).get("id")
                .asText();
        byte[] yaml = TestServer.example("products/smart-camera.yaml");
        for (String key : java.util.List.of(viewer, editor)) {
            boolean edits = key.equals(editor);
            TestServer.Response upload = checked("POST", "/api/v1/products/{id}/releases/{version}/sboms", server.call("POST",
                    "/api/v1/products/roles-cam/releases/7.0/sboms", key, "application/json", sbom));
            assertThat(upload.status()).as(upload.text()).isEqualTo(edits ? 201 : 403);
            TestServer.Response triage = checked("PUT", "/api/v1/findings/{id}/triage", server.json("PUT",
                    "/api/v1/findings/" + finding + "/triage?product=roles-cam", key, "{\"state\": \"in_triage\"}"));
            assertThat(triage.status()).as(triage.text()).isEqualTo(edits ? 200 : 403);
            TestServer.Response profile = checked("PUT", "/api/v1/products/{id}/profile", server.call("PUT",
                    "/api/v1/products/roles-cam/profile", key, "application/yaml", yaml));
            assertThat(profile.status()).as(profile.text()).isIn(edits ? List.of(200, 201, 204) : List.of(403));
            TestServer.Response incident = checked("PUT", "/api/v1/incidents/{name}", server.call("PUT",
                    "/api/v1/incidents/role-test.json", key, "application/json",
                    TestServer.example("incidents/router-exploited-vulnerability.json")));
            assertThat(incident.status()).as(incident.text()).isIn(edits ? List.of(200, 201, 204) : List.of(403));
            // Neither manages the server, its accounts or reads the audit log.
            assertThat(checked("PUT", "/api/v1/advisories/snapshot", server.call("PUT", "/api/v1/advisories/snapshot", key,
                    "application/octet-stream", new byte[] {1})).status()).isEqualTo(403);
            assertThat(checked("GET", "/api/v1/users", server.get("/api/v1/users", key)).status()).isEqualTo(403);
            assertThat(checked("POST", "/api/v1/users", server.json("POST", "/api/v1/users", key,
                    "{\"username\": \"x" + (edits ? "e" : "v") + "\", \"role\": \"admin\"}")).status()).isEqualTo(403);
            assertThat(checked("POST", "/api/v1/api-keys", server.json("POST", "/api/v1/api-keys", key,
                    "{\"name\": \"escalate\", \"role\": \"admin\"}")).status()).isEqualTo(403);
            assertThat(checked("GET", "/api/v1/audit", server.get("/api/v1/audit", key)).status()).isEqualTo(403);
            assertThat(checked("GET", "/api/v1/audit/export", server.get("/api/v1/audit/export", key)).status())
                    .isEqualTo(403);
            assertThat(checked("POST", "/api/v1/organisations", server.json("POST", "/api/v1/organisations", key,
                    "{\"name\": \"escalated\"}")).status()).isEqualTo(403);
            // Both read.
            assertThat(server.get("/api/v1/products/roles-cam/findings", key).status()).isEqualTo(200);
            assertThat(server.get("/api/v1/findings/" + finding + "?product=roles-cam", key).status()).isEqualTo(200);
        }
        assertThat(server.get("/api/v1/findings/" + finding + "?product=roles-cam", server.admin()).json().get("history")).hasSize(1);
    }

    @Test
    void incidentsAndProfilesAreKeptAsUploaded() {
        TestServer.Response incidents = checked("GET", "/api/v1/incidents", server.get("/api/v1/incidents", server.admin()));
        assertThat(incidents.text()).contains("router-exploited-vulnerability.json");
        TestServer.Response incident = server.get("/api/v1/incidents/router-exploited-vulnerability.json", server.admin());
        assertThat(incident.body()).isEqualTo(TestServer.example("incidents/router-exploited-vulnerability.json"));
        TestServer.Response profile = server.get("/api/v1/products/lumen-homecam-2/profile", server.admin());
        assertThat(profile.body()).isEqualTo(TestServer.example("products/smart-camera.yaml"));
        assertThat(server.get("/api/v1/products/sc200-camera/profile", server.admin()).status()).isEqualTo(404);
    }

    @Test
    void anIncidentRecordTheEngineRefusesIsNotStored() {
        String record = new String(TestServer.example("incidents/router-exploited-vulnerability.json"),
                java.nio.charset.StandardCharsets.UTF_8);
        String badDate = record.replace("\"awareAt\": \"2026-11-20T23:30:00+01:00\"", "\"awareAt\": \"late November\"");
        assertThat(badDate).isNotEqualTo(record);
        for (String[] refused : List.of(new String[] {badDate, "awareAt"},
                new String[] {record.substring(0, record.length() / 2), "refused-put.json"},
                new String[] {"{\"title\": \"x\", \"title\": \"y\"}", "title"})) {
            TestServer.Response put = checked("PUT", "/api/v1/incidents/{name}", server.call("PUT",
                    "/api/v1/incidents/refused-put.json", server.admin(), "application/json",
                    refused[0].getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(put.status()).as(put.text()).isEqualTo(400);
            assertThat(put.contentType()).startsWith("application/problem+json");
            assertThat(put.json().get("detail").asText()).contains("refused-put.json").contains(refused[1]);
            assertThat(server.get("/api/v1/incidents/refused-put.json", server.admin()).status()).isEqualTo(404);
        }
        // A record kept already keeps its content when a refused one replaces it.
        byte[] kept = record.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(checked("PUT", "/api/v1/incidents/{name}", server.call("PUT", "/api/v1/incidents/kept-put.json", server.admin(),
                "application/json", kept)).status()).isEqualTo(204);
        assertThat(server.call("PUT", "/api/v1/incidents/kept-put.json", server.admin(), "application/json",
                badDate.getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/incidents/kept-put.json", server.admin()).body()).isEqualTo(kept);
        // YAML is read as YAML and kept as sent.
        byte[] yaml = TestServer.example("incidents/ransomware-energy-operator.yaml");
        assertThat(server.call("PUT", "/api/v1/incidents/kept-put.yaml", server.admin(), "application/yaml", yaml).status())
                .isEqualTo(204);
        assertThat(server.get("/api/v1/incidents/kept-put.yaml", server.admin()).body()).isEqualTo(yaml);
    }

    @Test
    void unknownPathsAndMethodsAnswerProblems() {
        TestServer.Response unknown = server.get("/api/v1/nothing-here", server.admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        TestServer.Response method = server.call("PATCH", "/api/v1/products", server.admin(), "application/json", "{}".getBytes());
        assertThat(method.status()).isIn(404, 405);
        assertThat(method.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theAuditLogRecordsEveryChangeAndItsExportVerifies() throws Exception {
        server.json("POST", "/api/v1/products", server.admin(), "{\"id\": \"audited\", \"name\": \"Audited\"}");
        TestServer.Response page = checked("GET", "/api/v1/audit", server.get("/api/v1/audit?limit=1000", server.admin()));
        List<String> actions = new ArrayList<>();
        page.json().get("items").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).contains("organisation.create", "user.create", "apikey.create", "advisories.replace",
                "product.create", "sbom.upload", "document.put");
        JsonNode last = page.json().get("items").get(page.json().get("items").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("product.create");
        assertThat(last.get("actor").asText()).isEqualTo("key:admin");
        assertThat(last.get("details").get("id").asText()).isEqualTo("audited");
        TestServer.Response export = checked("GET", "/api/v1/audit/export", server.get("/api/v1/audit/export", server.admin()));
        var result = new dev.tandem.usecase.audit.AuditVerifyUseCase().run(new dev.tandem.usecase.audit.AuditVerifyRequest(
                List.of(new dev.tandem.usecase.audit.AuditLogInput.Export(new dev.tandem.input.InputDocument("export.json",
                        export.body()))), List.of()));
        assertThat(result.intact()).isTrue();
        assertThat(result.chains().get(0).entries()).isEqualTo(export.json().get("entries").size());
        ObjectNode tampered = (ObjectNode) export.json().deepCopy();
        ((ObjectNode) tampered.get("entries").get(3)).put("actor", "user:mallory");
        var broken = new dev.tandem.usecase.audit.AuditVerifyUseCase().run(new dev.tandem.usecase.audit.AuditVerifyRequest(
                List.of(new dev.tandem.usecase.audit.AuditLogInput.Export(new dev.tandem.input.InputDocument("export.json",
                        tampered.toString().getBytes(StandardCharsets.UTF_8)))), List.of()));
        assertThat(broken.intact()).isFalse();
        assertThat(broken.chains().get(0).breakAt().orElseThrow().seq()).isEqualTo(4);
    }
}
