package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.server.MonitorOptions;
import dev.tandem.server.OpenApiContract;
import dev.tandem.server.TestDatabase;
import dev.tandem.server.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Monitoring settings are checked; a webhook that fails is tried again with backoff, every try
 * logged; a stage 6 hours or less from due, then past due, is announced once each.
 */
class NotificationsTest {

    private static TestServer server;
    private static HttpServer hooks;
    private static final AtomicInteger calls = new AtomicInteger();
    private static String key;

    @BeforeAll
    static void start() throws IOException {
        hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hooks.createContext("/hook", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                boolean test = "test".equals(exchange.getRequestHeaders().getFirst("X-Tandem-Event"));
                exchange.sendResponseHeaders(test && calls.incrementAndGet() <= 2 ? 503 : 204, -1);
            }
        });
        hooks.start();
        server = TestServer.start("notifications", false, MonitorOptions.defaults()
                .withIntervals(Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5))
                .withRetryBackoff(Duration.ofMillis(300)).withPrivateWebhooks(true), TestDatabase.fresh("notifications"));
        key = server.adminKey();
    }

    @AfterAll
    static void stop() {
        server.close();
        hooks.stop(0);
    }

    @Test
    void settingsAreCheckedBeforeTheyAreKept() {
        for (String body : new String[] {"{\"timeZone\": \"Mars/Olympus\"}", "{\"webhookUrl\": \"ftp://example.test/x\"}",
                "{\"webhookSecret\": \"short\"}", "{\"emailTo\": \"not an address\"}", "{\"euMainEstablishment\": \"US\"}",
                "{\"unknown\": 1}", "{\"roles\": \"cra-manufacturer\"}"}) {
            TestServer.Response refused = server.json("PUT", "/api/v1/monitoring/settings", key, body);
            assertThat(refused.status()).as(body + " -> " + refused.text()).isEqualTo(400);
            OpenApiContract.assertConforms("PUT", "/api/v1/monitoring/settings", refused);
        }
        assertThat(server.get("/api/v1/monitoring/settings", key).json().get("timeZone").asText()).isEqualTo("UTC");
        TestServer.Response test = server.json("POST", "/api/v1/monitoring/test", key, null);
        assertThat(test.status()).as("nothing to send to").isEqualTo(400);
        TestServer.Response refresh = server.json("POST", "/api/v1/feeds/refresh", key, null);
        assertThat(refresh.status()).as("no feeds configured").isEqualTo(409);
        OpenApiContract.assertConforms("POST", "/api/v1/feeds/refresh", refresh);
    }

    @Test
    void aFailingWebhookIsTriedAgainAndEveryTryIsLogged() throws Exception {
        TestServer.Response put = server.json("PUT", "/api/v1/monitoring/settings", key, "{\"webhookUrl\": \"http://127.0.0.1:"
                + hooks.getAddress().getPort() + "/hook\", \"webhookSecret\": \"0123456789abcdef0123\"}");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        TestServer.Response test = server.json("POST", "/api/v1/monitoring/test", key, null);
        assertThat(test.status()).isEqualTo(202);
        OpenApiContract.assertConforms("POST", "/api/v1/monitoring/test", test);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode delivery = null;
        while (System.nanoTime() < deadline) {
            delivery = server.get("/api/v1/deliveries", key).json().get("items").get(0);
            if (delivery != null && delivery.get("status").asText().equals("delivered")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(delivery.get("status").asText()).isEqualTo("delivered");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        TestServer.Response attempts = server.get("/api/v1/deliveries/" + delivery.get("id").asText() + "/attempts", key);
        OpenApiContract.assertConforms("GET", "/api/v1/deliveries/{id}/attempts", attempts);
        JsonNode tries = attempts.json().get("items");
        assertThat(tries).hasSize(3);
        assertThat(tries.get(0).get("ok").asBoolean()).isFalse();
        assertThat(tries.get(0).get("detail").asText()).contains("503");
        assertThat(tries.get(2).get("ok").asBoolean()).isTrue();
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void aStageDueWithinSixHoursThenOverdueIsAnnouncedOnceEach() throws Exception {
        assertThat(server.json("POST", "/api/v1/products", key, "{\"name\": \"Gateway\"}").status()).isEqualTo(201);
        TestServer.Response opened = server.json("POST", "/api/v1/cases", key, "{\"product\": \"gateway\","
                + " \"vulnerabilityId\": \"CVE-2026-12345\", \"evidence\": \"exploitation seen by our honeypot\"}");
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        OpenApiContract.assertConforms("POST", "/api/v1/cases", opened);
        String id = opened.json().get("id").asText();
        assertThat(server.json("POST", "/api/v1/cases", key, "{\"product\": \"gateway\", \"vulnerabilityId\":"
                + " \"CVE-2026-12345\", \"evidence\": \"again\"}").status()).as("one case per vulnerability and product")
                .isEqualTo(409);
        assertThat(server.json("POST", "/api/v1/cases", key, "{\"product\": \"gateway\", \"vulnerabilityId\":"
                + " \"CVE-2026-54321\"}").status()).as("evidence is required").isEqualTo(400);

        java.time.Instant aware = java.time.Instant.now().minus(Duration.ofHours(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(server.json("PUT", "/api/v1/cases/" + id + "/awareness", key, "{\"awareAt\": \"" + aware
                + "\", \"reason\": \"the honeypot alert was read 20 hours ago\"}").status()).isEqualTo(200);
        JsonNode dueSoon = awaitEvent("case.stage.due-soon", "early-warning", "case:" + id);
        assertThat(dueSoon.get("payload").get("data").get("due").asText())
                .isEqualTo(aware.plus(Duration.ofHours(24)).toString());
        assertThat(dueSoon.get("payload").get("data").get("source").asText()).contains("CRA");

        java.time.Instant earlier = java.time.Instant.now().minus(Duration.ofHours(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(server.json("PUT", "/api/v1/cases/" + id + "/awareness", key, "{\"awareAt\": \"" + earlier
                + "\", \"reason\": \"the alert was in fact read 30 hours ago\"}").status()).isEqualTo(200);
        awaitEvent("case.stage.overdue", "early-warning", "case:" + id);
        Thread.sleep(3000); // several more rounds of the clock watch
        JsonNode events = server.get("/api/v1/events", key).json().get("items");
        long overdue = 0;
        long soon = 0;
        for (JsonNode event : events) {
            if (!event.get("subject").asText().equals("case:" + id)) {
                continue;
            }
            String stage = event.get("payload").get("data").path("stage").asText();
            overdue += event.get("type").asText().equals("case.stage.overdue") && stage.equals("early-warning") ? 1 : 0;
            soon += event.get("type").asText().equals("case.stage.due-soon") && stage.equals("early-warning") ? 1 : 0;
        }
        assertThat(overdue).isEqualTo(1);
        assertThat(soon).isEqualTo(1);
        OpenApiContract.assertConforms("GET", "/api/v1/events", server.get("/api/v1/events", key));
    }

    @Test
    void eachChannelGetsTheEventTypesTheOrganisationChose() throws Exception {
        TestServer.Response wrong = server.json("PUT", "/api/v1/monitoring/settings", key,
                "{\"webhookEvents\": [\"case.closed\"]}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text()).contains("case.closed").contains("case.stage.overdue");
        TestServer.Response chosen = server.json("PUT", "/api/v1/monitoring/settings", key, "{\"webhookUrl\":"
                + " \"http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook\", \"emailTo\": \"psirt@example.test\","
                + " \"webhookEvents\": [\"case.stage.overdue\"], \"emailEvents\": []}");
        assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
        OpenApiContract.assertConforms("PUT", "/api/v1/monitoring/settings", chosen);
        assertThat(chosen.json().get("webhookEvents")).extracting(JsonNode::asText).containsExactly("case.stage.overdue");
        assertThat(chosen.json().get("emailEvents")).isEmpty();
        try {
            assertThat(server.json("POST", "/api/v1/products", key, "{\"name\": \"Thermostat\"}").status()).isEqualTo(201);
            String id = server.json("POST", "/api/v1/cases", key, "{\"product\": \"thermostat\", \"vulnerabilityId\":"
                    + " \"CVE-2026-77777\", \"evidence\": \"vendor advisory\"}").json().get("id").asText();
            java.time.Instant aware = java.time.Instant.now().minus(Duration.ofHours(20));
            server.json("PUT", "/api/v1/cases/" + id + "/awareness", key, "{\"awareAt\": \"" + aware
                    + "\", \"reason\": \"read 20 hours ago\"}");
            JsonNode soon = awaitEvent("case.stage.due-soon", "early-warning", "case:" + id);
            // The event and the engine's status come from one rule: 6 hours or less left is due-soon.
            JsonNode early = null;
            for (JsonNode clock : server.get("/api/v1/cases/" + id, key).json().get("clocks")) {
                early = clock.get("stage").asText().equals("early-warning") ? clock : early;
            }
            assertThat(early.get("status").asText()).isEqualTo("due-soon");
            server.json("PUT", "/api/v1/cases/" + id + "/awareness", key, "{\"awareAt\": \""
                    + java.time.Instant.now().minus(Duration.ofHours(30)) + "\", \"reason\": \"read 30 hours ago\"}");
            JsonNode overdue = awaitEvent("case.stage.overdue", "early-warning", "case:" + id);
            Thread.sleep(1500);
            List<String> delivered = new java.util.ArrayList<>();
            for (JsonNode d : server.get("/api/v1/deliveries", key).json().get("items")) {
                if (d.get("subject").asText().equals("case:" + id)) {
                    delivered.add(d.get("eventType").asText() + " " + d.get("channel").asText());
                }
            }
            assertThat(delivered).as("opened and due-soon went nowhere; overdue to the webhook only")
                    .containsExactly("case.stage.overdue webhook");
            assertThat(soon.get("id").asLong()).isLessThan(overdue.get("id").asLong());
        } finally {
            server.json("PUT", "/api/v1/monitoring/settings", key, "{\"emailTo\": \"\", \"webhookEvents\": [\"case.opened\","
                    + " \"case.stage.due-soon\", \"case.stage.overdue\"], \"emailEvents\": [\"case.opened\","
                    + " \"case.stage.due-soon\", \"case.stage.overdue\"]}");
        }
    }

    private static JsonNode awaitEvent(String type, String stage, String subject) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : server.get("/api/v1/events", key).json().get("items")) {
                if (event.get("type").asText().equals(type) && event.get("subject").asText().equals(subject)
                        && event.get("payload").get("data").path("stage").asText().equals(stage)) {
                    return event;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + type + " event for " + stage + " of " + subject);
    }
}
