package dev.tandem.server.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Tenant;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The due-soon and overdue events of one record's open stages (a case's, an incident's), by the
 * obligations engine's status: one rule for both, so the events and the pages never disagree.
 */
public final class ClockEvents {

    /** The due-soon and overdue event types of one kind of record. */
    public record Kind(String dueSoon, String overdue) {
    }

    public static final Kind CASE = new Kind(Events.STAGE_DUE_SOON, Events.STAGE_OVERDUE);
    public static final Kind INCIDENT = new Kind(Events.INCIDENT_STAGE_DUE_SOON, Events.INCIDENT_STAGE_OVERDUE);

    private ClockEvents() {
    }

    /**
     * Emits, once each (the dedupe key is {@code key}, the stage, its due instant and the type), an
     * event for every open stage the engine says is due soon or overdue; each event's data is
     * {@code identity}'s fields and the stage's. The number this call emitted.
     */
    public static int announce(Database database, Tenant tenant, Kind kind, String subject, String key,
            List<Obligation> open, ZoneId zone, Supplier<ObjectNode> identity, Instant now) {
        int emitted = 0;
        for (Obligation o : open) {
            if (o.due() == null) {
                continue;
            }
            // The engine's status, computed with the same 6-hour window as the pages (CaseBook.DUE_SOON).
            String type = o.status() == Status.OVERDUE ? kind.overdue()
                    : o.status() == Status.DUE_SOON ? kind.dueSoon() : null;
            if (type == null) {
                continue;
            }
            ObjectNode data = identity.get();
            data.put("framework", o.framework());
            data.put("stage", o.stage());
            data.put("stageName", o.stageName());
            data.put("due", o.due().toString());
            data.put("dueLocal", o.due().atZone(zone).toOffsetDateTime().toString());
            data.put("source", o.source());
            String dedupe = key + ":" + o.framework() + ":" + o.stage() + ":" + o.due() + ":" + type;
            boolean fresh = database.transaction(h -> Events.emit(h, tenant, type, subject, data, dedupe, now).isPresent());
            emitted += fresh ? 1 : 0;
        }
        return emitted;
    }

    /** A new object for an event's data. */
    public static ObjectNode data() {
        return Events.JSON.createObjectNode();
    }
}
