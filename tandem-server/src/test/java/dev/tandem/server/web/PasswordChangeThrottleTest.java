package dev.tandem.server.web;

import static dev.tandem.server.web.WebForms.csrf;
import static dev.tandem.server.web.WebForms.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.TestClock;
import dev.tandem.server.TestServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wrong current password on {@code /account} counts like a failed login of the account: a stolen
 * session cannot guess the password faster than a login could, and the wrong password that earns the
 * lockout ends that session (the user is logged out and told why). The server's clock is stepped over
 * the lockouts instead of waiting for them.
 */
class PasswordChangeThrottleTest {

    private static final TestClock CLOCK = TestClock.running();
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
    void wrongCurrentPasswordsLockTheAccountAndEndTheSessionThatEarnedIt() throws Exception {
        createUser("erin", "erin-first-password");
        HttpClient session = client();
        assertThat(login(session, "erin", "erin-first-password").statusCode()).isEqualTo(303);
        String csrf = csrf(get(session, "/account").body());
        HttpClient other = client();
        assertThat(login(other, "erin", "erin-first-password").statusCode()).as("a second session of erin").isEqualTo(303);

        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> wrong = change(session, csrf, "guess-number-" + i, "erin-second-password");
            assertThat(wrong.statusCode()).as("wrong current password " + i).isEqualTo(400);
            assertThat(wrong.body()).contains("The current password is wrong");
            assertThat(wrong.headers().firstValue("Retry-After")).isEmpty();
        }

        // The fifth earns the lockout: this session ends with it; the user is logged out and told why.
        HttpResponse<String> locked = change(session, csrf, "guess-number-5", "erin-second-password");
        assertThat(locked.statusCode()).as("the wrong password that locks").isEqualTo(429);
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(locked.body()).contains("id=\"login-error\"").contains("the account is locked and you were logged out")
                .contains("Log in again in").contains("action=\"/login\"").doesNotContain("Your password was changed");
        assertThat(locked.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tandem_session=")
                && (c.contains("Max-Age=0") || c.contains("Expires=Thu, 01 Jan 1970")));
        HttpResponse<String> after = get(session, "/account");
        assertThat(after.statusCode()).as("the session has ended").isIn(302, 303);
        assertThat(after.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        HttpResponse<String> stale = change(session, csrf, "erin-first-password", "erin-second-password");
        assertThat(stale.statusCode()).as("the ended session changes nothing").isNotEqualTo(200);
        assertThat(get(other, "/account").statusCode()).as("another session of the user stays").isEqualTo(200);

        HttpResponse<String> loginLocked = login(client(), "erin", "erin-first-password");
        assertThat(loginLocked.statusCode()).as("the login shares the account's counter").isEqualTo(429);
        assertThat(loginLocked.headers().firstValue("Retry-After")).isPresent();

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
        List<JsonNode> ended = audit("user.session.end", "erin");
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).get("details").get("sessionsEnded").asInt()).isEqualTo(1);
        assertThat(audit("user.password.change", "erin")).as("nothing changed").isEmpty();
        assertThat(server.get("/api/v1/audit?limit=1000", server.adminKey()).text())
                .doesNotContain("guess-number").doesNotContain("erin-first-password");

        // While locked, the other session's change is refused without checking the password (and it stays).
        HttpResponse<String> whileLocked = change(other, csrf(get(other, "/account").body()), "erin-first-password",
                "erin-second-password");
        assertThat(whileLocked.statusCode()).isEqualTo(429);
        assertThat(whileLocked.body()).contains("Too many wrong passwords").contains("Try again in");
        assertThat(get(other, "/account").statusCode()).as("a lockout it did not earn leaves it logged in").isEqualTo(200);

        // Once the lockout is over the user logs in again and changes the password.
        CLOCK.step(Duration.ofSeconds(31));
        HttpClient again = client();
        assertThat(login(again, "erin", "erin-first-password").statusCode()).isEqualTo(303);
        HttpResponse<String> changed = change(again, csrf(get(again, "/account").body()), "erin-first-password",
                "erin-second-password");
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
        assertThat(get(session, "/account").statusCode()).as("a lockout earned elsewhere leaves the session").isEqualTo(200);
        assertThat(audit("user.session.end", "finn")).isEmpty();
    }

    /** The system clock plus steps taken by the test. */
    private static HttpResponse<String> change(HttpClient client, String csrf, String current, String replacement)
            throws IOException, InterruptedException {
        return post(client, "/account/password", form("csrf", csrf, "current-password", current, "new-password",
                replacement, "confirm-password", replacement));
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
