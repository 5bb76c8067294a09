package dev.tandem.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tandem.server.FeedServer;
import dev.tandem.server.InstancePair;
import dev.tandem.server.MonitorOptions;
import dev.tandem.server.OpenApiContract;
import dev.tandem.server.TestServer;
import dev.tandem.server.WebhookReceiver;
import dev.tandem.server.notify.Deliverer;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13's "done when": a portfolio is loaded; a KEV entry naming a CVE in one product's
 * component arrives through a feed served on loopback; the refresh (db update's use case, on the
 * scheduler) re-scans, records the change with its cause and opens a case whose CRA deadlines run
 * from the moment of arrival; a signed webhook and an e-mail arrive, once each; a submission is
 * recorded in the web UI and the next deadline appears. A second instance on the same database
 * shares the scheduled work: nothing is done twice.
 */
class MonitoringEndToEndTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final String SECRET = "a-webhook-secret-of-32-characters";
    private static FeedServer feeds;
    private static WebhookReceiver hooks;
    private static InstancePair instances;
    private static TestServer server;
    private static String key;

    @BeforeAll
    static void start() {
        feeds = FeedServer.start().publish("/kev.json", fixture("kev-empty.json"));
        hooks = WebhookReceiver.start();
        MonitorOptions monitor = InstancePair.notifying(mail, Duration.ofSeconds(2), Duration.ofMillis(500))
                .withFeeds(feeds.feedsFile("kev:\n  cisa: " + feeds.url("/kev.json")));
        instances = InstancePair.start("monitoring", monitor);
        server = instances.first();
        key = server.adminKey();
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
        feeds.close();
        hooks.close();
    }

    @Test
    void aKevEntryArrivingOpensACaseNotifiesAndTheUiRecordsASubmission() throws Exception {
        // The first scheduled refresh (at start, on one of the two instances) builds the snapshot without KEV.
        await(() -> refreshes().stream().anyMatch(r -> r.path("outcome").asText().equals("changed")), "the first refresh");
        assertThat(refreshes().stream().filter(r -> r.path("trigger").asText().equals("schedule")).count())
                .as("the scheduled refresh ran on one instance only").isEqualTo(1);

        TestServer.Response settings = server.json("PUT", "/api/v1/monitoring/settings", key, "{\"entityName\": \"Havel"
                + " Networks GmbH\", \"timeZone\": \"Europe/Berlin\", \"euMainEstablishment\": \"DE\", \"roles\":"
                + " [\"cra-manufacturer\"], \"webhookUrl\": \"" + hooks.url() + "\", \"webhookSecret\": \"" + SECRET + "\", \"emailTo\": \"psirt@example.test\"}");
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        assertThat(settings.json().get("webhookSecretSet").asBoolean()).isTrue();

        // The portfolio: the router uses the vulnerable library; nothing is known exploited yet.
        assertThat(server.json("POST", "/api/v1/products", key, "{\"name\": \"HX-200 router\"}").status()).isEqualTo(201);
        TestServer.Response upload = server.call("POST", "/api/v1/products/hx-200-router/releases/3.2.4/sboms", key,
                "application/vnd.cyclonedx+json", fixture("router.cdx.json"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(server.get("/api/v1/cases", key).json().get("items")).isEmpty();
        JsonNode gained = server.get("/api/v1/changes", key).json().get("items");
        assertThat(gained).hasSize(1);
        assertThat(gained.get(0).get("change").asText()).isEqualTo("gained");
        assertThat(gained.get(0).get("cause").get("kind").asText()).isEqualTo("sbom.upload");

        // A second product the KEV entry does not touch: its release is not re-scanned by a KEV-only refresh.
        assertThat(server.json("POST", "/api/v1/products", key, "{\"name\": \"Door sensor\"}").status()).isEqualTo(201);
        assertThat(server.call("POST", "/api/v1/products/door-sensor/releases/1.0/sboms", key, "application/vnd.cyclonedx+json",
                ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": [{\"type\":"
                        + " \"library\", \"name\": \"left-pad\", \"version\": \"1.3.0\", \"purl\": \"pkg:npm/left-pad@1.3.0\"}]}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(201);
        JsonNode sensorBefore = server.get("/api/v1/products/door-sensor/releases/1.0", key).json().get("summary");
        JsonNode routerBefore = server.get("/api/v1/products/hx-200-router/releases/3.2.4", key).json().get("summary");

        // The KEV entry arrives; a refresh on demand fetches it.
        feeds.publish("/kev.json", fixture("kev-with-entry.json"));
        Instant before = Instant.now();
        TestServer.Response refresh = server.json("POST", "/api/v1/feeds/refresh", key, null);
        assertThat(refresh.status()).as(refresh.toString()).isEqualTo(202);
        await(() -> server.get("/api/v1/cases", key).json().get("items").size() == 1, "the case");
        Instant after = Instant.now();

        JsonNode sensorAfter = server.get("/api/v1/products/door-sensor/releases/1.0", key).json().get("summary");
        JsonNode routerAfter = server.get("/api/v1/products/hx-200-router/releases/3.2.4", key).json().get("summary");
        assertThat(routerAfter.get("scannedAt")).as("the release the KEV entry touches is re-scanned")
                .isNotEqualTo(routerBefore.get("scannedAt"));
        assertThat(sensorAfter.get("scannedAt")).as("the other is not").isEqualTo(sensorBefore.get("scannedAt"));
        assertThat(sensorAfter.get("advisorySnapshot")).as("but it says which snapshot its findings are current with")
                .isEqualTo(routerAfter.get("advisorySnapshot")).isNotEqualTo(sensorBefore.get("advisorySnapshot"));

        JsonNode change = server.get("/api/v1/changes", key).json().get("items").get(0);
        assertThat(change.get("change").asText()).isEqualTo("kev-added");
        assertThat(change.get("vulnerabilityId").asText()).isEqualTo("CVE-2026-90001");
        assertThat(change.get("cause").get("kind").asText()).isEqualTo("feed.refresh");
        assertThat(change.get("cause").get("feeds")).extracting(JsonNode::asText).containsExactly("kev/cisa");
        assertThat(change.get("cause").get("entry").asText()).isEqualTo("CVE-2026-90001");

        JsonNode c = server.get("/api/v1/cases", key).json().get("items").get(0);
        Instant proposed = Instant.parse(c.get("proposedAwareAt").asText());
        assertThat(proposed).isBetween(before, after);
        assertThat(c.get("awareAt").isNull()).isTrue();
        assertThat(c.get("releases")).extracting(JsonNode::asText).containsExactly("3.2.4");
        JsonNode early = clock(c, "early-warning");
        assertThat(Instant.parse(early.get("due").asText())).isEqualTo(proposed.plus(Duration.ofHours(24)));
        assertThat(early.get("source").asText()).contains("Art");
        assertThat(Instant.parse(clock(c, "notification").get("due").asText())).isEqualTo(proposed.plus(Duration.ofHours(72)));
        assertThat(clock(c, "final-report").get("due").isNull()).as("waits for the corrective measure").isTrue();

        // One webhook, signed; one e-mail.
        await(() -> hooks.count("case.opened") > 0, "the webhook");
        await(() -> mail.getReceivedMessages().length >= 1, "the e-mail");
        WebhookReceiver.Delivery hook = hooks.first("case.opened");
        assertThat(hook.headers().get(Deliverer.SIGNATURE_HEADER.toLowerCase()))
                .isEqualTo("sha256=" + Deliverer.hmac(SECRET, hook.body()));
        JsonNode payload = TestServer.JSON.readTree(hook.body());
        assertThat(payload.get("data").get("vulnerability").asText()).isEqualTo("CVE-2026-90001");
        assertThat(payload.get("data").get("product").asText()).isEqualTo("hx-200-router");
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getSubject()).contains("CVE-2026-90001").contains("hx-200-router");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("psirt@example.test");

        // A second refresh with nothing new opens nothing and sends nothing again.
        assertThat(server.json("POST", "/api/v1/feeds/refresh", key, null).status()).isEqualTo(202);
        await(() -> refreshes().stream().filter(r -> r.path("trigger").asText().equals("on demand")
                && !r.path("outcome").asText().equals("running")).count() == 2, "the second refresh");
        Thread.sleep(1500);
        assertThat(server.get("/api/v1/cases", key).json().get("items")).hasSize(1);
        assertThat(hooks.count("case.opened")).isEqualTo(1);
        assertThat(mail.getReceivedMessages()).hasSize(1);
        JsonNode deliveries = server.get("/api/v1/deliveries", key).json().get("items");
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries).allSatisfy(d -> assertThat(d.get("status").asText()).isEqualTo("delivered"));

        // The web UI: the open clocks, then a submission of the early warning; the next deadline appears.
        WebDriver browser = Browser.get();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().deleteAllCookies();
        browser.get(server.base() + "/cases");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(server.adminPassword());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Cases"));
        String clocks = browser.findElement(By.cssSelector("table.clocks")).getText();
        assertThat(clocks).contains("CVE-2026-90001").contains("Europe/Berlin").contains("UTC").contains("due in 23 h");
        Browser.screenshot("10-cases");
        browser.findElement(By.linkText("CVE-2026-90001 in hx-200-router")).click();
        wait.until(ExpectedConditions.titleContains("Case"));
        new Select(browser.findElement(By.id("stage"))).selectByValue("eu-cra-vulnerability/early-warning");
        browser.findElement(By.id("recipient")).sendKeys("CSIRT DE via the single reporting platform");
        browser.findElement(By.id("record-submission")).click();
        wait.until(ExpectedConditions.urlContains("done=submission"));
        Browser.screenshot("11-case-submitted");
        String next = browser.findElement(By.cssSelector("tr[data-stage='eu-cra-vulnerability/early-warning']")).getText();
        assertThat(next).contains("submitted");
        List<String> stages = new Select(browser.findElement(By.id("stage"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
        assertThat(stages).doesNotContain("eu-cra-vulnerability/early-warning")
                .contains("eu-cra-vulnerability/notification");
        String notification = browser.findElement(By.cssSelector("tr[data-stage='eu-cra-vulnerability/notification']"))
                .getText();
        assertThat(notification).contains("due in 2 d 23 h").contains(CasePages.local(proposed.plus(Duration.ofHours(72)),
                java.time.ZoneId.of("Europe/Berlin")));

        // Every monitoring answer as the OpenAPI document describes it.
        OpenApiContract.assertConforms("GET", "/api/v1/cases", server.get("/api/v1/cases", key));
        OpenApiContract.assertConforms("GET", "/api/v1/cases/{id}", server.get("/api/v1/cases/" + c.get("id").asText(), key));
        OpenApiContract.assertConforms("GET", "/api/v1/changes", server.get("/api/v1/changes", key));
        OpenApiContract.assertConforms("GET", "/api/v1/feeds", server.get("/api/v1/feeds", key));
        OpenApiContract.assertConforms("GET", "/api/v1/events", server.get("/api/v1/events", key));
        OpenApiContract.assertConforms("GET", "/api/v1/deliveries", server.get("/api/v1/deliveries", key));
        OpenApiContract.assertConforms("GET", "/api/v1/monitoring/settings", server.get("/api/v1/monitoring/settings", key));
        OpenApiContract.assertConforms("PUT", "/api/v1/monitoring/settings", settings);
        OpenApiContract.assertConforms("POST", "/api/v1/feeds/refresh", refresh);
        TestServer.Response twice = server.json("POST", "/api/v1/cases/" + c.get("id").asText() + "/submissions", key,
                "{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"early-warning\"}");
        assertThat(twice.status()).isEqualTo(409);
        OpenApiContract.assertConforms("POST", "/api/v1/cases/{id}/submissions", twice);
        TestServer.Response noReason = server.json("PUT", "/api/v1/cases/" + c.get("id").asText() + "/awareness", key,
                "{\"awareAt\": \"" + proposed + "\"}");
        assertThat(noReason.status()).isEqualTo(400);
        TestServer.Response corrected = server.json("PUT", "/api/v1/cases/" + c.get("id").asText() + "/awareness", key,
                "{\"awareAt\": \"" + proposed.minus(Duration.ofHours(2)) + "\", \"reason\": \"a researcher's report"
                + " reached the PSIRT two hours earlier\"}");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PUT", "/api/v1/cases/{id}/awareness", corrected);
        assertThat(Instant.parse(clock(corrected.json(), "notification").get("due").asText()))
                .isEqualTo(proposed.minus(Duration.ofHours(2)).plus(Duration.ofHours(72)));

        JsonNode submitted = server.get("/api/v1/cases/" + c.get("id").asText(), key).json();
        assertThat(submitted.get("submissions")).hasSize(1);
        assertThat(submitted.get("submissions").get(0).get("draftSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(clock(submitted, "early-warning").get("status").asText()).isEqualTo("submitted");
        JsonNode audit = server.get("/api/v1/audit", key).json();
        assertThat(audit.toString()).contains("case.submission").contains("case.awareness.correct");
    }

    private static JsonNode clock(JsonNode c, String stage) {
        for (JsonNode clock : c.get("clocks")) {
            if (clock.get("framework").asText().equals("eu-cra-vulnerability") && clock.get("stage").asText().equals(stage)) {
                return clock;
            }
        }
        throw new AssertionError("no " + stage + " clock in " + c);
    }

    private static List<JsonNode> refreshes() {
        List<JsonNode> list = new java.util.ArrayList<>();
        server.get("/api/v1/feeds", key).json().get("refreshes").forEach(list::add);
        return list;
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; refreshes: " + refreshes());
    }

    static byte[] fixture(String name) {
        return FeedServer.fixture(name);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
