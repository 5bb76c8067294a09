package dev.tandem.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.OpenApiContract;
import dev.tandem.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Incidents in the web UI (headless Chromium) and the API: a record created from the form, its CRA
 * clocks computed live from the awareness entered in the entity's zone, a submission recorded on
 * its page closing the early warning and leaving the notification as the next clock, an edit that
 * starts the final report's clock and keeps the fields the form does not show, and the same
 * through the API (submission, draft with its hash, exercise timeline).
 */
class IncidentsWebTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static TestServer server;
    private static String key;

    @BeforeAll
    static void start() {
        server = TestServer.start("incidents", false);
        key = server.adminKey();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anIncidentIsCreatedInTheFormItsClocksRunAndASubmissionStartsTheNextClock() throws Exception {
        WebDriver browser = Browser.get();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().deleteAllCookies();
        browser.get(server.base() + "/incidents");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(server.adminPassword());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Incidents"));
        browser.findElement(By.id("new-incident")).click();
        wait.until(ExpectedConditions.titleContains("New incident"));

        Instant aware = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        browser.findElement(By.id("name")).sendKeys("router-rce");
        browser.findElement(By.id("title")).sendKeys("Remote code execution in the HX-200 web interface");
        browser.findElement(By.id("entityName")).sendKeys("Havel Networks GmbH");
        browser.findElement(By.id("timeZone")).clear();
        browser.findElement(By.id("timeZone")).sendKeys("Europe/Berlin");
        browser.findElement(By.id("euMainEstablishment")).sendKeys("DE");
        browser.findElement(By.id("roles")).sendKeys("cra-manufacturer");
        browser.findElement(By.id("kind-vulnerability")).click();
        browser.findElement(By.id("flag-activelyExploited")).click();
        browser.findElement(By.id("awareAt")).sendKeys(aware.atZone(BERLIN).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH:mm")));
        browser.findElement(By.id("save-incident")).click();
        wait.until(ExpectedConditions.urlContains("/incidents/router-rce/obligations"));
        Browser.screenshot("20-incident-created");

        String early = browser.findElement(By.cssSelector("tr[data-stage='eu-cra-vulnerability/early-warning']")).getText();
        assertThat(early).contains("due in 21 h").contains(CasePages.local(aware.plus(Duration.ofHours(24)), BERLIN))
                .contains(CasePages.local(aware.plus(Duration.ofHours(24)), ZoneId.of("UTC"))).contains("Art");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("eu-cra-vulnerability early-warning due")
                .contains("final-report waits for timeline.correctiveMeasureAvailableAt");

        new Select(browser.findElement(By.id("stage"))).selectByValue("eu-cra-vulnerability/early-warning");
        browser.findElement(By.id("recipient")).sendKeys("CSIRT DE via the single reporting platform");
        browser.findElement(By.id("record-submission")).click();
        wait.until(ExpectedConditions.urlContains("done=submission"));
        Browser.screenshot("21-incident-submitted");
        assertThat(browser.findElement(By.cssSelector("tr[data-stage='eu-cra-vulnerability/early-warning']")).getText())
                .contains("submitted");
        List<String> stages = new Select(browser.findElement(By.id("stage"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
        assertThat(stages).doesNotContain("eu-cra-vulnerability/early-warning").contains("eu-cra-vulnerability/notification");
        assertThat(browser.findElement(By.cssSelector("tr[data-stage='eu-cra-vulnerability/notification']")).getText())
                .contains("due in 2 d 21 h");
        assertThat(browser.findElement(By.id("submissions")).getText()).contains("CSIRT DE via the single reporting platform")
                .contains("draft SHA-256");

        // Fields the form does not show survive an edit made in it.
        JsonNode record = server.get("/api/v1/incidents/router-rce", key).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) record.get("entity")).putObject("identifiers").put("lei",
                "5299001ABCDEFGHIJK12");
        assertThat(server.call("PUT", "/api/v1/incidents/router-rce", key, "application/json",
                TestServer.JSON.writeValueAsBytes(record)).status()).isEqualTo(204);
        browser.get(server.base() + "/incidents/router-rce/obligations");
        browser.findElement(By.id("edit-incident")).click();
        wait.until(ExpectedConditions.titleContains("Edit incident"));
        Instant fixed = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        browser.findElement(By.id("correctiveMeasureAvailableAt")).sendKeys(fixed.atZone(BERLIN).format(
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        browser.findElement(By.id("save-incident")).click();
        wait.until(ExpectedConditions.urlContains("done=saved"));
        assertThat(browser.findElement(By.cssSelector("tr[data-stage='eu-cra-vulnerability/final-report']")).getText())
                .contains(CasePages.local(fixed.plus(Duration.ofDays(14)), BERLIN));
        JsonNode edited = server.get("/api/v1/incidents/router-rce", key).json();
        assertThat(edited.at("/entity/identifiers/lei").asText()).isEqualTo("5299001ABCDEFGHIJK12");
        assertThat(edited.get("submissions")).hasSize(1);
        assertThat(edited.at("/timeline/awareAt").asText()).startsWith(aware.atZone(BERLIN).toOffsetDateTime().toString()
                .substring(0, 16));

        // A record the engine refuses is not kept: the page says why.
        browser.findElement(By.id("edit-incident")).click();
        wait.until(ExpectedConditions.titleContains("Edit incident"));
        browser.findElement(By.id("awareAt")).clear();
        browser.findElement(By.id("awareAt")).sendKeys("yesterday evening");
        browser.findElement(By.id("save-incident")).click();
        assertThat(browser.getPageSource()).contains("awareAt");
        assertThat(server.get("/api/v1/incidents/router-rce", key).json().at("/timeline/awareAt").asText())
                .isEqualTo(edited.at("/timeline/awareAt").asText());

        // The API: the notification's draft with its hash, its submission, the timeline.
        TestServer.Response draft = server.get("/api/v1/incidents/router-rce/draft?framework=eu-cra-vulnerability"
                + "&stage=notification&format=json", key);
        assertThat(draft.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/api/v1/incidents/{name}/draft", draft);
        String sha = draft.raw().headers().firstValue("X-Content-SHA256").orElseThrow();
        TestServer.Response submitted = server.json("POST", "/api/v1/incidents/router-rce/submissions", key,
                "{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"notification\"}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        OpenApiContract.assertConforms("POST", "/api/v1/incidents/{name}/submissions", submitted);
        assertThat(server.get("/api/v1/incidents/router-rce", key).json().get("submissions").get(1).get("note").asText())
                .contains(sha);
        TestServer.Response twice = server.json("POST", "/api/v1/incidents/router-rce/submissions", key,
                "{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"notification\"}");
        assertThat(twice.status()).isEqualTo(409);
        OpenApiContract.assertConforms("POST", "/api/v1/incidents/{name}/submissions", twice);
        TestServer.Response future = server.json("POST", "/api/v1/incidents/router-rce/submissions", key,
                "{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"final-report\", \"at\": \"2999-01-01T00:00:00Z\"}");
        assertThat(future.status()).isEqualTo(400);
        TestServer.Response timeline = server.get("/api/v1/incidents/router-rce/timeline", key);
        assertThat(timeline.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/api/v1/incidents/{name}/timeline", timeline);
        assertThat(timeline.text()).contains("early-warning");
        assertThat(new String(server.get("/api/v1/incidents/no-such/timeline", key).body(), StandardCharsets.UTF_8))
                .contains("not found");
    }
}
