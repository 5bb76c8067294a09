package dev.tandem.usecase.scan;

import dev.tandem.advisory.LoadListener;
import dev.tandem.feed.FeedListener;
import dev.tandem.feed.FeedsConfig;
import dev.tandem.feed.FetchSettings;
import dev.tandem.input.InputDocument;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A refresh: the feeds to fetch — a feeds file ({@code feedsFile}, its relative paths resolved
 * against {@code feedsFolder}), else {@code feeds}, else the publishers' defaults — and, when not
 * empty, the OSV ecosystems to fetch instead of those configured; the snapshot it refreshes (read
 * only to tell whether it is still current; the caller stores the new one); the cache folder that
 * keeps the downloaded feeds and their validators; whether to rebuild even when nothing changed;
 * the instant the snapshot records; how to fetch; who is told of the downloads and of the build.
 */
public record DbUpdateRequest(FeedsConfig feeds, InputDocument feedsFile, Path feedsFolder, List<String> ecosystems,
        Path snapshot, Path cache, boolean force, Instant now, FetchSettings fetch, FeedListener downloads,
        LoadListener build) {

    public DbUpdateRequest {
        ecosystems = List.copyOf(ecosystems);
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(fetch, "fetch");
        downloads = downloads == null ? FeedListener.NONE : downloads;
        build = build == null ? LoadListener.NONE : build;
    }

    /** A refresh of the given feeds, without progress reports. */
    public static DbUpdateRequest of(FeedsConfig feeds, Path snapshot, Path cache, boolean force, Instant now,
            FetchSettings fetch) {
        return new DbUpdateRequest(feeds, null, null, List.of(), snapshot, cache, force, now, fetch, null, null);
    }
}
