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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Monitoring settings are checked; a webhook that fails is tried again with backoff, every try logged. */
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
                exchange.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 503 : 204, -1);
            }
        });
        hooks.start();
        server = TestServer.start("notifications", false, MonitorOptions.defaults()
                .withIntervals(Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMillis(300), Duration.ofSeconds(5))
                .withRetryBackoff(Duration.ofMillis(300)), TestDatabase.fresh("notifications"));
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
}
