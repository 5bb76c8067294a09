package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.EpssProvenance;
import dev.tandem.snapshot.SnapshotProvenance;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A built snapshot: the whole file (read-only), where it came from, the counts of the build, the
 * EPSS scores it holds (null when none) and the warnings of the build (a lenient load's skipped
 * records, schemas skipped in KEV folders).
 */
public record DbBuildResult(ByteBuffer snapshot, SnapshotProvenance provenance, AdvisoryDatabase.Stats stats,
        EpssProvenance epss, List<String> warnings) {

    public DbBuildResult {
        // A read-only view, not a copy: a snapshot of the whole OSV corpus is hundreds of megabytes.
        snapshot = snapshot.asReadOnlyBuffer();
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(stats, "stats");
        warnings = List.copyOf(warnings);
    }

    /** The snapshot file's bytes, from its first byte; a fresh read-only view on each call. */
    @Override
    public ByteBuffer snapshot() {
        return snapshot.duplicate().rewind();
    }

    /** The snapshot file's size in bytes. */
    public long size() {
        return snapshot.capacity();
    }
}
