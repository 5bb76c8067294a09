package dev.tandem.snapshot;

import dev.tandem.advisory.CveKey;
import dev.tandem.advisory.EpssData;
import dev.tandem.advisory.EpssScore;
import java.time.LocalDate;
import java.util.Optional;

/** The EPSS scores of a snapshot, answered by binary search over the section's fixed-width rows. */
final class SnapshotEpss implements EpssData {

    private final Snapshot snapshot;
    private final java.nio.ByteBuffer bytes;
    private final int rowsStart;
    private final int count;
    private final String source;
    private final String modelVersion;
    private final LocalDate scoreDate;

    SnapshotEpss(Snapshot snapshot, java.nio.ByteBuffer bytes, int rowsStart, int count, String source, String modelVersion,
            LocalDate scoreDate) {
        this.snapshot = snapshot;
        this.bytes = bytes;
        this.rowsStart = rowsStart;
        this.count = count;
        this.source = source;
        this.modelVersion = modelVersion;
        this.scoreDate = scoreDate;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public LocalDate scoreDate() {
        return scoreDate;
    }

    @Override
    public int count() {
        return count;
    }

    /**
     * {@inheritDoc}
     *
     * @throws CorruptSnapshotException when a row holds a score outside [0, 1] (a crafted file)
     */
    @Override
    public Optional<EpssScore> lookup(String cve) {
        long key = CveKey.of(cve);
        if (key < 0) {
            return Optional.empty();
        }
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int row = rowsStart + middle * SnapshotFormat.EPSS_ROW;
            long found = bytes.getLong(row);
            if (found < key) {
                low = middle + 1;
            } else if (found > key) {
                high = middle - 1;
            } else {
                double score = Double.longBitsToDouble(bytes.getLong(row + 8));
                double percentile = Double.longBitsToDouble(bytes.getLong(row + 16));
                try {
                    return Optional.of(new EpssScore(CveKey.text(key), score, percentile, scoreDate));
                } catch (IllegalArgumentException e) {
                    throw new CorruptSnapshotException(snapshot.corrupt("malformed EPSS row (" + e.getMessage() + ")"));
                }
            }
        }
        return Optional.empty();
    }
}
