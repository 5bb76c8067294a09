package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.OpenApiContract;
import dev.tandem.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two organisations on one server: every endpoint, called with the other organisation's key on the
 * first one's resources, answers 404 (never 403, never the data), lists show only one's own, and
 * changes in one never reach the other.
 */
class TenantIsolationTest {

    private static TestServer server;
    private static String operator;
    private static String acme;
    private static String findingId;
    private static String sbomSha;

    @BeforeAll
    static void start() {
        server = TestServer.start("tenants", true);
        operator = server.adminKey();
        TestServer.Response created = server.json("POST", "/api/v1/organisations", operator, "{\"name\": \"acme\"}");
        OpenApiContract.assertConforms("POST", "/api/v1/organisations", created);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        acme = created.json().get("apiKey").get("secret").asText();
        assertThat(created.json().get("admin").get("username").asText()).isEqualTo("admin@acme");
        JsonNode first = server.get("/api/v1/products/sc200-camera/findings", operator).json().get("items").get(0);
        findingId = first.get("id").asText();
        sbomSha = server.get("/api/v1/products/sc200-camera/releases/2.4.1", operator).json().get("sboms").get(0)
                .get("sha256").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every route that names a resource of the organisation 'default', as another organisation calls it. */
    @Test
    void anotherOrganisationsResourcesAreNotFound() {
        byte[] sbom = TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json");
        Map<String, TestServer.Response> calls = new java.util.LinkedHashMap<>();
        calls.put("GET /api/v1/products/{id}", server.get("/api/v1/products/sc200-camera", acme));
        calls.put("GET /api/v1/products/{id}/releases", server.get("/api/v1/products/sc200-camera/releases", acme));
        calls.put("GET /api/v1/products/{id}/releases/{version}", server.get("/api/v1/products/sc200-camera/releases/2.4.1", acme));
        calls.put("GET /api/v1/products/{id}/releases/{version}/sboms/{sha256}",
                server.get("/api/v1/products/sc200-camera/releases/2.4.1/sboms/" + sbomSha, acme));
        calls.put("POST /api/v1/products/{id}/releases/{version}/sboms", server.call("POST",
                "/api/v1/products/sc200-camera/releases/9.9/sboms", acme, "application/json", sbom));
        calls.put("GET /api/v1/products/{id}/releases/{version}/report",
                server.get("/api/v1/products/sc200-camera/releases/2.4.1/report?format=sarif", acme));
        calls.put("GET /api/v1/products/{id}/findings", server.get("/api/v1/products/sc200-camera/findings", acme));
        byte[] vex = TestServer.example("vex/sc200-vex.json");
        String vexSha = server.call("POST", "/api/v1/products/sc200-camera/vex", operator, "application/json", vex).json()
                .get("sha256").asText();
        calls.put("POST /api/v1/products/{id}/vex", server.call("POST", "/api/v1/products/sc200-camera/vex", acme,
                "application/json", vex));
        calls.put("GET /api/v1/products/{id}/vex", server.get("/api/v1/products/sc200-camera/vex", acme));
        calls.put("GET /api/v1/products/{id}/vex/{sha256}", server.get("/api/v1/products/sc200-camera/vex/" + vexSha, acme));
        calls.put("DELETE /api/v1/products/{id}/vex/{sha256}", server.call("DELETE", "/api/v1/products/sc200-camera/vex/"
                + vexSha, acme, null, null));
        calls.put("GET /api/v1/products/{id}/releases/{version}/advisory",
                server.get("/api/v1/products/sc200-camera/releases/2.4.1/advisory?profile=csaf_security_advisory", acme));
        calls.put("GET /api/v1/products/{id}/releases/{version}/vex",
                server.get("/api/v1/products/sc200-camera/releases/2.4.1/vex?format=openvex", acme));
        calls.put("GET /api/v1/products/{id}/releases/{version}/user-notice",
                server.get("/api/v1/products/sc200-camera/releases/2.4.1/user-notice?format=html", acme));
        calls.put("GET /api/v1/products/{id}/profile", server.get("/api/v1/products/lumen-homecam-2/profile", acme));
        calls.put("PUT /api/v1/products/{id}/profile", server.call("PUT", "/api/v1/products/lumen-homecam-2/profile", acme,
                "application/yaml", "product: x\n".getBytes(StandardCharsets.UTF_8)));
        calls.put("GET /api/v1/findings/{id}", server.get("/api/v1/findings/" + findingId, acme));
        calls.put("GET /api/v1/findings/{id}/triage", server.get("/api/v1/findings/" + findingId + "/triage", acme));
        calls.put("PUT /api/v1/findings/{id}/triage", server.json("PUT", "/api/v1/findings/" + findingId + "/triage", acme,
                "{\"state\": \"false_positive\"}"));
        calls.put("GET /api/v1/incidents/{name}", server.get("/api/v1/incidents/router-exploited-vulnerability.json", acme));
        String caseId = server.get("/api/v1/cases", operator).json().get("items").get(0).get("id").asText();
        calls.put("GET /api/v1/cases/{id}", server.get("/api/v1/cases/" + caseId, acme));
        calls.put("PUT /api/v1/cases/{id}/awareness", server.json("PUT", "/api/v1/cases/" + caseId + "/awareness", acme,
                "{\"awareAt\": \"2026-01-01T00:00:00Z\", \"reason\": \"x\"}"));
        calls.put("PUT /api/v1/cases/{id}/corrective-measure", server.json("PUT", "/api/v1/cases/" + caseId
                + "/corrective-measure", acme, "{\"at\": \"2026-01-01T00:00:00Z\"}"));
        calls.put("PUT /api/v1/cases/{id}/status", server.json("PUT", "/api/v1/cases/" + caseId + "/status", acme,
                "{\"status\": \"closed\"}"));
        calls.put("POST /api/v1/cases/{id}/submissions", server.json("POST", "/api/v1/cases/" + caseId + "/submissions",
                acme, "{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"early-warning\"}"));
        calls.put("GET /api/v1/cases/{id}/draft", server.get("/api/v1/cases/" + caseId
                + "/draft?framework=eu-cra-vulnerability&stage=early-warning", acme));
        calls.put("POST /api/v1/cases", server.json("POST", "/api/v1/cases", acme, "{\"product\": \"proton-bridge\","
                + " \"vulnerabilityId\": \"CVE-2026-1\", \"evidence\": \"seen\"}"));
        calls.put("PUT /api/v1/products/{id}/eu-market", server.json("PUT", "/api/v1/products/sc200-camera/eu-market", acme,
                "{\"euMarket\": false}"));
        calls.put("GET /api/v1/incidents/{name}/obligations",
                server.get("/api/v1/incidents/router-exploited-vulnerability.json/obligations", acme));
        calls.put("POST /api/v1/incidents/{name}/submissions", server.json("POST",
                "/api/v1/incidents/router-exploited-vulnerability.json/submissions", acme,
                "{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"notification\"}"));
        calls.put("GET /api/v1/incidents/{name}/draft", server.get("/api/v1/incidents/router-exploited-vulnerability.json"
                + "/draft?framework=eu-cra-vulnerability&stage=notification", acme));
        calls.put("GET /api/v1/incidents/{name}/timeline",
                server.get("/api/v1/incidents/router-exploited-vulnerability.json/timeline", acme));
        calls.put("DELETE /api/v1/api-keys/{id}", server.call("DELETE", "/api/v1/api-keys/" + operatorKeyId(), acme, null,
                null));
        for (Map.Entry<String, TestServer.Response> call : calls.entrySet()) {
            String[] route = call.getKey().split(" ");
            assertThat(call.getValue().status()).as(call.getKey() + ": " + call.getValue().text()).isEqualTo(404);
            OpenApiContract.assertConforms(route[0], route[1], call.getValue());
            assertThat(call.getValue().text()).doesNotContain("CVE-2023-4863").doesNotContain("libwebp");
        }
        // Nothing changed on the owner's side.
        assertThat(server.get("/api/v1/products/sc200-camera/vex", operator).json().get("items")).hasSize(1);
        assertThat(server.get("/api/v1/products/sc200-camera/releases", operator).json().get("items")).hasSize(1);
        assertThat(server.get("/api/v1/findings/" + findingId, operator).json().get("triage").isNull()).isTrue();
        assertThat(server.get("/api/v1/products", operator).status()).isEqualTo(200);
    }

    @Test
    void listsShowOnlyTheCallersOrganisation() {
        TestServer.Response products = server.get("/api/v1/products", acme);
        for (JsonNode product : products.json().get("items")) {
            assertThat(product.get("createdBy").asText()).isNotEqualTo("system:examples");
            assertThat(product.get("name").asText()).isNotIn("SC-200 Smart Camera", "Proton Bridge", "Lumen HomeCam 2");
        }
        assertThat(server.get("/api/v1/incidents", acme).json().get("items")).isEmpty();
        for (String list : List.of("/api/v1/cases?status=all", "/api/v1/changes", "/api/v1/events")) {
            List<String> mine = ids(server.get(list, operator).json().get("items"));
            assertThat(mine).as(list).isNotEmpty();
            assertThat(ids(server.get(list, acme).json().get("items"))).as(list).doesNotContainAnyElementsOf(mine);
        }
        assertThat(server.get("/api/v1/deliveries", acme).json().get("items")).isEmpty();
        assertThat(server.get("/api/v1/monitoring/settings", acme).json().get("entityName").asText()).isEqualTo("acme");
        JsonNode keys = server.get("/api/v1/api-keys", acme).json().get("items");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("id").asText()).isNotEqualTo(operatorKeyId());
        JsonNode users = server.get("/api/v1/users", acme).json().get("items");
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("username").asText()).isEqualTo("admin@acme");
        for (JsonNode entry : server.get("/api/v1/audit?limit=1000", acme).json().get("items")) {
            assertThat(entry.toString()).doesNotContain("system:examples").doesNotContain("proton-bridge")
                    .doesNotContain("lumen-homecam");
        }
        assertThat(server.get("/api/v1/audit/export", acme).json().get("organisation").asText()).isEqualTo("acme");
        assertThat(server.get("/api/v1/organisation", acme).json().get("operator").asBoolean()).isFalse();
    }

    @Test
    void theSameProductIdInTwoOrganisationsAreTwoProducts() {
        server.json("POST", "/api/v1/products", acme, "{\"id\": \"sc200-camera\", \"name\": \"Acme's camera\"}");
        TestServer.Response upload = server.call("POST", "/api/v1/products/sc200-camera/releases/2.4.1/sboms", acme,
                "application/json", TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json"));
        assertThat(upload.status()).isEqualTo(201);
        // The same finding id in acme: a decision there stays there.
        TestServer.Response triage = server.json("PUT", "/api/v1/findings/" + findingId + "/triage", acme,
                "{\"state\": \"not_affected\", \"justification\": \"code_not_present\"}");
        assertThat(triage.status()).as(triage.text()).isEqualTo(200);
        assertThat(server.get("/api/v1/findings/" + findingId, operator).json().get("triage").isNull()).isTrue();
        assertThat(server.get("/api/v1/products/sc200-camera", acme).json().get("name").asText()).isEqualTo("Acme's camera");
        assertThat(server.get("/api/v1/products/sc200-camera", operator).json().get("name").asText())
                .isEqualTo("SC-200 Smart Camera");
    }

    @Test
    void onlyTheOperatorOrganisationReplacesAdvisoriesAndCreatesOrganisations() {
        TestServer.Response swap = server.call("PUT", "/api/v1/advisories/snapshot", acme, "application/octet-stream",
                new byte[] {1, 2, 3});
        assertThat(swap.status()).isEqualTo(403);
        OpenApiContract.assertConforms("PUT", "/api/v1/advisories/snapshot", swap);
        assertThat(server.json("POST", "/api/v1/organisations", acme, "{\"name\": \"evil\"}").status()).isEqualTo(403);
        // Advisories are public: every organisation reads the one current snapshot.
        assertThat(server.get("/api/v1/advisories/snapshot", acme).status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentListsNoRouteThisTestForgot() {
        List<String> covered = List.of("/health", "/api/v1/products", "/api/v1/products/{id}", "/api/v1/products/{id}/releases",
                "/api/v1/products/{id}/releases/{version}", "/api/v1/products/{id}/releases/{version}/sboms",
                "/api/v1/products/{id}/releases/{version}/sboms/{sha256}", "/api/v1/products/{id}/findings",
                "/api/v1/products/{id}/releases/{version}/report",
                "/api/v1/products/{id}/profile", "/api/v1/findings/{id}", "/api/v1/findings/{id}/triage",
                "/api/v1/advisories/snapshot", "/api/v1/organisation", "/api/v1/organisations", "/api/v1/users",
                "/api/v1/api-keys", "/api/v1/api-keys/{id}", "/api/v1/audit", "/api/v1/audit/export", "/api/v1/incidents",
                "/api/v1/incidents/{name}", "/api/v1/feeds", "/api/v1/feeds/refresh", "/api/v1/changes", "/api/v1/cases",
                "/api/v1/cases/{id}", "/api/v1/cases/{id}/awareness", "/api/v1/cases/{id}/corrective-measure",
                "/api/v1/cases/{id}/status", "/api/v1/cases/{id}/submissions", "/api/v1/cases/{id}/draft",
                "/api/v1/monitoring/settings", "/api/v1/monitoring/test", "/api/v1/events", "/api/v1/deliveries",
                "/api/v1/deliveries/{id}/attempts", "/api/v1/products/{id}/eu-market",
                "/api/v1/incidents/{name}/obligations", "/api/v1/incidents/{name}/submissions",
                "/api/v1/incidents/{name}/draft", "/api/v1/incidents/{name}/timeline",
                "/api/v1/products/{id}/vex", "/api/v1/products/{id}/vex/{sha256}",
                "/api/v1/products/{id}/releases/{version}/advisory", "/api/v1/products/{id}/releases/{version}/vex",
                "/api/v1/products/{id}/releases/{version}/user-notice");
        for (Iterator<String> paths = OpenApiContract.document().get("paths").fieldNames(); paths.hasNext();) {
            assertThat(covered).contains(paths.next());
        }
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new java.util.ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static String operatorKeyId() {
        return server.get("/api/v1/api-keys", operator).json().get("items").get(0).get("id").asText();
    }
}
