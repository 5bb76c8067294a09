package dev.tandem.advisory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One CVE's EPSS (FIRST's Exploit Prediction Scoring System): the probability of exploitation
 * activity in the next 30 days, the share of scored CVEs with a lower or equal score, and the day
 * the scores were computed (null when the file did not say).
 */
public record EpssScore(String cve, double score, double percentile, LocalDate date) {

    public EpssScore {
        Objects.requireNonNull(cve, "cve");
        if (!(score >= 0 && score <= 1) || !(percentile >= 0 && percentile <= 1)) {
            throw new IllegalArgumentException("EPSS score and percentile lie between 0 and 1: " + score + ", " + percentile);
        }
    }
}
