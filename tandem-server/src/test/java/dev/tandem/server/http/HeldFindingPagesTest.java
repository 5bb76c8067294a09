package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.OpenApiContract;
import dev.tandem.server.TestServer;
import dev.tandem.server.portfolio.Portfolio;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Tenant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A findings page held in memory is written in one piece with its length, an entity tag that a client can
 * revalidate with (304 while nothing changed, 200 with a new tag once something did), and a gzip form for
 * clients that ask, compressed once and held: the same bytes as the identity form once inflated.
 */
class HeldFindingPagesTest {

    private static final String PAGE = "/api/v1/products/{id}/findings";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static TestServer server;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start("heldpages", true);
        admin = server.adminKey();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageCarriesItsLengthAndTagAndA304AnswersItsTagUntilATriageDecisionChangesIt() throws Exception {
        String path = "/api/v1/products/sc200-camera/findings?release=2.4.1&limit=3";
        HttpResponse<byte[]> first = get(path, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", PAGE, response(first));
        assertThat(first.headers().firstValueAsLong("Content-Length")).hasValue(first.body().length);
        assertThat(first.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        // The headers every other response gets from the server's after-handler, though this one is committed before.
        Api.SECURITY_HEADERS.forEach((name, value) -> assertThat(first.headers().firstValue(name)).hasValue(value));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");
        // The same bytes as the page read from the database page by page (the cache's reference).
        Tenant tenant = server.server().services().database()
                .read(h -> new dev.tandem.server.store.Organisations(h).find("default")).orElseThrow();
        Portfolio.FindingPage read = server.server().services().portfolio().findingsFromDatabase(
                new dev.tandem.server.auth.Caller(tenant, "key:test", dev.tandem.server.store.Role.VIEWER, false),
                "sc200-camera", "2.4.1", new Findings.Filter(true, null, null, 0, 3));
        assertThat(first.body()).isEqualTo(Views.findingPage(read));

        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            HttpResponse<byte[]> again = get(path, Map.of("If-None-Match", ifNoneMatch));
            assertThat(again.statusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);
            OpenApiContract.assertConforms("GET", PAGE, response(again));
        }
        assertThat(get(path, Map.of("If-None-Match", "\"other\"")).statusCode()).isEqualTo(200);

        // Another page, another tag: the tag names the query, not only the release.
        HttpResponse<byte[]> next = get(path + "&offset=1", Map.of("If-None-Match", etag));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        HttpResponse<byte[]> filtered = get(path + "&knownExploited=false", Map.of("If-None-Match", etag));
        assertThat(filtered.statusCode()).isEqualTo(200);

        JsonNode item = TestServer.JSON.readTree(first.body()).get("items").get(0);
        TestServer.Response decided = server.json("PUT", "/api/v1/findings/" + item.get("id").asText()
                + "/triage?product=sc200-camera", admin, "{\"state\": \"in_triage\", \"comment\": \"etag test\"}");
        assertThat(decided.status()).isEqualTo(200);
        HttpResponse<byte[]> changed = get(path, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(TestServer.JSON.readTree(changed.body()).get("items").get(0).at("/triage/comment").asText())
                .isEqualTo("etag test");
    }

    @Test
    void gzipIsSentOnlyWhenAskedAndIsTheSameDocument() throws Exception {
        String path = "/api/v1/products/sc200-camera/findings?release=2.4.1";
        HttpResponse<byte[]> plain = get(path, Map.of("Accept-Encoding", "br;q=1, gzip;q=0"));
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        HttpResponse<byte[]> gzipped = get(path, Map.of("Accept-Encoding", "gzip, deflate"));
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gzipped.headers().firstValueAsLong("Content-Length")).hasValue(gzipped.body().length);
        assertThat(gzipped.body().length).isLessThan(plain.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        // held: the second answer is the same compressed bytes
        assertThat(get(path, Map.of("Accept-Encoding", "gzip")).body()).isEqualTo(gzipped.body());
        // each form has its own tag, and revalidates with it
        String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(plainTag);
        assertThat(get(path, Map.of("Accept-Encoding", "gzip", "If-None-Match", gzipTag)).statusCode()).isEqualTo(304);
        assertThat(get(path, Map.of("Accept-Encoding", "gzip", "If-None-Match", plainTag)).statusCode()).isEqualTo(200);
        assertThat(get(path, Map.of("If-None-Match", gzipTag)).statusCode()).isEqualTo(200);
        // a page under a packet's size goes as it is
        HttpResponse<byte[]> small = get(path + "&offset=100000", Map.of("Accept-Encoding", "gzip"));
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(TestServer.JSON.readTree(small.body()).get("items")).isEmpty();
    }

    /** HEAD is the GET without its body (RFC 9110 9.3.2): the same status, type, length and tag, in either form. */
    @Test
    void headAnswersWithTheGetsHeadersAndNoBody() throws Exception {
        String path = "/api/v1/products/sc200-camera/findings?release=2.4.1";
        for (Map<String, String> asked : List.of(Map.<String, String>of(), Map.of("Accept-Encoding", "gzip"))) {
            HttpResponse<byte[]> get = get(path, asked);
            HttpResponse<byte[]> head = send("HEAD", path, asked);
            assertThat(head.statusCode()).as("%s", asked).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            for (String header : List.of("Content-Type", "Content-Length", "Content-Encoding", "ETag", "Cache-Control", "Vary",
                    "X-Content-Type-Options")) {
                assertThat(head.headers().firstValue(header)).as("%s %s", header, asked).isEqualTo(get.headers().firstValue(header));
            }
            assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().length);
            String etag = get.headers().firstValue("ETag").orElseThrow();
            Map<String, String> revalidate = new java.util.HashMap<>(asked);
            revalidate.put("If-None-Match", etag);
            HttpResponse<byte[]> notModified = send("HEAD", path, revalidate);
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        }
        assertThat(get(path, Map.of("Accept-Encoding", "gzip")).headers().firstValue("Content-Encoding")).as("a page this size")
                .hasValue("gzip");
    }

    @Test
    void ifNoneMatchAndAcceptEncodingAreReadAsRfc9110Says() {
        assertThat(HeldFindingPages.matches(null, "\"a\"")).isFalse();
        assertThat(HeldFindingPages.matches("", "\"a\"")).isFalse();
        assertThat(HeldFindingPages.matches("\"a\"", "\"a\"")).isTrue();
        assertThat(HeldFindingPages.matches("W/\"a\"", "\"a\"")).isTrue();
        assertThat(HeldFindingPages.matches(" \"b\" ,W/\"a\"", "\"a\"")).isTrue();
        assertThat(HeldFindingPages.matches("\"ab\"", "\"a\"")).isFalse();
        assertThat(HeldFindingPages.matches("a", "\"a\"")).isFalse();
        assertThat(HeldFindingPages.matches("*", "\"a\"")).isTrue();
        assertThat(HeldFindingPages.acceptsGzip(null)).isFalse();
        assertThat(HeldFindingPages.acceptsGzip("identity")).isFalse();
        assertThat(HeldFindingPages.acceptsGzip("GZIP")).isTrue();
        assertThat(HeldFindingPages.acceptsGzip("deflate, gzip;q=0.5")).isTrue();
        assertThat(HeldFindingPages.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(HeldFindingPages.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(HeldFindingPages.acceptsGzip("gzip;q=nonsense")).isFalse();
        assertThat(HeldFindingPages.acceptsGzip("*")).isTrue();
        assertThat(HeldFindingPages.acceptsGzip("x-gzip")).isTrue();
    }

    @Test
    void theTagNamesReleaseVersionAndEveryPartOfTheQuery() {
        Tenant tenant = new Tenant(1, "default");
        Products.Product product = new Products.Product(7, tenant, "cam", "Cam", "", Instant.EPOCH, "x");
        Products.Release release = new Products.Release(9, 7, "1.0", Instant.EPOCH);
        Portfolio.FindingPage page = new Portfolio.FindingPage(product, release, 0, 0, 100, List.of(), Map.of(), List.of(), 5);
        Portfolio.FindingPage newer = new Portfolio.FindingPage(product, release, 0, 0, 100, List.of(), Map.of(), List.of(), 6);
        Portfolio.FindingPage other = new Portfolio.FindingPage(product, new Products.Release(10, 7, "1.1", Instant.EPOCH),
                0, 0, 100, List.of(), Map.of(), List.of(), 5);
        Findings.Filter all = new Findings.Filter(true, null, null, 0, 100);
        List<String> tags = List.of(HeldFindingPages.etag(page, all), HeldFindingPages.etag(newer, all),
                HeldFindingPages.etag(other, all),
                HeldFindingPages.etag(page, new Findings.Filter(false, null, null, 0, 100)),
                HeldFindingPages.etag(page, new Findings.Filter(true, "high", null, 0, 100)),
                HeldFindingPages.etag(page, new Findings.Filter(true, null, true, 0, 100)),
                HeldFindingPages.etag(page, new Findings.Filter(true, null, false, 0, 100)),
                HeldFindingPages.etag(page, new Findings.Filter(true, null, null, 1, 100)),
                HeldFindingPages.etag(page, new Findings.Filter(true, null, null, 0, 10)));
        assertThat(tags).doesNotHaveDuplicates();
        assertThat(HeldFindingPages.etag(page, all)).isEqualTo(HeldFindingPages.etag(page, all));
    }

    @Test
    void theHeldGzipFormsStayWithinTheirBound() throws IOException {
        HeldFindingPages pages = new HeldFindingPages(4_000);
        byte[] body = new byte[50_000];
        java.util.Arrays.fill(body, (byte) 'x');
        byte[] first = pages.gzipped("\"1\"", body);
        assertThat(pages.gzipped("\"1\"", body)).isSameAs(first);
        for (int i = 2; i < 100; i++) {
            pages.gzipped("\"" + i + "\"", body);
        }
        assertThat(pages.gzippedPages()).isLessThan(98).isGreaterThan(0);
        byte[] random = new byte[10_000];
        new java.util.Random(1).nextBytes(random);
        // larger than the whole bound once compressed: answered, not held
        byte[] incompressible = pages.gzipped("\"big\"", random);
        assertThat(pages.gzipped("\"big\"", random)).isNotSameAs(incompressible).isEqualTo(incompressible);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    private static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
        return send("GET", path, headers);
    }

    private static HttpResponse<byte[]> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + admin);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static TestServer.Response response(HttpResponse<byte[]> raw) {
        return new TestServer.Response(raw.statusCode(), raw.headers().firstValue("Content-Type").orElse(""), raw.body(),
                raw);
    }
}
