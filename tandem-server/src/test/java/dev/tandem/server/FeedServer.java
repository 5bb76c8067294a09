package dev.tandem.server;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The advisory feeds a server refreshes from, on loopback (free port): the bytes a test publishes under a
 * path, with an entity tag a conditional GET is answered 304 with, as the real feeds' CDNs do (404 for
 * anything unpublished), or a test's own handler for a path (a download that hangs half-way); and the
 * feeds file ({@code tandem-feeds.yaml}) pointing the server at them beside the fixture OSV folder.
 */
public final class FeedServer implements AutoCloseable {

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, byte[]> published = new ConcurrentHashMap<>();

    private FeedServer(HttpServer http) {
        this.http = http;
    }

    /** A feed server with nothing published yet. */
    public static FeedServer start() {
        try {
            FeedServer feeds = new FeedServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
            feeds.http.createContext("/", feeds::serve);
            // A handler may hold its request (a stalled download) without holding up the others.
            feeds.http.setExecutor(feeds.threads);
            feeds.http.start();
            return feeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code body} under {@code path} from now on (its entity tag changes with it). */
    public FeedServer publish(String path, byte[] body) {
        published.put(path, body.clone());
        return this;
    }

    /** Serves {@code path} (and below it) with the test's own handler instead. */
    public FeedServer handle(String path, HttpHandler handler) {
        http.createContext(path, handler);
        return this;
    }

    /** The address of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    /**
     * A feeds file in a new folder: the fixture OSV advisory (npm) as the local OSV source, and {@code more}
     * (YAML lines naming this server's URLs, e.g. {@code "kev:\n  cisa: " + url("/kev.json")}).
     */
    public Path feedsFile(String more) {
        try {
            Path folder = Files.createTempDirectory("tandem-feeds");
            Files.createDirectories(folder.resolve("osv/npm"));
            Files.write(folder.resolve("osv/npm/GHSA-tdm0-fixt-0001.json"), fixture("osv/npm/GHSA-tdm0-fixt-0001.json"));
            Path file = folder.resolve("tandem-feeds.yaml");
            Files.writeString(file, "osv:\n  path: osv\n  ecosystems: [npm]\n" + more + (more.endsWith("\n") ? "" : "\n"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture of the monitoring tests ({@code src/test/resources/monitoring}, see its SOURCES.md). */
    public static byte[] fixture(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/monitoring/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no monitoring fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = published.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Arrays.hashCode(body) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
