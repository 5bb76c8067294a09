package dev.tandem.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A feed server on 127.0.0.1 and a free port, for tests: serves bytes per path with an ETag and a
 * Last-Modified, answers conditional requests with 304, states GCS-style digests, and can misbehave
 * on purpose (fail a path a number of times, cut a body short, state a wrong digest, stall).
 */
final class FeedServer implements AutoCloseable {

    /** What to do wrong on a path. */
    enum Fault { NONE, FAIL_503, FAIL_429_RETRY_AFTER, TRUNCATE, WRONG_DIGEST, STALL, NOT_FOUND }

    record Request(String method, String path, String ifNoneMatch, String ifModifiedSince, String userAgent) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultsLeft = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Serves {@code body} at {@code path}; serving new content gives a new ETag. */
    void serve(String path, byte[] body) {
        bodies.put(path, body);
        versions.merge(path, 1, Integer::sum);
    }

    /** Misbehaves on {@code path} the next {@code times} requests. */
    void fault(String path, Fault fault, int times) {
        faults.put(path, fault);
        faultsLeft.put(path, new AtomicInteger(times));
    }

    List<Request> requestsFor(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"), exchange.getRequestHeaders().getFirst("User-Agent")));
        try (exchange) {
            Fault fault = Fault.NONE;
            AtomicInteger left = faultsLeft.get(path);
            if (left != null && left.getAndDecrement() > 0) {
                fault = faults.get(path);
            }
            byte[] body = bodies.get(path);
            if (body == null || fault == Fault.NOT_FOUND) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            switch (fault) {
                case FAIL_503 -> {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                case FAIL_429_RETRY_AFTER -> {
                    exchange.getResponseHeaders().add("Retry-After", "0");
                    exchange.sendResponseHeaders(429, -1);
                    return;
                }
                default -> { }
            }
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8) + "-"
                    + versions.get(path) + "\"";
            String lastModified = "Sat, 0" + Math.min(versions.get(path), 9) + " Dec 2026 10:00:00 GMT";
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", lastModified);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] md5 = MessageDigest.getInstance("MD5").digest(body);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(body);
            long c = crc.getValue();
            byte[] crcBytes = {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c};
            if (fault == Fault.WRONG_DIGEST) {
                md5 = new byte[16];
            }
            exchange.getResponseHeaders().add("x-goog-hash", "crc32c=" + Base64.getEncoder().encodeToString(crcBytes));
            exchange.getResponseHeaders().add("x-goog-hash", "md5=" + Base64.getEncoder().encodeToString(md5));
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            switch (fault) {
                case TRUNCATE -> out.write(body, 0, body.length / 2);
                case STALL -> {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    Thread.sleep(4_000);
                }
                default -> out.write(body);
            }
        } catch (java.security.NoSuchAlgorithmException | InterruptedException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<String> paths(List<Request> requests) {
        List<String> paths = new ArrayList<>();
        requests.forEach(r -> paths.add(r.path()));
        return paths;
    }
}
