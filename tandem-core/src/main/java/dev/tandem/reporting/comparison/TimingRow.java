package dev.tandem.reporting.comparison;

import dev.tandem.catalog.Confidence;
import dev.tandem.reporting.catalog.Cap;
import dev.tandem.reporting.catalog.PeriodVariant;
import dev.tandem.reporting.catalog.StagePeriod;
import java.util.List;

/**
 * A row of the timing table, with the variants that replace its period for some entities or events.
 * {@code minimumHours} is the shortest the period can be (a month counts as 28 days, a business day
 * as 24 hours) and only serves to rank regimes; a duty without a fixed period never ranks.
 */
public record TimingRow(String framework, String jurisdiction, String stage, String kind, StagePeriod period,
        String clockStart, Cap cap, List<PeriodVariant> variants, boolean firstReport, boolean inForce, String source,
        Confidence confidence) {

    public TimingRow {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    public long minimumHours() {
        return switch (period.basis()) {
            case HOURS -> period.amount();
            case DAYS, BUSINESS_DAYS -> 24L * period.amount();
            case MONTHS -> 28L * 24 * period.amount();
            case ASAP -> Long.MAX_VALUE;
        };
    }
}
