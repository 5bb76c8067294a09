package dev.tandem.server.web;

import static dev.tandem.server.web.WebForms.csrf;
import static dev.tandem.server.web.WebForms.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.TestServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wrong current password on {@code /account} counts like a failed login of the account: a stolen
 * session cannot guess the password faster than a login could. The server's clock is stepped over the
 * lockouts instead of waiting for them.
 */
class PasswordChangeThrottleTest {

    private static final SteppedClock CLOCK = new SteppedClock();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("password-change-throttle", CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void wrongCurrentPasswordsLockTheChangeAndTheLoginOfThatAccount() throws Exception {
        createUser("erin", "erin-first-password");
        HttpClient session = client();
        assertThat(login(session, "erin", "erin-first-password").statusCode()).isEqualTo(303);
        String csrf = csrf(get(session, "/account").body());

        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = change(session, csrf, "guess-number-" + i, "erin-second-password");
            assertThat(wrong.statusCode()).as("wrong current password " + i).isEqualTo(400);
            assertThat(wrong.body()).contains("The current password is wrong");
            assertThat(wrong.headers().firstValue("Retry-After")).isEmpty();
        }

        HttpResponse<String> right = change(session, csrf, "erin-first-password", "erin-second-password");
        assertThat(right.statusCode()).as("the right password while locked").isEqualTo(429);
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(right.body()).contains("Too many wrong passwords").contains("Try again in")
                .doesNotContain("The current password is wrong").doesNotContain("Your password was changed");
        HttpResponse<String> wrongWhileLocked = change(session, csrf, "guess-number-6", "erin-second-password");
        assertThat(wrongWhileLocked.statusCode()).as("a wrong one answers the same while locked").isEqualTo(429);
        assertThat(errorOf(wrongWhileLocked.body()).replaceAll("\\d+", "N"))
                .isEqualTo(errorOf(right.body()).replaceAll("\\d+", "N"));

        HttpResponse<String> loginLocked = login(client(), "erin", "erin-first-password");
        assertThat(loginLocked.statusCode()).as("the login shares the account's counter").isEqualTo(429);
        assertThat(loginLocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(get(session, "/account").statusCode()).as("the session itself stays").isEqualTo(200);

        List<JsonNode> failures = audit("user.password.change.failure", "erin");
        assertThat(failures).hasSize(5);
        for (int i = 0; i < failures.size(); i++) {
            JsonNode failure = failures.get(i);
            assertThat(failure.get("actor").asText()).isEqualTo("user:erin");
            assertThat(failure.get("target").asText()).isEqualTo("user:erin");
            assertThat(failure.get("details").get("failures").asInt()).isEqualTo(i + 1);
            assertThat(failure.get("details").get("address").asText()).isNotBlank();
        }
        List<JsonNode> locks = audit("user.login.locked", "erin");
        assertThat(locks).hasSize(1);
        assertThat(locks.get(0).get("details").get("scope").asText()).isEqualTo("account");
        assertThat(locks.get(0).get("details").get("during").asText()).isEqualTo("password change");
        assertThat(audit("user.password.change", "erin")).as("nothing changed").isEmpty();
        assertThat(server.get("/api/v1/audit?limit=1000", server.adminKey()).text())
                .doesNotContain("guess-number").doesNotContain("erin-first-password");

        // After the lockout one more wrong guess earns a longer one (1 min), like logins.
        CLOCK.step(Duration.ofSeconds(31));
        assertThat(change(session, csrf, "guess-number-7", "erin-second-password").statusCode()).isEqualTo(400);
        HttpResponse<String> longer = change(session, csrf, "erin-first-password", "erin-second-password");
        assertThat(longer.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(longer.headers().firstValue("Retry-After").orElseThrow())).isBetween(31L, 60L);

        CLOCK.step(Duration.ofSeconds(61));
        HttpResponse<String> changed = change(session, csrf, "erin-first-password", "erin-second-password");
        assertThat(changed.statusCode()).as("after the lockout it works").isEqualTo(200);
        assertThat(changed.body()).contains("Your password was changed");
        assertThat(audit("user.password.change", "erin")).hasSize(1);
        assertThat(login(client(), "erin", "erin-second-password").statusCode()).as("the count started again")
                .isEqualTo(303);
    }

    @Test
    void aLockedLoginAlsoLocksThePasswordChange() throws Exception {
        createUser("finn", "finn-first-password");
        HttpClient session = client();
        assertThat(login(session, "finn", "finn-first-password").statusCode()).isEqualTo(303);
        String csrf = csrf(get(session, "/account").body());
        for (int i = 1; i <= 5; i++) {
            assertThat(login(client(), "finn", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = change(session, csrf, "finn-first-password", "finn-second-password");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(login(client(), "finn", "finn-second-password").statusCode()).as("not changed").isNotEqualTo(303);
    }

    /** The system clock plus steps taken by the test. */
    private static final class SteppedClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void step(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    private static HttpResponse<String> change(HttpClient client, String csrf, String current, String replacement)
            throws IOException, InterruptedException {
        return post(client, "/account/password", form("csrf", csrf, "current-password", current, "new-password",
                replacement, "confirm-password", replacement));
    }

    private static String errorOf(String html) {
        Matcher matcher = Pattern.compile("id=\"password-error\">([^<]*)<").matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }

    private static void createUser(String name, String password) {
        TestServer.Response created = server.json("POST", "/api/v1/users", server.adminKey(),
                "{\"username\": \"" + name + "\", \"role\": \"viewer\", \"password\": \"" + password + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static List<JsonNode> audit(String action, String user) {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : server.get("/api/v1/audit?limit=1000", server.adminKey()).json().get("items")) {
            if (entry.get("action").asText().equals(action) && entry.get("target").asText().equals("user:" + user)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> login(HttpClient client, String username, String password) throws Exception {
        return post(client, "/login", form("username", username, "password", password, "next", "/"));
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return WebForms.get(client, server.base() + path);
    }

    private static HttpResponse<String> post(HttpClient client, String path, String form)
            throws IOException, InterruptedException {
        return WebForms.post(client, server.base() + path, form);
    }
}
