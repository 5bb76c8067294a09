package dev.tandem.usecase.scan;

import dev.tandem.advisory.EpssScore;
import dev.tandem.match.Finding;
import java.util.Locale;
import java.util.Objects;

/**
 * One condition under which a scan counts as failed: a severity level ({@link FailThreshold}), or an
 * EPSS score or percentile at or above a value. A known-exploited finding meets every condition:
 * exploitation is no longer a prediction, and it starts the CRA's 24-hour clock.
 */
public sealed interface FailCondition {

    /** True when {@code finding}, whose EPSS score is {@code epss} (null when not scored), meets the condition. */
    boolean isMetBy(Finding finding, EpssScore epss);

    /** The condition as written on a command line: {@code high}, {@code epss:0.5}, {@code epss-percentile:0.9}. */
    String text();

    /**
     * Reads {@code kev}, {@code critical}, {@code high}, {@code medium}, {@code low}, {@code any},
     * {@code epss:SCORE} or {@code epss-percentile:PERCENTILE} (any case; SCORE and PERCENTILE between 0 and 1).
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    static FailCondition parse(String text) {
        String value = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
        int colon = value.indexOf(':');
        if (colon < 0) {
            for (FailThreshold level : FailThreshold.values()) {
                if (level.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return new Level(level);
                }
            }
            throw new IllegalArgumentException(unknown(text));
        }
        String kind = value.substring(0, colon).strip();
        if (!kind.equals("epss") && !kind.equals("epss-percentile")) {
            throw new IllegalArgumentException(unknown(text));
        }
        String number = value.substring(colon + 1).strip();
        double bound;
        try {
            bound = number.matches("\\d*\\.?\\d+") ? Double.parseDouble(number) : Double.NaN;
        } catch (NumberFormatException e) {
            bound = Double.NaN;
        }
        if (!(bound >= 0 && bound <= 1)) {
            throw new IllegalArgumentException("'" + text + "': the EPSS " + (kind.equals("epss") ? "score" : "percentile")
                    + " must be a number between 0 and 1, such as 0.5");
        }
        return kind.equals("epss") ? new EpssAtLeast(bound) : new EpssPercentileAtLeast(bound);
    }

    private static String unknown(String text) {
        return "'" + text + "' is not a failure condition: choose kev, critical, high, medium, low, any, "
                + "epss:SCORE or epss-percentile:PERCENTILE";
    }

    /** A severity level. */
    record Level(FailThreshold threshold) implements FailCondition {
        public Level {
            Objects.requireNonNull(threshold, "threshold");
        }

        @Override
        public boolean isMetBy(Finding finding, EpssScore epss) {
            return threshold.isMetBy(finding);
        }

        @Override
        public String text() {
            return threshold.name().toLowerCase(Locale.ROOT);
        }
    }

    /** An EPSS score (probability of exploitation in the next 30 days) at or above {@code score}. */
    record EpssAtLeast(double score) implements FailCondition {
        @Override
        public boolean isMetBy(Finding finding, EpssScore epss) {
            return finding.knownExploited() || (epss != null && epss.score() >= score);
        }

        @Override
        public String text() {
            return "epss:" + score;
        }
    }

    /** An EPSS percentile at or above {@code percentile}. */
    record EpssPercentileAtLeast(double percentile) implements FailCondition {
        @Override
        public boolean isMetBy(Finding finding, EpssScore epss) {
            return finding.knownExploited() || (epss != null && epss.percentile() >= percentile);
        }

        @Override
        public String text() {
            return "epss-percentile:" + percentile;
        }
    }

    /** True for the conditions that read EPSS scores. */
    default boolean usesEpss() {
        return !(this instanceof Level);
    }
}
