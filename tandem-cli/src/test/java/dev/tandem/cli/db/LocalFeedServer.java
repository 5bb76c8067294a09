package dev.tandem.cli.db;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Feeds served on 127.0.0.1 and a free port, for whole runs of {@code tandem db update}: bytes per
 * path with an ETag, 304 for a matching If-None-Match, and a log of what was asked.
 */
final class LocalFeedServer implements AutoCloseable {

    /** One request: its path and whether it was conditional. */
    record Request(String path, boolean conditional) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    LocalFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void serve(String path, byte[] body) {
        bodies.put(path, body);
        versions.merge(path, 1, Integer::sum);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        requests.add(new Request(path, ifNoneMatch != null));
        try (exchange) {
            byte[] body = bodies.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + path.hashCode() + "-" + versions.get(path) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
