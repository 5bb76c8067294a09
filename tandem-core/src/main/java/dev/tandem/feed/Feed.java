package dev.tandem.feed;

import java.util.Locale;
import java.util.Objects;

/**
 * One feed: where it is, and optionally the SHA-256 its content must have (for a pinned mirror; a
 * live feed changes daily, so its integrity is checked against the server's digests instead).
 */
public record Feed(FeedSource source, String sha256) {

    public Feed {
        Objects.requireNonNull(source, "source");
        if (sha256 != null) {
            sha256 = sha256.strip().toLowerCase(Locale.ROOT);
            if (sha256.startsWith("sha256:")) {
                sha256 = sha256.substring(7);
            }
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a sha256 is 64 hexadecimal digits");
            }
        }
    }

    /** A feed without a pinned digest. */
    public static Feed of(FeedSource source) {
        return new Feed(source, null);
    }
}
