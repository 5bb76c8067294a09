package dev.tandem.usecase.scan;

import dev.tandem.match.FindingId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * This scan against a previous one, by {@code findingId}: findings that are new, findings that
 * were there before too, and findings of the previous scan that are gone (fixed, or the component
 * removed). Suppressed findings are compared like any other.
 *
 * The counts are of this scan's findings: two findings may share an id (two releases of one product
 * scanned together), and {@code newCount() + unchangedCount()} is always the scan's number of findings.
 *
 * @param source            the previous report as given
 * @param previousScannedAt when the previous scan ran (null when the report does not say)
 * @param newCount          this scan's findings whose id the previous report did not have
 * @param unchangedCount    this scan's findings whose id it had
 */
public record BaselineComparison(String source, Instant previousScannedAt, Set<FindingId> added,
        Set<FindingId> unchanged, List<BaselineFinding> fixed, int newCount, int unchangedCount) {

    public BaselineComparison {
        Objects.requireNonNull(source, "source");
        added = Set.copyOf(added);
        unchanged = Set.copyOf(unchanged);
        fixed = List.copyOf(fixed);
    }

    /** {@code new} or {@code unchanged} for a finding of this scan. */
    public String stateOf(FindingId id) {
        return added.contains(id) ? "new" : "unchanged";
    }

    public boolean isNew(FindingId id) {
        return added.contains(id);
    }
}
