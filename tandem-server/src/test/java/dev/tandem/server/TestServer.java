package dev.tandem.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A server on 127.0.0.1 (free port) over a fresh database of the shared PostgreSQL, and an HTTP client for it. */
public final class TestServer implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final TandemServer server;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer(TandemServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    public static TestServer start(String label, boolean examples) {
        return start(label, examples, MonitorOptions.defaults(), TestDatabase.fresh(label));
    }

    /** A server on a fresh database whose time is {@code clock} (to step over lockouts without waiting). */
    public static TestServer start(String label, java.time.Clock clock) {
        return start(label, false, MonitorOptions.defaults(), TestDatabase.fresh(label), clock);
    }

    /** A server on a fresh database, with the bundled examples or not, whose time is {@code clock}. */
    public static TestServer start(String label, boolean examples, java.time.Clock clock) {
        return start(label, examples, MonitorOptions.defaults(), TestDatabase.fresh(label), clock);
    }

    /** A server with monitoring options, on the database given (two instances may share one). */
    public static TestServer start(String label, boolean examples, MonitorOptions monitor,
            dev.tandem.server.store.DatabaseSettings database) {
        return start(label, examples, monitor, database, java.time.Clock.systemUTC());
    }

    /** A server whose clock the test sets. */
    public static TestServer start(String label, boolean examples, MonitorOptions monitor,
            dev.tandem.server.store.DatabaseSettings database, java.time.Clock clock) {
        try {
            Path dataDir = Files.createTempDirectory("tandem-serve-" + label);
            ServerOptions options = ServerOptions.embedded("127.0.0.1", 0, dataDir)
                    .withDatabase(database).withExamples(examples).withClock(clock);
            return new TestServer(TandemServer.start(options, monitor), dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("the test server did not start: " + e.getMessage(), e);
        }
    }

    /** A bundled example (packaged with the server under examples/). */
    public static byte[] example(String path) {
        try (java.io.InputStream in = TestServer.class.getClassLoader().getResourceAsStream("examples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled example " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TandemServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The admin API key the first start wrote. */
    public String adminKey() {
        try {
            return Files.readString(dataDir.resolve("admin-key")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String adminPassword() {
        try {
            return Files.readString(dataDir.resolve("admin-password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops this server's scheduler and waits until none of its work (clock watches, deliveries, refreshes)
     * runs any more: a test that compares or counts the rows such work writes (events, deliveries, changes)
     * is then alone with the database. The API and the pages keep answering.
     */
    public TestServer quiet() {
        dev.tandem.server.feeds.Scheduling scheduling = server.watch().scheduling();
        scheduling.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (scheduling.busy()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the scheduler still runs work a minute after it was stopped");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    /**
     * Adds the bundled example SBOM {@code example} (a path under examples/) to {@code release} of
     * {@code product} as the admin, as a user's upload; fails the test unless it is stored (201).
     */
    public Response addSbom(String product, String release, String example) {
        Response added = call("POST", "/api/v1/products/" + product + "/releases/" + release + "/sboms", adminKey(),
                example.endsWith(".cdx.json") ? "application/vnd.cyclonedx+json" : "application/json", example(example));
        if (added.status() != 201) {
            throw new AssertionError("adding " + example + " to " + product + " " + release + ": " + added);
        }
        return added;
    }

    /** One request; {@code body} null for none. */
    public Response call(String method, String path, String key, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String key) {
        return call("GET", path, key, null, null);
    }

    public Response json(String method, String path, String key, String json) {
        return call(method, path, key, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** A response, with its body as text and as JSON. */
    public record Response(int status, String contentType, byte[] body, HttpResponse<byte[]> raw) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + text();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
