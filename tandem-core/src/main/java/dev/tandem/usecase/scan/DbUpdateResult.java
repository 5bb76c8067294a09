package dev.tandem.usecase.scan;

import dev.tandem.feed.Fetched;
import java.util.List;
import java.util.Objects;

/**
 * A refresh: every feed and what its fetch did; whether the snapshot was current already (then
 * nothing was built); else the build, whose bytes the caller stores over the snapshot; warnings.
 */
public record DbUpdateResult(String snapshot, List<Fetched> feeds, boolean upToDate, DbBuildResult build,
        List<String> warnings) {

    public DbUpdateResult {
        Objects.requireNonNull(snapshot, "snapshot");
        feeds = List.copyOf(feeds);
        warnings = List.copyOf(warnings);
        if (upToDate == (build != null)) {
            throw new IllegalArgumentException("a refresh either builds a snapshot or finds it current");
        }
    }
}
