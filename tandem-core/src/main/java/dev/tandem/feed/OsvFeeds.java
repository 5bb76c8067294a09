package dev.tandem.feed;

import java.util.List;
import java.util.Objects;

/**
 * The OSV exports: a base laid out as osv.dev publishes it ({@code <base>/<Ecosystem>/all.zip} and
 * {@code <base>/ecosystems.txt}), at a URL or in a local folder, and the ecosystems to fetch (empty:
 * every one the base lists).
 */
public record OsvFeeds(FeedSource base, List<String> ecosystems) {

    public OsvFeeds {
        Objects.requireNonNull(base, "base");
        ecosystems = List.copyOf(ecosystems);
    }

    /** True when every ecosystem the base lists is fetched. */
    public boolean all() {
        return ecosystems.isEmpty();
    }
}
