package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TestServer#quiet()}: after it, the scheduler writes nothing a test could count, however far the
 * test moves the clock; before it, the same clock move has the clock watch write an overdue stage (so the
 * check below would see one if the scheduler still ran).
 */
class TestServerQuietTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aQuietServersSchedulerWritesNothingWhenAStageFallsDue() throws Exception {
        TestClock clock = TestClock.stoppedAt(T0);
        MonitorOptions monitor = MonitorOptions.defaults()
                .withIntervals(Duration.ofHours(6), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(2));
        try (TestServer server = TestServer.start("quiet", false, monitor, TestDatabase.fresh("quiet"), clock)) {
            // Running: the early warning (24 hours) of an incident recorded now is overdue a day and a half on.
            record(server, "watched", clock.instant());
            clock.step(Duration.ofHours(36));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (overdue(server, "watched").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(overdue(server, "watched")).as("the running scheduler's clock watch").hasSize(1);

            // Quiet: the same again writes nothing, over many rounds the clock watch would have made.
            server.quiet();
            record(server, "unwatched", clock.instant());
            clock.step(Duration.ofHours(36));
            Thread.sleep(1500);
            assertThat(overdue(server, "unwatched")).isEmpty();
            assertThat(server.get("/api/v1/incidents/unwatched", server.adminKey()).status())
                    .as("the API still answers").isEqualTo(200);
        }
    }

    private static void record(TestServer server, String name, Instant awareAt) {
        ObjectNode record = TestServer.JSON.createObjectNode();
        record.put("title", "Exploited router vulnerability");
        ObjectNode entity = record.putObject("entity");
        entity.put("name", "Havel Networks GmbH");
        entity.put("timeZone", "Europe/Berlin");
        entity.put("euMainEstablishment", "DE");
        entity.putArray("roles").add("cra-manufacturer");
        ObjectNode event = record.putObject("event");
        event.put("kind", "vulnerability");
        event.put("activelyExploited", true);
        record.putObject("timeline").put("awareAt", awareAt.toString());
        TestServer.Response put = server.call("PUT", "/api/v1/incidents/" + name, server.adminKey(), "application/json",
                record.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
    }

    private static List<JsonNode> overdue(TestServer server, String incident) {
        List<JsonNode> found = new ArrayList<>();
        server.get("/api/v1/events", server.adminKey()).json().get("items").forEach(e -> {
            if (e.get("subject").asText().equals("incident:" + incident)
                    && e.get("type").asText().equals("incident.stage.overdue")) {
                found.add(e);
            }
        });
        return found;
    }
}
