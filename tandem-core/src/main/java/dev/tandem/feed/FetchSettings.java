package dev.tandem.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * How feeds are fetched: retries after a failure (a refused connection, a timeout, 429, 5xx, a
 * truncated or mismatching body) with a backoff that doubles from {@code backoff} (or what a
 * {@code Retry-After} header asks, up to {@code maxBackoff}); the time allowed to connect and to
 * wait for a stalled body; the most bytes one feed may have.
 */
public record FetchSettings(int retries, Duration backoff, Duration maxBackoff, Duration connectTimeout,
        Duration stallTimeout, long maxBytes, String userAgent) {

    public FetchSettings {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** Three retries from 2 s, 30 s to connect, 120 s of silence before a body is given up, 8 GiB per feed. */
    public static FetchSettings defaults(String userAgent) {
        return new FetchSettings(3, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(120), 8L << 30, userAgent);
    }
}
