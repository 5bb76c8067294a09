package dev.tandem.render.db;

import dev.tandem.usecase.scan.DbBuildResult;
import java.time.Duration;
import java.util.Objects;

/**
 * A build as its summary reports it: the result, and where and how fast the front end stored the
 * snapshot (facts of the front end, not of the build).
 */
public record WrittenSnapshot(DbBuildResult result, String target, Duration took) {

    public WrittenSnapshot {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(took, "took");
    }
}
