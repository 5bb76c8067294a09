package dev.tandem.server.web;

import static dev.tandem.server.web.WebForms.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TestServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages without a browser and without JavaScript: they are complete server-rendered documents;
 * a page needs a session, a form needs its CSRF token and the same origin, text is escaped.
 */
class WebPagesTest {

    private static TestServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("pages", true);
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = post("/login", "username=admin&password=" + URLEncoder.encode(server.adminPassword(),
                StandardCharsets.UTF_8) + "&next=%2F", null);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Lax");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String form, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePortfolioIsAWholeServerRenderedDocument() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(page.body()).contains("<table class=\"products\">").contains("SC-200 Smart Camera").contains("CVE-2023-4863")
                .contains("<html lang=\"en\">").contains("Skip to content");
        HttpResponse<String> release = get("/products/sc200-camera/releases/2.4.1?severity=high");
        assertThat(release.body()).contains("CVE-2024-32650").doesNotContain("CVE-2023-4863</a>");
        assertThat(get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/static/tandem.css").body()).contains("@media print");
    }

    @Test
    void withoutASessionPagesRedirectToTheLoginAndComeBack() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = anonymous.send(HttpRequest.newBuilder(URI.create(server.base() + "/audit")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).isEqualTo("/login?next=%2Faudit");
        HttpResponse<String> wrong = anonymous.send(HttpRequest.newBuilder(URI.create(server.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=nope&next=https%3A%2F%2Fevil.example"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The user name or the password is wrong.").doesNotContain("evil.example");
        assertThat(Pages.safeNext("//evil.example/x")).isEqualTo("/");
        assertThat(Pages.safeNext("https://evil.example")).isEqualTo("/");
        assertThat(Pages.safeNext("/products/a?b=c")).isEqualTo("/products/a?b=c");
    }

    @Test
    void formsNeedTheirTokenAndTheSameOrigin() throws Exception {
        String token = csrf(get("/").body());
        HttpResponse<String> missing = post("/products", "name=NoToken", null);
        assertThat(missing.statusCode()).isEqualTo(403);
        HttpResponse<String> foreign = post("/products", "name=Foreign&csrf=" + token, "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> created = post("/products", "name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&id=xss&csrf=" + token,
                server.base());
        assertThat(created.statusCode()).isEqualTo(303);
        HttpResponse<String> product = get("/products/xss");
        assertThat(product.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void anSbomIsDownloadedAsUploadedWithTheSession() throws Exception {
        HttpResponse<String> release = get("/products/sc200-camera/releases/2.4.1");
        Matcher link = Pattern.compile("href=\"(/products/sc200-camera/releases/2\\.4\\.1/sboms/[0-9a-f]{64})\"")
                .matcher(release.body());
        assertThat(link.find()).as("the release page links the SBOM download under the pages, not the API").isTrue();
        HttpResponse<byte[]> download = client.send(HttpRequest.newBuilder(URI.create(server.base() + link.group(1))).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json"));
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("sc200-camera-firmware-2.4.1.cdx.json");
        // Links a browser follows carry the session, not an API key: no page links into /api/v1.
        for (String page : java.util.List.of("/", "/products/lumen-homecam-2", "/products/sc200-camera/releases/2.4.1",
                "/findings/" + server.get("/api/v1/products/sc200-camera/findings", server.adminKey()).json().get("items")
                        .get(0).get("id").asText(), "/incidents", "/audit", "/settings")) {
            assertThat(get(page).body()).as(page).doesNotContain("href=\"/api/v1");
        }
        assertThat(get("/products/lumen-homecam-2").body()).contains("href=\"/products/lumen-homecam-2/profile\"");
        HttpResponse<String> profile = get("/products/lumen-homecam-2/profile");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).isEqualTo(new String(TestServer.example("products/smart-camera.yaml"), StandardCharsets.UTF_8));
        assertThat(get("/products/sc200-camera/profile").statusCode()).isEqualTo(404);
        assertThat(get("/incidents").body()).contains("href=\"/incidents/router-exploited-vulnerability.json\"");
        HttpResponse<String> incident = get("/incidents/router-exploited-vulnerability.json");
        assertThat(incident.statusCode()).isEqualTo(200);
        assertThat(incident.body()).isEqualTo(new String(TestServer.example("incidents/router-exploited-vulnerability.json"),
                StandardCharsets.UTF_8));
        assertThat(get("/incidents/no-such.json").statusCode()).isEqualTo(404);
        HttpResponse<String> export = get("/audit/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(TestServer.JSON.readTree(export.body()).get("formatVersion").asInt()).isEqualTo(1);
        assertThat(TestServer.JSON.readTree(export.body()).get("entries").size()).isGreaterThan(5);
    }

    /** Another organisation's user sees none of this organisation's pages: 404, as in the API. */
    @Test
    void anotherOrganisationsPagesAreNotFound() throws Exception {
        TestServer.Response created = server.json("POST", "/api/v1/organisations", server.adminKey(), "{\"name\": \"web-other\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String password = created.json().get("admin").get("password").asText();
        HttpResponse<String> login = other.send(HttpRequest.newBuilder(URI.create(server.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + URLEncoder.encode("admin@web-other", StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&next=%2F")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        String findingId = server.get("/api/v1/products/sc200-camera/findings", server.adminKey()).json().get("items").get(0)
                .get("id").asText();
        String sha = server.get("/api/v1/products/sc200-camera/releases/2.4.1", server.adminKey()).json().get("sboms").get(0)
                .get("sha256").asText();
        for (String path : java.util.List.of("/products/sc200-camera", "/products/sc200-camera/releases/2.4.1",
                "/products/sc200-camera/releases/2.4.1/findings", "/products/sc200-camera/releases/2.4.1/report?format=json",
                "/products/sc200-camera/releases/2.4.1/sboms/" + sha, "/findings/" + findingId,
                "/findings/" + findingId + "?product=sc200-camera", "/products/lumen-homecam-2/profile",
                "/incidents/router-exploited-vulnerability.json")) {
            HttpResponse<String> page = other.send(HttpRequest.newBuilder(URI.create(server.base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("libwebp").doesNotContain("SC-200 Smart Camera");
        }
        HttpResponse<String> portfolio = other.send(HttpRequest.newBuilder(URI.create(server.base() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(portfolio.statusCode()).isEqualTo(200);
        assertThat(portfolio.body()).doesNotContain("SC-200 Smart Camera").doesNotContain("Proton Bridge")
                .doesNotContain("CVE-2023-4863");
        HttpResponse<String> audit = other.send(HttpRequest.newBuilder(URI.create(server.base() + "/audit")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(audit.body()).doesNotContain("system:examples").doesNotContain("sc200-camera");
        // A triage form posted at another organisation's finding changes nothing there.
        String token = csrf(portfolio.body());
        HttpResponse<String> triage = other.send(HttpRequest.newBuilder(URI.create(server.base() + "/findings/" + findingId
                + "/triage?product=sc200-camera")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", server.base()).POST(HttpRequest.BodyPublishers.ofString(
                        "state=false_positive&comment=x&csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(triage.statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/findings/" + findingId + "?product=sc200-camera", server.adminKey()).json()
                .get("triage").isNull()).isTrue();
    }

    @Test
    void refusalsAreErrorPagesWithTheirStatus() throws Exception {
        HttpResponse<String> missing = get("/products/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("product 'nothing-here' was not found").doesNotContain("Exception");
        HttpResponse<String> unknown = get("/no/such/page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no page at /no/such/page.");
    }

    private static HttpResponse<String> upload(String path, String csrf, String field, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "tandem-test-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", server.base())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theProductPageKeepsVexDocumentsAndTheReleasePagePublishes() throws Exception {
        String key = server.adminKey();
        assertThat(server.json("POST", "/api/v1/products", key, "{\"id\": \"web-vex\", \"name\": \"Web VEX\"}").status())
                .isEqualTo(201);
        assertThat(server.call("POST", "/api/v1/products/web-vex/releases/1.0/sboms", key, "application/json",
                TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json")).status()).isEqualTo(201);
        String empty = get("/products/web-vex").body();
        assertThat(empty).contains("VEX documents").contains("No VEX document yet.").contains("<label for=\"vex\">")
                .contains("action=\"/products/web-vex/vex\" enctype=\"multipart/form-data\"");
        String vex = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://supplier.example/vex/1",
                 "author": "Supplier PSIRT", "timestamp": "2026-11-01T00:00:00Z", "version": 1,
                 "statements": [
                  {"vulnerability": {"name": "CVE-2024-32650"}, "products": [{"@id": "pkg:cargo/rustls@0.21.7"}],
                   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"},
                  {"vulnerability": {"name": "CVE-2099-0001"}, "products": [{"@id": "pkg:cargo/absent@1.0.0"}],
                   "status": "fixed"}]}
                """;
        HttpResponse<String> uploaded = upload("/products/web-vex/vex", csrf(empty), "vex", "supplier.openvex.json",
                vex.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        assertThat(uploaded.headers().firstValue("Location").orElseThrow()).startsWith("/products/web-vex?vex=1");
        String product = get("/products/web-vex?vex=1").body();
        assertThat(product).contains("VEX document uploaded").contains("supplier.openvex.json").contains("OpenVEX")
                .contains("1 finding, 1 suppressed").contains("CVE-2099-0001").contains("pkg:cargo/absent@1.0.0");
        Matcher sha = Pattern.compile("/products/web-vex/vex/([0-9a-f]{64})\"").matcher(product);
        assertThat(sha.find()).isTrue();
        HttpResponse<String> download = get("/products/web-vex/vex/" + sha.group(1));
        assertThat(download.body()).isEqualTo(vex);

        // The suppressed finding shows the statement that suppresses it, with its author and justification.
        String release = get("/products/web-vex/releases/1.0").body();
        assertThat(release).contains("VEX: not affected (code not reachable), by Supplier PSIRT")
                .contains("/products/web-vex/releases/1.0/advisory?profile=csaf_vex")
                .contains("/products/web-vex/releases/1.0/vex?format=openvex")
                .contains("/products/web-vex/releases/1.0/user-notice?format=html");
        HttpResponse<String> notice = get("/products/web-vex/releases/1.0/user-notice?format=html");
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(notice.body()).contains("CVE-2023-4863");
        HttpResponse<String> advisory = get("/products/web-vex/releases/1.0/advisory?profile=csaf_vex");
        assertThat(advisory.statusCode()).isEqualTo(200);
        assertThat(advisory.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(advisory.body()).contains("\"csaf_vex\"").contains("vulnerable_code_not_in_execute_path");

        // A bad document is refused with the reader's message; removing one re-scans without it.
        HttpResponse<String> bad = upload("/products/web-vex/vex", csrf(product), "vex", "broken.json",
                "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("broken.json");
        HttpResponse<String> removed = post("/products/web-vex/vex/" + sha.group(1) + "/delete", "csrf=" + csrf(product),
                server.base());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(get("/products/web-vex").body()).contains("No VEX document yet.");
        assertThat(get("/products/web-vex/releases/1.0").body()).doesNotContain("VEX: not affected");
    }

    /**
     * HEAD on every page is its GET without a body (RFC 9110 9.3.2): the same status, Content-Type,
     * Content-Length, ETag and Location, for pages, downloads, documents, refusals, a missing page and the
     * login redirect without a session. Javalin alone answers HEAD on a GET route with 200 text/plain.
     */
    @Test
    void headAnswersLikeGetOnEveryPage() throws Exception {
        String key = server.adminKey();
        String finding = server.get("/api/v1/products/sc200-camera/findings?release=2.4.1&limit=1", key).json()
                .get("items").get(0).get("id").asText();
        String incident = server.get("/api/v1/incidents", key).json().get("items").get(0).get("name").asText();
        String incidentPath = "/incidents/" + URLEncoder.encode(incident, StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.JsonNode cases = server.get("/api/v1/cases?status=all", key).json().get("items");
        assertThat(cases).as("the examples' known-exploited findings opened cases").isNotEmpty();
        String caseId = cases.get(0).get("id").asText();
        Matcher sbom = Pattern.compile("href=\"(/products/sc200-camera/releases/2\\.4\\.1/sboms/[0-9a-f]{64})\"")
                .matcher(get("/products/sc200-camera/releases/2.4.1").body());
        assertThat(sbom.find()).isTrue();
        String release = "/products/sc200-camera/releases/2.4.1";
        java.util.List<String> paths = java.util.List.of("/", "/login", "/static/tandem.css", "/account",
                "/products/sc200-camera", release, release + "?severity=high", release + "/findings", release + "/report",
                sbom.group(1), release + "/advisory", release + "/vex", release + "/user-notice",
                "/products/sc200-camera/profile", "/products/sc200-camera/vex/" + "0".repeat(64), "/findings/" + finding,
                "/incidents", "/incidents/new", incidentPath, incidentPath + "/obligations", incidentPath + "/edit",
                incidentPath + "/draft", incidentPath + "/timeline", "/audit", "/audit/export", "/settings", "/cases",
                "/cases/" + caseId, "/cases/" + caseId + "/draft", "/monitoring", "/products/no-such-product",
                "/no-such-page", "/webjars/htmx.org/2.0.8/dist/htmx.min.js");
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        java.util.Set<Integer> statuses = new java.util.TreeSet<>();
        for (String path : paths) {
            statuses.add(assertHeadIsGet(client, path, path));
        }
        for (String path : java.util.List.of("/audit", release + "?severity=high", "/no-such-page")) {
            assertHeadIsGet(anonymous, path, path + " without a session");
        }
        assertThat(statuses).as("pages, redirects and refusals were compared").contains(200, 404);
    }

    /** HEAD {@code path} answered as GET {@code path} without its body; the status. */
    private static int assertHeadIsGet(HttpClient client, String path, String as) throws Exception {
        URI uri = URI.create(server.base() + path);
        HttpResponse<byte[]> get = client.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> head = client.send(HttpRequest.newBuilder(uri)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).as(as).isEqualTo(get.statusCode());
        assertThat(head.body()).as(as).isEmpty();
        for (String header : java.util.List.of("Content-Type", "Content-Length", "ETag", "Location", "Cache-Control",
                "Content-Security-Policy", "Content-Disposition", "X-Content-Type-Options")) {
            assertThat(head.headers().firstValue(header)).as(as + ": " + header).isEqualTo(get.headers().firstValue(header));
        }
        get.headers().firstValue("Content-Length").ifPresent(length -> assertThat(Long.parseLong(length)).as(as)
                .isEqualTo(get.body().length));
        return get.statusCode();
    }
}
