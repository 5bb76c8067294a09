package dev.tandem.pqc.plan;

import dev.tandem.catalog.Confidence;
import dev.tandem.pqc.catalog.Source;
import java.time.LocalDate;
import java.util.List;

/**
 * A milestone that applies to an asset or product in one market.
 *
 * @param date the last day by which the change is due, or null when it is due immediately
 * @param caveats unconfirmed (U) sources that qualify it
 */
public record AppliedMilestone(String id, String market, LocalDate date, boolean immediate, String label,
        Source source, List<Source> caveats) {

    public AppliedMilestone {
        caveats = List.copyOf(caveats);
    }

    /** True when the milestone rests on an unconfirmed source or carries an unconfirmed caveat. */
    public boolean unconfirmed() {
        return source.confidence() == Confidence.UNCONFIRMED || !caveats.isEmpty();
    }

    /** "immediately" or the ISO date. */
    public String when() {
        return immediate ? "immediately" : date.toString();
    }

    /** A sort key: immediate first, then by date. */
    LocalDate sortDate() {
        return immediate ? LocalDate.MIN : date;
    }
}
