package dev.tandem.server.auth;

import dev.tandem.server.store.ApiKeys;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys read from the database in the last few seconds, by key id, each with the presented secret that
 * was last verified against it: a burst of API calls costs one key lookup and one SHA-256, not one of each
 * per request (hashing the presented key was a tenth of the server's time under the findings load). A
 * request whose secret equals the verified one (compared in constant time) is let through without hashing;
 * any other secret is hashed and compared with the stored hash as before, and a secret that fails is never
 * kept. Trust in a cached key ends {@link #FRESH} after it was read from the database, however often it is
 * used: this instance forgets a key the moment it revokes it; another instance sharing the database stops
 * accepting it within {@link #FRESH}.
 */
public final class KeyCache {

    /** How long a key read from the database is trusted without reading it again. */
    public static final Duration FRESH = Duration.ofSeconds(5);
    private static final int MOST = 10_000;

    /**
     * A key as read from the database at {@code readAt}, and the presented secret (UTF-8) verified against its
     * stored hash since, or null when none was.
     */
    record Known(ApiKeys.StoredKey key, Instant readAt, byte[] verifiedSecret) {

        /** True when {@code presented} is the secret verified for this key (constant time for keys of one length). */
        boolean verifies(byte[] presented) {
            return verifiedSecret != null && MessageDigest.isEqual(verifiedSecret, presented);
        }
    }

    private final ConcurrentHashMap<String, Known> byKeyId = new ConcurrentHashMap<>();

    /** The key of {@code keyId} as read within the last {@link #FRESH}, if this instance holds it. */
    Optional<Known> get(String keyId, Instant now) {
        Known known = byKeyId.get(keyId);
        if (known == null || known.readAt().isBefore(now.minus(FRESH)) || known.readAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(known);
    }

    /** Holds a key just read from the database (no secret verified yet). */
    Known put(ApiKeys.StoredKey key, Instant readAt) {
        return hold(new Known(key, readAt, null));
    }

    /**
     * Notes that {@code presented} matched the stored hash of a key read at {@code known.readAt()} and not
     * revoked then; the trust still ends {@link #FRESH} after that read.
     */
    void verified(Known known, byte[] presented) {
        hold(new Known(known.key(), known.readAt(), presented.clone()));
    }

    /** Forgets a key (revoked, or its last use just written). */
    void forget(String keyId) {
        byKeyId.remove(keyId);
    }

    /** How many keys are held (for tests: a failed secret adds none). */
    int size() {
        return byKeyId.size();
    }

    private Known hold(Known known) {
        if (byKeyId.size() >= MOST && !byKeyId.containsKey(known.key().keyId())) {
            byKeyId.clear(); // a flood of distinct valid keys only costs lookups again
        }
        byKeyId.put(known.key().keyId(), known);
        return known;
    }
}
