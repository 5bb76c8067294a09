package dev.tandem.usecase.scan;

import java.util.Objects;

/** Which snapshot to describe: a file handed by the caller, or one already loaded. */
public record DbInfoRequest(AdvisoryInput.SnapshotInput snapshot) {

    public DbInfoRequest {
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
