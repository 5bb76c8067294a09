package dev.tandem.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.FeedServer;
import dev.tandem.server.ServerProcess;
import dev.tandem.server.TestDatabase;
import dev.tandem.server.WebhookReceiver;
import dev.tandem.server.store.DatabaseSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server in the middle of a feed refresh (the KEV download hangs half-way): the
 * previous snapshot stays current, the next start finds the refresh's execution dead and runs it
 * again, the case it opens is opened once and its webhook sent once.
 */
class KillDuringRefreshTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRefreshKilledMidDownloadLeavesThePreviousSnapshotAndResumesOnRestart() throws Exception {
        AtomicReference<byte[]> kev = new AtomicReference<>(fixture("kev-empty.json"));
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> stall = new AtomicReference<>(false);
        FeedServer feeds = FeedServer.start().handle("/kev.json", exchange -> {
            try (exchange) {
                byte[] body = kev.get();
                exchange.sendResponseHeaders(200, body.length);
                OutputStream out = exchange.getResponseBody();
                if (stall.get()) {
                    out.write(body, 0, 20);
                    out.flush();
                    stalled.countDown();
                    release.await(120, TimeUnit.SECONDS);
                    stall.set(false);
                    return; // the connection of the killed server is gone: end this body short
                }
                out.write(body);
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        });
        WebhookReceiver hooks = WebhookReceiver.start();
        try {
            Path feedsFile = feeds.feedsFile("kev:\n  cisa: " + feeds.url("/kev.json"));
            DatabaseSettings.External database = TestDatabase.fresh("killrefresh");
            Path data = Files.createTempDirectory("tandem-kill-refresh");

            ServerProcess first = ServerProcess.start(data, database.url(), feedsFile);
            String key = Files.readString(data.resolve("admin-key")).strip();
            waitFor(() -> query(database, "select count(*) from feed_refreshes where outcome = 'changed'") == 1);
            String before = text(database, "select sha256 from current_snapshot");
            assertThat(call(first, key, "PUT", "/api/v1/monitoring/settings", "{\"webhookUrl\": \"" + hooks.url() + "\"}")
                    .statusCode()).isEqualTo(200);
            assertThat(call(first, key, "POST", "/api/v1/products", "{\"name\": \"HX-200 router\"}").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(first.base()
                            + "/api/v1/products/hx-200-router/releases/3.2.4/sboms")).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(fixture("router.cdx.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);

            // The KEV entry arrives, but its download hangs; the server is killed mid-refresh.
            kev.set(fixture("kev-with-entry.json"));
            stall.set(true);
            assertThat(call(first, key, "POST", "/api/v1/feeds/refresh", null).statusCode()).isEqualTo(202);
            assertThat(stalled.await(60, TimeUnit.SECONDS)).isTrue();
            first.kill();
            release.countDown();

            assertThat(text(database, "select sha256 from current_snapshot")).as("the previous snapshot stays current")
                    .isEqualTo(before);
            assertThat(query(database, "select count(*) from vulnerability_cases")).isZero();
            assertThat(query(database, "select count(*) from feed_refreshes where outcome = 'running'")).isEqualTo(1);

            // The restarted server finds the refresh's execution dead, runs it again, and it completes.
            ServerProcess second = ServerProcess.start(data, database.url(), feedsFile);
            try {
                waitFor(() -> query(database, "select count(*) from vulnerability_cases") == 1);
                waitFor(() -> hooks.count("case.opened") > 0);
                Thread.sleep(3000); // time for a doubled refresh, event or delivery to show up
                assertThat(text(database, "select sha256 from current_snapshot")).isNotEqualTo(before);
                assertThat(query(database, "select count(*) from feed_refreshes where outcome = 'failed'"
                        + " and error like 'interrupted%'")).isEqualTo(1);
                assertThat(query(database, "select count(*) from vulnerability_cases")).isEqualTo(1);
                assertThat(query(database, "select count(*) from events where type = 'case.opened'")).isEqualTo(1);
                assertThat(query(database, "select count(*) from finding_changes where change = 'kev-added'")).isEqualTo(1);
                assertThat(hooks.count("case.opened")).isEqualTo(1);
            } finally {
                second.close();
            }
        } finally {
            release.countDown();
            feeds.close();
            hooks.close();
        }
    }

    private HttpResponse<String> call(ServerProcess server, String key, String method, String path, String json)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long query(DatabaseSettings.External database, String sql) {
        try (Connection db = DriverManager.getConnection(database.url()); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(DatabaseSettings.External database, String sql) {
        try (Connection db = DriverManager.getConnection(database.url()); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out");
    }

    private static byte[] fixture(String name) {
        return FeedServer.fixture(name);
    }
}
