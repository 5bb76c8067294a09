package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tandem.server.InstancePair;
import dev.tandem.server.OpenApiContract;
import dev.tandem.server.TestServer;
import dev.tandem.server.WebhookReceiver;
import dev.tandem.server.notify.Deliverer;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Incidents notify like cases: {@code incident.opened} when a record is first kept, then
 * {@code incident.stage.due-soon} and {@code incident.stage.overdue} by the engine's status, each
 * once across two instances on one database and a restart, to the channels the organisation chose
 * each type for (a signed webhook on loopback, an e-mail to GreenMail).
 */
class IncidentNotificationsTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final String SECRET = "an-incident-webhook-secret-of-32-chars";
    private static final String NAME = "router-incident";
    private static WebhookReceiver hooks;
    private static InstancePair instances;
    private static TestServer server;
    private static String key;

    @BeforeAll
    static void start() {
        hooks = WebhookReceiver.start();
        instances = InstancePair.start("incident-notifications",
                InstancePair.notifying(mail, Duration.ofMillis(500), Duration.ofMillis(300)));
        server = instances.first();
        key = server.adminKey();
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
        hooks.close();
    }

    @Test
    void anIncidentIsAnnouncedWhenRecordedDueSoonAndOverdueOnceEachToTheChannelsChosen() throws Exception {
        JsonNode defaults = server.get("/api/v1/monitoring/settings", key).json();
        assertThat(defaults.get("webhookEvents")).extracting(JsonNode::asText).contains("incident.opened",
                "incident.stage.due-soon", "incident.stage.overdue");
        assertThat(server.json("PUT", "/api/v1/monitoring/settings", key, "{\"emailEvents\": [\"incident.bogus\"]}")
                .status()).as("an unknown event type").isEqualTo(400);
        TestServer.Response settings = server.json("PUT", "/api/v1/monitoring/settings", key, "{\"webhookUrl\": \""
                + hooks.url() + "\", \"webhookSecret\": \"" + SECRET
                + "\", \"emailTo\": \"psirt@example.test\", \"emailEvents\": [\"case.stage.overdue\","
                + " \"incident.stage.overdue\"]}");
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PUT", "/api/v1/monitoring/settings", settings);
        assertThat(settings.json().get("emailEvents")).extracting(JsonNode::asText)
                .containsExactly("case.stage.overdue", "incident.stage.overdue");

        // Recorded 20 hours after awareness: the CRA early warning (24 h) is due in 4 hours.
        Instant aware = Instant.now().minus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
        put(aware);
        await(() -> webhooks("incident.opened") == 1 && webhooks("incident.stage.due-soon") == 1, "opened and due soon");
        JsonNode opened = event("incident.opened");
        assertThat(opened.get("subject").asText()).isEqualTo("incident:" + NAME);
        assertThat(opened.get("payload").get("data").get("incident").asText()).isEqualTo(NAME);
        assertThat(opened.get("payload").get("data").get("title").asText()).isEqualTo("Exploited router vulnerability");
        JsonNode dueSoon = event("incident.stage.due-soon").get("payload").get("data");
        assertThat(dueSoon.get("framework").asText()).isEqualTo("eu-cra-vulnerability");
        assertThat(dueSoon.get("stage").asText()).isEqualTo("early-warning");
        assertThat(dueSoon.get("due").asText()).isEqualTo(aware.plus(Duration.ofHours(24)).toString());
        assertThat(dueSoon.get("dueLocal").asText()).endsWith("+01:00");
        assertThat(dueSoon.get("source").asText()).contains("Art");
        WebhookReceiver.Delivery hook = hooks.first("incident.stage.due-soon");
        assertThat(hook.headers().get(Deliverer.SIGNATURE_HEADER.toLowerCase()))
                .isEqualTo("sha256=" + Deliverer.hmac(SECRET, hook.body()));
        assertThat(mail.getReceivedMessages()).as("e-mail only for overdue stages, as chosen").isEmpty();

        // The record corrected: awareness 30 hours ago; the early warning is overdue. Not a new incident.
        Instant earlier = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
        put(earlier);
        await(() -> webhooks("incident.stage.overdue") == 1 && mail.getReceivedMessages().length == 1, "overdue");
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getSubject()).startsWith("[Tandem] OVERDUE: ").contains("for incident " + NAME);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("psirt@example.test");
        JsonNode overdue = event("incident.stage.overdue").get("payload").get("data");
        assertThat(overdue.get("stage").asText()).isEqualTo("early-warning");
        assertThat(overdue.get("due").asText()).isEqualTo(earlier.plus(Duration.ofHours(24)).toString());

        // One instance restarts; both keep watching: nothing is announced again.
        instances.restartSecond();
        Thread.sleep(4000); // several rounds of the clock watch on both instances
        assertThat(webhooks("incident.opened")).isEqualTo(1);
        assertThat(webhooks("incident.stage.due-soon")).isEqualTo(1);
        assertThat(webhooks("incident.stage.overdue")).isEqualTo(1);
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(events("incident:" + NAME)).hasSize(3);

        // Submitting the early warning closes it; the notification (72 h) is 42 hours away: nothing new.
        TestServer.Response submitted = server.json("POST", "/api/v1/incidents/" + NAME + "/submissions", key,
                "{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"early-warning\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        Thread.sleep(2000);
        assertThat(events("incident:" + NAME)).hasSize(3);
        assertThat(hooks.received()).hasSize(3);
    }

    private static void put(Instant awareAt) {
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
        TestServer.Response put = server.call("PUT", "/api/v1/incidents/" + NAME, key, "application/json",
                record.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
    }

    private static long webhooks(String type) {
        return hooks.count(type);
    }

    private static JsonNode event(String type) {
        return events("incident:" + NAME).stream().filter(e -> e.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    private static List<JsonNode> events(String subject) {
        List<JsonNode> list = new java.util.ArrayList<>();
        server.get("/api/v1/events", key).json().get("items").forEach(e -> {
            if (e.get("subject").asText().equals(subject)) {
                list.add(e);
            }
        });
        return list;
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; webhooks received: " + hooks.received().stream()
                .map(WebhookReceiver.Delivery::event).toList() + "; events: " + events("incident:" + NAME));
    }
}
