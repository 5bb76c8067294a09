package dev.tandem.render.db;

import dev.tandem.usecase.scan.DbUpdateResult;
import java.time.Duration;
import java.util.Objects;

/**
 * A refresh as its summary reports it: the result, and where and how fast the front end stored
 * the snapshot (facts of the front end, not of the refresh).
 */
public record UpdatedSnapshot(DbUpdateResult result, String target, Duration took) {

    public UpdatedSnapshot {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(took, "took");
    }
}
