package dev.tandem.usecase.scan;

import dev.tandem.input.InputException;
import dev.tandem.snapshot.Snapshot;

/**
 * Verifies a snapshot (magic, format version, length, checksum, table bounds) and describes it.
 * A missing, foreign, truncated, corrupt or other-version file is an {@link InputException} naming it.
 */
public final class DbInfoUseCase {

    public DbInfoResult run(DbInfoRequest request) throws InputException {
        Snapshot snapshot = switch (request.snapshot()) {
            case AdvisoryInput.SnapshotFile file -> Snapshot.load(file.file());
            case AdvisoryInput.LoadedSnapshot loaded -> loaded.snapshot();
        };
        return new DbInfoResult(snapshot.source(), snapshot.info());
    }
}
