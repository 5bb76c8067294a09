package dev.tandem.server.auth;

import dev.tandem.server.store.ApiKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys read from the database in the last few seconds, by key id: a burst of API calls costs one
 * key lookup, not one per request. The presented secret is still compared on every request. This
 * instance forgets a key the moment it revokes it; another instance sharing the database stops
 * accepting it within {@link #FRESH}.
 */
public final class KeyCache {

    /** How long a key read from the database is trusted without reading it again. */
    public static final Duration FRESH = Duration.ofSeconds(5);
    private static final int MOST = 10_000;

    private record Entry(ApiKeys.StoredKey key, Instant readAt) {
    }

    private final ConcurrentHashMap<String, Entry> byKeyId = new ConcurrentHashMap<>();

    Optional<ApiKeys.StoredKey> get(String keyId, Instant now) {
        Entry entry = byKeyId.get(keyId);
        if (entry == null || entry.readAt().isBefore(now.minus(FRESH)) || entry.readAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    void put(ApiKeys.StoredKey key, Instant now) {
        if (byKeyId.size() >= MOST) {
            byKeyId.clear(); // a flood of distinct valid keys only costs lookups again
        }
        byKeyId.put(key.keyId(), new Entry(key, now));
    }

    /** Forgets a key (revoked, or its last use just written). */
    void forget(String keyId) {
        byKeyId.remove(keyId);
    }
}
