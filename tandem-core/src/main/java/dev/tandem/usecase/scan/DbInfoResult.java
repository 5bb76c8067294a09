package dev.tandem.usecase.scan;

import dev.tandem.snapshot.SnapshotInfo;
import java.util.Objects;

/** What a verified snapshot says about itself, and the name it was loaded under (its file as given). */
public record DbInfoResult(String source, SnapshotInfo info) {

    public DbInfoResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(info, "info");
    }
}
