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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Passwords and logins: a user changes their own password (the current one required, their other
 * sessions end), an admin resets another user's, and failed logins are throttled per account and per
 * client address with 429 and Retry-After; every change and lockout is in the audit log.
 */
class AccountSecurityTest {

    private static TestServer server;
    private static HttpClient admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("accounts", false);
        admin = client();
        assertThat(login(admin, "admin", server.adminPassword()).statusCode()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aUserChangesTheirPasswordAndTheirOtherSessionsEnd() throws Exception {
        long id = createUser("alice", "alice-first-password");
        HttpClient here = client();
        HttpClient elsewhere = client();
        assertThat(login(here, "alice", "alice-first-password").statusCode()).isEqualTo(303);
        assertThat(login(elsewhere, "alice", "alice-first-password").statusCode()).isEqualTo(303);
        String csrf = csrf(get(here, "/account").body());

        HttpResponse<String> wrong = post(here, "/account/password", form("csrf", csrf, "current-password", "not-it-at-all",
                "new-password", "alice-second-password", "confirm-password", "alice-second-password"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The current password is wrong");
        HttpResponse<String> differ = post(here, "/account/password", form("csrf", csrf, "current-password",
                "alice-first-password", "new-password", "alice-second-password", "confirm-password", "alice-other-password"));
        assertThat(differ.statusCode()).isEqualTo(400);
        HttpResponse<String> tooShort = post(here, "/account/password", form("csrf", csrf, "current-password",
                "alice-first-password", "new-password", "short", "confirm-password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(get(elsewhere, "/").statusCode()).as("refused changes end no session").isEqualTo(200);

        HttpResponse<String> changed = post(here, "/account/password", form("csrf", csrf, "current-password",
                "alice-first-password", "new-password", "alice-second-password", "confirm-password", "alice-second-password"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("Your password was changed");
        assertThat(get(here, "/").statusCode()).as("this session stays").isEqualTo(200);
        assertThat(get(elsewhere, "/").statusCode()).as("the other session ended").isEqualTo(303);
        assertThat(login(client(), "alice", "alice-first-password").statusCode()).isEqualTo(401);
        assertThat(login(client(), "alice", "alice-second-password").statusCode()).isEqualTo(303);

        JsonNode change = audit("user.password.change").get(0);
        assertThat(change.get("actor").asText()).isEqualTo("user:alice");
        assertThat(change.get("target").asText()).isEqualTo("user:alice");
        assertThat(change.get("details").get("sessionsEnded").asInt()).isEqualTo(1);
        assertThat(change.toString()).doesNotContain("alice-second-password").doesNotContain("argon2");
        assertThat(id).isPositive();
    }

    @Test
    void anAdminResetsAnotherUsersPasswordAndEndsTheirSessions() throws Exception {
        long id = createUser("bruno", "bruno-first-password");
        HttpClient bruno = client();
        assertThat(login(bruno, "bruno", "bruno-first-password").statusCode()).isEqualTo(303);
        String csrf = csrf(get(admin, "/settings").body());

        HttpResponse<String> reset = post(admin, "/settings/users/" + id + "/password", form("csrf", csrf, "password", ""));
        assertThat(reset.statusCode()).isEqualTo(200);
        Matcher secret = Pattern.compile("id=\"revealed-secret\" class=\"wrap\">([^<]+)<").matcher(reset.body());
        assertThat(secret.find()).isTrue();
        assertThat(get(bruno, "/").statusCode()).as("the reset ended bruno's session").isEqualTo(303);
        assertThat(login(client(), "bruno", "bruno-first-password").statusCode()).isEqualTo(401);
        assertThat(login(client(), "bruno", secret.group(1)).statusCode()).isEqualTo(303);

        HttpResponse<String> chosen = post(admin, "/settings/users/" + id + "/password",
                form("csrf", csrf, "password", "bruno-chosen-password"));
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.body()).doesNotContain("revealed-secret");
        assertThat(login(client(), "bruno", "bruno-chosen-password").statusCode()).isEqualTo(303);
        assertThat(post(admin, "/settings/users/999999/password", form("csrf", csrf, "password", "")).statusCode())
                .isEqualTo(404);

        HttpClient viewer = client();
        assertThat(login(viewer, "bruno", "bruno-chosen-password").statusCode()).isEqualTo(303);
        assertThat(post(viewer, "/settings/users/" + id + "/password", form("csrf", csrf(get(viewer, "/account").body()),
                "password", "")).statusCode()).as("only admins reset").isEqualTo(403);
        List<JsonNode> resets = audit("user.password.reset");
        assertThat(resets).hasSize(2);
        assertThat(resets.get(0).get("details").get("generated").asBoolean()).isTrue();
        assertThat(resets.get(1).get("details").get("generated").asBoolean()).isFalse();
    }

    @Test
    void repeatedFailuresLockTheAccountWith429AndRetryAfter() throws Exception {
        createUser("carla", "carla-right-password");
        for (int i = 1; i <= 5; i++) {
            assertThat(login(client(), "carla", "wrong-" + i).statusCode()).as("failure " + i).isEqualTo(401);
        }
        HttpResponse<String> locked = login(client(), "carla", "carla-right-password");
        assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(locked.body()).contains("Too many failed logins");
        assertThat(login(client(), "CARLA", "carla-right-password").statusCode()).as("names compare case-insensitively")
                .isEqualTo(429);
        assertThat(audit("user.login.failure").stream().filter(e -> e.get("target").asText().equals("user:carla")))
                .hasSize(5);
        JsonNode lock = audit("user.login.locked").get(0);
        assertThat(lock.get("details").get("scope").asText()).isEqualTo("account");
        assertThat(lock.get("details").get("address").asText()).isNotBlank();

        // An admin's reset lifts the lockout.
        long carla = userId("carla");
        String csrf = csrf(get(admin, "/settings").body());
        assertThat(post(admin, "/settings/users/" + carla + "/password", form("csrf", csrf, "password",
                "carla-new-password")).statusCode()).isEqualTo(200);
        assertThat(login(client(), "carla", "carla-new-password").statusCode()).isEqualTo(303);
    }

    @Test
    void aBurstOfParallelGuessesIsCountedOneByOne() throws Exception {
        createUser("dora", "dora-right-password");
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            for (int i = 0; i < 10; i++) {
                int guess = i;
                answers.add(pool.submit(() -> login(client(), "dora", "guess-" + guess).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("five guesses checked, the rest refused unchecked").containsOnly(401, 429);
            assertThat(statuses.stream().filter(s -> s == 401)).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyFailuresFromOneAddressLockItForEveryAccount() throws Exception {
        try (TestServer other = TestServer.start("address-throttle", false)) {
            HttpClient anyone = client();
            for (int i = 1; i <= 20; i++) {
                assertThat(login(other, anyone, "nobody-" + i, "guess").statusCode()).as("failure " + i).isEqualTo(401);
            }
            HttpResponse<String> locked = login(other, anyone, "admin", other.adminPassword());
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        }
    }

    private static long createUser(String name, String password) {
        TestServer.Response created = server.json("POST", "/api/v1/users", server.adminKey(),
                "{\"username\": \"" + name + "\", \"role\": \"viewer\", \"password\": \"" + password + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static long userId(String name) {
        for (JsonNode user : server.get("/api/v1/users", server.adminKey()).json().get("items")) {
            if (user.get("username").asText().equals(name)) {
                return user.get("id").asLong();
            }
        }
        throw new AssertionError("no user " + name);
    }

    private static List<JsonNode> audit(String action) {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : server.get("/api/v1/audit?limit=1000", server.adminKey()).json().get("items")) {
            if (entry.get("action").asText().equals(action)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> login(HttpClient client, String username, String password) throws Exception {
        return login(server, client, username, password);
    }

    private static HttpResponse<String> login(TestServer target, HttpClient client, String username, String password)
            throws Exception {
        return WebForms.post(client, target.base() + "/login", form("username", username, "password", password, "next", "/"));
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return WebForms.get(client, server.base() + path);
    }

    private static HttpResponse<String> post(HttpClient client, String path, String form)
            throws IOException, InterruptedException {
        return WebForms.post(client, server.base() + path, form);
    }
}
