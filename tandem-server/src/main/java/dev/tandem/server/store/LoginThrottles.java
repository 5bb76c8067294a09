package dev.tandem.server.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Failed-login counters per account and per client address, and the lockouts they earned. */
public final class LoginThrottles {

    /** A key's counter: consecutive failures, the last one, and the lockout (null when none). */
    public record Counter(String key, int failures, Instant lastFailure, Instant lockedUntil) {
    }

    private final Handle h;

    public LoginThrottles(Handle h) {
        this.h = h;
    }

    /** The latest lockout among {@code keys} still running at {@code now}. */
    public Optional<Instant> lockedUntil(Collection<String> keys, Instant now) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return h.createQuery("select locked_until from login_throttle where key in (<keys>) and locked_until > :now"
                        + " order by locked_until desc limit 1")
                .bindList("keys", keys).bind("now", now).mapTo(Instant.class).findOne();
    }

    /** The counter of a key, locked until the caller's transaction ends. */
    public Optional<Counter> lock(String key) {
        return h.createQuery("select * from login_throttle where key = :key for update").bind("key", key)
                .map((rs, ctx) -> new Counter(rs.getString("key"), rs.getInt("failures"),
                        rs.getTimestamp("last_failure").toInstant(),
                        rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()))
                .findOne();
    }

    public void put(Counter counter) {
        h.createUpdate("insert into login_throttle (key, failures, last_failure, locked_until)"
                        + " values (:key, :failures, :last, :locked) on conflict (key) do update set"
                        + " failures = excluded.failures, last_failure = excluded.last_failure,"
                        + " locked_until = excluded.locked_until")
                .bind("key", counter.key()).bind("failures", counter.failures()).bind("last", counter.lastFailure())
                .bind("locked", counter.lockedUntil()).execute();
    }

    public void clear(String key) {
        h.createUpdate("delete from login_throttle where key = :key").bind("key", key).execute();
    }

    /** Forgets counters quiet since {@code before}. */
    public int purge(Instant before) {
        return h.createUpdate("delete from login_throttle where last_failure < :before"
                        + " and (locked_until is null or locked_until < :before)")
                .bind("before", before).execute();
    }
}
