package dev.tandem.reporting.comparison;

import dev.tandem.reporting.catalog.Cap;
import dev.tandem.catalog.Confidence;
import dev.tandem.reporting.catalog.StagePeriod;

/**
 * A row of the timing table. {@code minimumHours} is the shortest the period can be (a month
 * counts as 28 days, a business day as 24 hours) and only serves to rank regimes.
 */
public record TimingRow(String framework, String jurisdiction, String stage, String kind, StagePeriod period,
        String clockStart, Cap cap, boolean firstReport, boolean inForce, String source, Confidence confidence) {

    public long minimumHours() {
        return switch (period.basis()) {
            case HOURS -> period.amount();
            case DAYS, BUSINESS_DAYS -> 24L * period.amount();
            case MONTHS -> 28L * 24 * period.amount();
        };
    }
}
