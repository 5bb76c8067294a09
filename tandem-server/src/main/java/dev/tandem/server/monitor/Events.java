package dev.tandem.server.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Outbox;
import dev.tandem.server.store.Tenant;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public static final String INCIDENT_OPENED = "incident.opened";
    public static final String INCIDENT_STAGE_DUE_SOON = "incident.stage.due-soon";
    public static final String INCIDENT_STAGE_OVERDUE = "incident.stage.overdue";
    public static final String TEST = "test";

    private Events() {
    }

    /** Emits an event unless its key was emitted before; the event id when this call emitted it. */
    public static Optional<Long> emit(Handle h, Tenant tenant, String type, String subject, ObjectNode data, String key,
            Instant at) {
        ObjectNode payload = payload(tenant, type, subject, data, at);
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

    /** An event to emit. */
    public record Emission(Tenant tenant, String type, String subject, ObjectNode data, String key) {
    }

    /**
     * {@link #emit} for many events at once (a swap opening hundreds of cases): one statement for the
     * events, one for their deliveries, each organisation's settings read once.
     */
    public static void emitAll(Handle h, List<Emission> emissions, Instant at) {
        if (emissions.isEmpty()) {
            return;
        }
        List<Outbox.NewEvent> events = new ArrayList<>();
        for (Emission e : emissions) {
            events.add(new Outbox.NewEvent(e.tenant(), e.type(), e.subject(), text(payload(e.tenant(), e.type(),
                    e.subject(), e.data(), at)), e.key()));
        }
        Outbox outbox = new Outbox(h);
        Map<String, Long> recorded = outbox.events(events, at);
        Map<Long, MonitorSettings.Settings> settings = new HashMap<>();
        MonitorSettings monitorSettings = new MonitorSettings(h);
        List<Outbox.NewDelivery> deliveries = new ArrayList<>();
        for (Emission e : emissions) {
            Long id = recorded.get(e.key());
            if (id == null) {
                continue;
            }
            MonitorSettings.Settings s = settings.computeIfAbsent(e.tenant().id(), org -> monitorSettings.get(e.tenant()));
            if (!s.webhookUrl().isBlank() && s.notifies("webhook", e.type())) {
                deliveries.add(new Outbox.NewDelivery(e.tenant(), id, "webhook", s.webhookUrl()));
            }
            if (!s.emailTo().isBlank() && s.notifies("email", e.type())) {
                deliveries.add(new Outbox.NewDelivery(e.tenant(), id, "email", s.emailTo()));
            }
        }
        outbox.deliverAll(deliveries, at);
    }

    private static ObjectNode payload(Tenant tenant, String type, String subject, ObjectNode data, Instant at) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", type);
        payload.put("organisation", tenant.name());
        payload.put("subject", subject);
        payload.put("at", at.toString());
        payload.set("data", data);
        return payload;
    }

    static String text(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
