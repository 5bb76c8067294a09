package dev.tandem.server.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Outbox;
import dev.tandem.server.store.Tenant;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Emits an event in the caller's transaction: recorded once (by its dedupe key) with one delivery
 * per channel the organisation has set (webhook, e-mail) and chose this event type for. The deliverer sends them after commit.
 */
public final class Events {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The event types. */
    public static final String CASE_OPENED = "case.opened";
    public static final String STAGE_DUE_SOON = "case.stage.due-soon";
    public static final String STAGE_OVERDUE = "case.stage.overdue";
    public static final String TEST = "test";

    private Events() {
    }

    /** Emits an event unless its key was emitted before; the event id when this call emitted it. */
    public static Optional<Long> emit(Handle h, Tenant tenant, String type, String subject, ObjectNode data, String key,
            Instant at) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", type);
        payload.put("organisation", tenant.name());
        payload.put("subject", subject);
        payload.put("at", at.toString());
        payload.set("data", data);
        Outbox outbox = new Outbox(h);
        Optional<Long> id = outbox.event(tenant, at, type, subject, text(payload), key);
        if (id.isPresent()) {
            MonitorSettings.Settings settings = new MonitorSettings(h).get(tenant);
            if (!settings.webhookUrl().isBlank() && settings.notifies("webhook", type)) {
                outbox.deliver(tenant, id.get(), "webhook", settings.webhookUrl(), at);
            }
            if (!settings.emailTo().isBlank() && settings.notifies("email", type)) {
                outbox.deliver(tenant, id.get(), "email", settings.emailTo(), at);
            }
        }
        return id;
    }

    static String text(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
