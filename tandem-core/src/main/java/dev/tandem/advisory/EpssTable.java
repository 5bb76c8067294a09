package dev.tandem.advisory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * EPSS scores held in memory as three parallel arrays sorted by {@link CveKey}: a few megabytes for
 * the whole daily file, one binary search per lookup.
 */
public final class EpssTable implements EpssData {

    private final String source;
    private final String modelVersion;
    private final LocalDate scoreDate;
    private final long[] keys;
    private final double[] scores;
    private final double[] percentiles;

    /**
     * A table over rows already sorted by key without duplicates (the reader and the snapshot
     * guarantee it); the arrays are owned by the table from now on.
     */
    public EpssTable(String source, String modelVersion, LocalDate scoreDate, long[] keys, double[] scores,
            double[] percentiles) {
        this.source = Objects.requireNonNull(source, "source");
        this.modelVersion = modelVersion == null ? "" : modelVersion;
        this.scoreDate = scoreDate;
        if (keys.length != scores.length || keys.length != percentiles.length) {
            throw new IllegalArgumentException("rows of unequal length");
        }
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] <= keys[i - 1]) {
                throw new IllegalArgumentException("keys must be ascending without duplicates");
            }
        }
        this.keys = keys;
        this.scores = scores;
        this.percentiles = percentiles;
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
        return keys.length;
    }

    @Override
    public Optional<EpssScore> lookup(String cve) {
        long key = CveKey.of(cve);
        int at = key < 0 ? -1 : Arrays.binarySearch(keys, key);
        return at < 0 ? Optional.empty()
                : Optional.of(new EpssScore(CveKey.text(key), scores[at], percentiles[at], scoreDate));
    }

    /** The key of row {@code i}, in ascending order (for encoders). */
    public long key(int i) {
        return keys[i];
    }

    /** The score of row {@code i}. */
    public double score(int i) {
        return scores[i];
    }

    /** The percentile of row {@code i}. */
    public double percentile(int i) {
        return percentiles[i];
    }
}
