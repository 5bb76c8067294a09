package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.FeedServer;
import dev.tandem.server.MonitorOptions;
import dev.tandem.server.OpenApiContract;
import dev.tandem.server.TestClock;
import dev.tandem.server.TestDatabase;
import dev.tandem.server.TestServer;
import dev.tandem.server.portfolio.AdvisoryFreshness;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A stale advisory snapshot is reported on /health (still 200), on the monitoring page and as a
 * banner on the portfolio page: too old by the server's clock, or the feed refresh failing its last
 * N runs (naming the feed). The clock is the server's injected one, moved by the test.
 */
class StaleAdvisoriesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @Test
    void aFreshSnapshotHasNoWarningAnAgedOneWarnsOnHealthMonitoringAndPortfolio() throws Exception {
        TestClock clock = TestClock.stoppedAt(T0);
        try (TestServer server = TestServer.start("stale-age", true, MonitorOptions.defaults(),
                TestDatabase.fresh("stale-age"), clock)) {
            // The examples' snapshot is built at start: T0.
            JsonNode fresh = health(server);
            assertThat(fresh.get("status").asText()).isEqualTo("ok");
            assertThat(fresh.get("advisories").get("builtAt").asText()).isEqualTo(T0.toString());
            assertThat(fresh.get("freshness").get("stale").asBoolean()).isFalse();
            assertThat(fresh.get("freshness").get("warnings")).isEmpty();
            assertThat(fresh.get("freshness").get("staleAfter").asText()).isEqualTo("PT48H");
            assertThat(fresh.get("freshness").get("lastUpdate").asText()).isEqualTo(T0.toString());
            assertThat(page(server, "/")).doesNotContain("stale-advisories");
            assertThat(page(server, "/monitoring")).doesNotContain("stale-advisories");

            clock.set(T0.plus(Duration.ofHours(47)));
            assertThat(health(server).get("freshness").get("stale").asBoolean()).as("47 h is within the 48 h").isFalse();

            clock.set(T0.plus(Duration.ofHours(49)));
            JsonNode aged = health(server);
            assertThat(aged.get("status").asText()).as("stale advisories leave the server up").isEqualTo("ok");
            assertThat(aged.get("advisories").get("sha256").isTextual()).as("the existing fields stay").isTrue();
            JsonNode freshness = aged.get("freshness");
            assertThat(freshness.get("stale").asBoolean()).isTrue();
            assertThat(freshness.get("warnings")).hasSize(1);
            JsonNode warning = freshness.get("warnings").get(0);
            assertThat(warning.get("kind").asText()).isEqualTo("age");
            assertThat(warning.get("ageSeconds").asLong()).isEqualTo(Duration.ofHours(49).toSeconds());
            assertThat(warning.get("message").asText()).contains("49 h ago").contains("48 h");
            for (String path : new String[] {"/", "/monitoring"}) {
                String html = page(server, path);
                assertThat(html).as(path).contains("id=\"stale-advisories\"").contains("Advisories may be out of date")
                        .contains("49 h ago");
            }
        }
    }

    @Test
    void aFeedFailingItsLastRefreshesIsNamed() throws Exception {
        FeedServer feeds = FeedServer.start(); // nothing published: the publisher moved its file (404)
        Path feedsFile = feeds.feedsFile("kev:\n  cisa: " + feeds.url("/kev.json"));
        MonitorOptions monitor = MonitorOptions.defaults().withFeeds(feedsFile)
                .withIntervals(Duration.ofHours(6), Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(2))
                .withStale(new AdvisoryFreshness.Limits(Duration.ofHours(48), 2));
        TestClock clock = TestClock.stoppedAt(T0);
        try (TestServer server = TestServer.start("stale-feed", false, monitor, TestDatabase.fresh("stale-feed"), clock)) {
            String key = server.adminKey();
            awaitFailed(server, key, 1); // the scheduled refresh at start
            JsonNode once = health(server).get("freshness");
            assertThat(once.get("stale").asBoolean()).as("one failure of two allowed: %s", once).isFalse();

            assertThat(server.json("POST", "/api/v1/feeds/refresh", key, null).status()).isEqualTo(202);
            awaitFailed(server, key, 2);
            JsonNode freshness = health(server).get("freshness");
            assertThat(freshness.get("stale").asBoolean()).isTrue();
            JsonNode warning = freshness.get("warnings").get(0);
            assertThat(warning.get("kind").asText()).isEqualTo("refresh-failing");
            assertThat(warning.get("failedRefreshes").asInt()).isEqualTo(2);
            assertThat(warning.get("feeds")).extracting(JsonNode::asText).containsExactly("kev/cisa");
            assertThat(warning.get("lastError").asText()).contains("HTTP 404");
            assertThat(warning.get("message").asText()).contains("kev/cisa").contains("last 2 runs");
            for (String path : new String[] {"/", "/monitoring"}) {
                assertThat(page(server, path)).as(path).contains("id=\"stale-advisories\"").contains("kev/cisa");
            }
        } finally {
            feeds.close();
        }
    }

    /**
     * Not only a download that fails: a feed whose content does not parse, then one whose body does not
     * match the digest its server states, is named too (the KEV catalogue here, fetched before EPSS, so
     * "the last feed fetched" would name the wrong one).
     */
    @Test
    void aFeedFailingToParseOrItsChecksumIsNamed() throws Exception {
        AtomicReference<String> mode = new AtomicReference<>("malformed");
        FeedServer feeds = FeedServer.start().publish("/epss.csv", "#model_version:v2025.03.14,score_date:2026-11-01T00:00:00Z\n"
                .concat("cve,epss,percentile\n").getBytes(StandardCharsets.UTF_8));
        feeds.handle("/kev.json", exchange -> {
            try (exchange) {
                byte[] body;
                if (mode.get().equals("malformed")) {
                    body = "{\"title\": \"CISA KEV\", \"vulnerabilities\": [".getBytes(StandardCharsets.UTF_8);
                } else {
                    body = FeedServer.fixture("kev-empty.json");
                    // The MD5 of something else: the body was damaged on its way.
                    exchange.getResponseHeaders().add("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==");
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        Path feedsFile = feeds.feedsFile("kev:\n  cisa: " + feeds.url("/kev.json") + "\nepss: " + feeds.url("/epss.csv"));
        MonitorOptions monitor = MonitorOptions.defaults().withFeeds(feedsFile)
                .withIntervals(Duration.ofHours(6), Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(2))
                .withStale(new AdvisoryFreshness.Limits(Duration.ofHours(48), 2));
        try (TestServer server = TestServer.start("stale-parse", false, monitor, TestDatabase.fresh("stale-parse"),
                TestClock.stoppedAt(T0))) {
            String key = server.adminKey();
            awaitFailed(server, key, 1); // the scheduled refresh at start: the catalogue does not parse
            JsonNode parsing = latestFailed(server, key);
            assertThat(parsing.get("error").asText()).contains("kev.json");
            assertThat(parsing.get("feeds")).hasSize(1);
            assertThat(parsing.get("feeds").get(0).get("feed").asText()).isEqualTo("kev/cisa");
            assertThat(parsing.get("feeds").get(0).get("status").asText()).isEqualTo("failed");

            mode.set("checksum");
            assertThat(server.json("POST", "/api/v1/feeds/refresh", key, null).status()).isEqualTo(202);
            awaitFailed(server, key, 2);
            JsonNode checksum = latestFailed(server, key);
            assertThat(checksum.get("error").asText()).containsIgnoringCase("md5");
            assertThat(checksum.get("feeds")).hasSize(1);
            assertThat(checksum.get("feeds").get(0).get("feed").asText()).isEqualTo("kev/cisa");

            JsonNode warning = health(server).get("freshness").get("warnings").get(0);
            assertThat(warning.get("kind").asText()).isEqualTo("refresh-failing");
            assertThat(warning.get("feeds")).extracting(JsonNode::asText).containsExactly("kev/cisa");
            assertThat(warning.get("message").asText()).contains("failing feed kev/cisa");
        } finally {
            feeds.close();
        }
    }

    /** The newest failed refresh of the feeds log. */
    private static JsonNode latestFailed(TestServer server, String key) {
        for (JsonNode r : server.get("/api/v1/feeds", key).json().get("refreshes")) {
            if (r.path("outcome").asText().equals("failed")) {
                return r;
            }
        }
        throw new AssertionError("no failed refresh");
    }

    private static JsonNode health(TestServer server) {
        TestServer.Response response = server.get("/health", null);
        assertThat(response.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/health", response);
        return response.json();
    }

    private static void awaitFailed(TestServer server, String key, int failed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode refreshes = null;
        while (System.nanoTime() < deadline) {
            refreshes = server.get("/api/v1/feeds", key).json().get("refreshes");
            int count = 0;
            for (JsonNode r : refreshes) {
                count += r.path("outcome").asText().equals("failed") ? 1 : 0;
            }
            if (count >= failed) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + failed + " failed refreshes: " + refreshes);
    }

    /** A page, signed in afresh (the test clock moves past a session's lifetime). */
    private static String page(TestServer server, String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(server.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(server.adminPassword(), StandardCharsets.UTF_8) + "&next=%2F")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login").isEqualTo(303);
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(server.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }
}
