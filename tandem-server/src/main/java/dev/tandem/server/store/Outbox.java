package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Events and their deliveries, written in the transaction of the change that caused them (a
 * transactional outbox): an event is recorded once (its dedupe key), and each of its deliveries is
 * tried until it succeeds or runs out of attempts, every try logged.
 */
public final class Outbox {

    /** An event as stored. */
    public record Event(long id, Tenant tenant, Instant at, String type, String subject, String payload) {
    }

    /** A delivery due to be tried. */
    public record Delivery(long id, Event event, String channel, String target, int attempts) {
    }

    /** A delivery as the log shows it. */
    public record DeliveryRow(long id, long eventId, String eventType, String subject, String channel, String target,
            String status, int attempts, Instant deliveredAt, String lastError) {
    }

    /** One try of a delivery. */
    public record Attempt(long deliveryId, Instant at, boolean ok, String detail) {
    }

    private final Handle h;

    public Outbox(Handle h) {
        this.h = h;
    }

    /** Records an event unless one with the same key exists; its id when this call recorded it. */
    public Optional<Long> event(Tenant tenant, Instant at, String type, String subject, String payload, String dedupeKey) {
        return h.createQuery("insert into events (org_id, at, type, subject, payload, dedupe_key) values (:org, :at, :type,"
                        + " :subject, :payload, :key) on conflict (dedupe_key) do nothing returning id")
                .bind("org", tenant.id()).bind("at", at).bind("type", type).bind("subject", subject)
                .bind("payload", payload).bind("key", dedupeKey).mapTo(Long.class).findOne();
    }

    /** An event to record. */
    public record NewEvent(Tenant tenant, String type, String subject, String payload, String dedupeKey) {
    }

    /**
     * {@link #event} for many events in one statement, in this order; the ids of those recorded by
     * this call, by dedupe key (the others had been recorded before).
     */
    public java.util.Map<String, Long> events(List<NewEvent> events, Instant at) {
        java.util.Map<String, Long> recorded = new java.util.HashMap<>();
        if (events.isEmpty()) {
            return recorded;
        }
        h.createQuery("insert into events (org_id, at, type, subject, payload, dedupe_key) select o, :at, t, s, p, k"
                        + " from unnest(cast(:orgs as bigint[]), cast(:types as text[]), cast(:subjects as text[]),"
                        + " cast(:payloads as text[]), cast(:keys as text[])) with ordinality as e(o, t, s, p, k, n)"
                        + " order by n on conflict (dedupe_key) do nothing returning id, dedupe_key")
                .bind("at", at).bind("orgs", events.stream().map(e -> e.tenant().id()).toArray(Long[]::new))
                .bind("types", events.stream().map(NewEvent::type).toArray(String[]::new))
                .bind("subjects", events.stream().map(NewEvent::subject).toArray(String[]::new))
                .bind("payloads", events.stream().map(NewEvent::payload).toArray(String[]::new))
                .bind("keys", events.stream().map(NewEvent::dedupeKey).toArray(String[]::new))
                .map((rs, ctx) -> recorded.put(rs.getString(2), rs.getLong(1))).list();
        return recorded;
    }

    /** A delivery to queue. */
    public record NewDelivery(Tenant tenant, long eventId, String channel, String target) {
    }

    /** {@link #deliver} for many deliveries in one statement. */
    public void deliverAll(List<NewDelivery> deliveries, Instant at) {
        if (deliveries.isEmpty()) {
            return;
        }
        h.createUpdate("insert into deliveries (org_id, event_id, channel, target, status, next_attempt_at) select o, e, c, t,"
                        + " 'pending', :at from unnest(cast(:orgs as bigint[]), cast(:events as bigint[]),"
                        + " cast(:channels as text[]), cast(:targets as text[])) with ordinality as d(o, e, c, t, n)"
                        + " order by n on conflict (event_id, channel) do nothing")
                .bind("at", at).bind("orgs", deliveries.stream().map(d -> d.tenant().id()).toArray(Long[]::new))
                .bind("events", deliveries.stream().map(NewDelivery::eventId).toArray(Long[]::new))
                .bind("channels", deliveries.stream().map(NewDelivery::channel).toArray(String[]::new))
                .bind("targets", deliveries.stream().map(NewDelivery::target).toArray(String[]::new)).execute();
    }

    public void deliver(Tenant tenant, long eventId, String channel, String target, Instant at) {
        h.createUpdate("insert into deliveries (org_id, event_id, channel, target, status, next_attempt_at) values (:org,"
                        + " :event, :channel, :target, 'pending', :at) on conflict (event_id, channel) do nothing")
                .bind("org", tenant.id()).bind("event", eventId).bind("channel", channel).bind("target", target)
                .bind("at", at).execute();
    }

    /**
     * Claims up to {@code limit} due deliveries: they are moved {@code lease} into the future, so
     * another instance does not try them while this one does (and tries again if this one dies).
     */
    public List<Delivery> claim(Instant now, Instant leaseUntil, int limit) {
        return h.createQuery("update deliveries d set next_attempt_at = :lease from (select id from deliveries"
                        + " where status = 'pending' and next_attempt_at <= :now order by id limit :limit"
                        + " for update skip locked) due where d.id = due.id"
                        + " returning d.id, d.org_id, d.event_id, d.channel, d.target, d.attempts")
                .bind("now", now).bind("lease", leaseUntil).bind("limit", limit)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(6)})
                .list().stream().map(row -> {
                    Event event = h.createQuery("select e.id, e.org_id, o.name, e.at, e.type, e.subject, e.payload"
                                    + " from events e join organisations o on o.id = e.org_id where e.id = :id")
                            .bind("id", row[2])
                            .map((rs, ctx) -> new Event(rs.getLong(1), new Tenant(rs.getLong(2), rs.getString(3)),
                                    rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)))
                            .one();
                    Object[] d = h.createQuery("select channel, target from deliveries where id = :id").bind("id", row[0])
                            .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2)}).one();
                    return new Delivery(row[0], event, (String) d[0], (String) d[1], (int) row[3]);
                }).toList();
    }

    /** Logs a try; a success closes the delivery, a failure schedules the next try or gives up. */
    public void attempted(Delivery delivery, Instant at, boolean ok, String detail, Instant nextTry) {
        h.createUpdate("insert into delivery_attempts (delivery_id, org_id, at, ok, detail) values (:id, :org, :at, :ok,"
                        + " :detail)")
                .bind("id", delivery.id()).bind("org", delivery.event().tenant().id()).bind("at", at).bind("ok", ok)
                .bind("detail", detail).execute();
        if (ok) {
            h.createUpdate("update deliveries set status = 'delivered', attempts = attempts + 1, delivered_at = :at,"
                            + " last_error = '' where id = :id")
                    .bind("at", at).bind("id", delivery.id()).execute();
        } else {
            h.createUpdate("update deliveries set status = :status, attempts = attempts + 1, last_error = :detail,"
                            + " next_attempt_at = :next where id = :id")
                    .bind("status", nextTry == null ? "failed" : "pending").bind("detail", detail)
                    .bind("next", nextTry == null ? at : nextTry).bind("id", delivery.id()).execute();
        }
    }

    public List<Event> events(Tenant tenant, int limit) {
        return h.createQuery("select id, at, type, subject, payload from events where org_id = :org order by id desc"
                        + " limit :limit")
                .bind("org", tenant.id()).bind("limit", limit)
                .map((rs, ctx) -> new Event(rs.getLong(1), tenant, rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    public List<DeliveryRow> deliveries(Tenant tenant, int limit) {
        return h.createQuery("select d.id, d.event_id, e.type, e.subject, d.channel, d.target, d.status, d.attempts,"
                        + " d.delivered_at, d.last_error from deliveries d join events e on e.id = d.event_id"
                        + " where d.org_id = :org order by d.id desc limit :limit")
                .bind("org", tenant.id()).bind("limit", limit)
                .map((rs, ctx) -> new DeliveryRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        FindingChanges.instant(rs.getTimestamp(9)), rs.getString(10)))
                .list();
    }

    public List<Attempt> attempts(Tenant tenant, long deliveryId) {
        return h.createQuery("select delivery_id, at, ok, detail from delivery_attempts where org_id = :org and"
                        + " delivery_id = :id order by id")
                .bind("org", tenant.id()).bind("id", deliveryId)
                .map((rs, ctx) -> new Attempt(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3),
                        rs.getString(4)))
                .list();
    }
}
