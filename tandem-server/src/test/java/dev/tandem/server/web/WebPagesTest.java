package dev.tandem.server.web;

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

    private static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
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
    void refusalsAreErrorPagesWithTheirStatus() throws Exception {
        HttpResponse<String> missing = get("/products/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("product 'nothing-here' was not found").doesNotContain("Exception");
        HttpResponse<String> unknown = get("/no/such/page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no page at /no/such/page.");
    }
}
