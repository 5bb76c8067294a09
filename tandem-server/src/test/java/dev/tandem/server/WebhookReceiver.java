package dev.tandem.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint on loopback that answers 204 and keeps every delivery it received (headers in lower case, body). */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery: its headers (names in lower case, first value) and its body. */
    public record Delivery(Map<String, String> headers, byte[] body) {

        /** The event type ({@code X-Tandem-Event}). */
        public String event() {
            return headers.get("x-tandem-event");
        }
    }

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", exchange -> {
                try (exchange) {
                    Map<String, String> headers = new ConcurrentHashMap<>();
                    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                    receiver.received.add(new Delivery(headers, exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to set as an organisation's webhook. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Every delivery so far, in the order received. */
    public List<Delivery> received() {
        return List.copyOf(received);
    }

    /** How many deliveries of this event type arrived. */
    public long count(String event) {
        return received.stream().filter(d -> event.equals(d.event())).count();
    }

    /** The first delivery of this event type. */
    public Delivery first(String event) {
        return received.stream().filter(d -> event.equals(d.event())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " webhook; received " + received.stream()
                        .map(Delivery::event).toList()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
