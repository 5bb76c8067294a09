package dev.tandem.reporting.obligation;

import dev.tandem.catalog.Confidence;
import dev.tandem.reporting.catalog.PeriodVariant;
import dev.tandem.reporting.deadline.LegalLimit;
import java.time.Instant;
import java.util.List;

/**
 * One report owed: the stage, when its clock started and from what, the due instant (null while
 * waiting, then {@code waitingFor} says for what), the legal outer limit if later, whether the
 * clock start is provisional (the earlier stage's due stands in for an unrecorded submission),
 * status, recipient, channel and fields. {@code variant} is the period that replaced the stage's own
 * for this record (NIS2's 24 hours for a trust service provider), or null.
 */
public record Obligation(String framework, String frameworkName, String stage, String stageName, Instant clockStart,
        String clockStartEvent, boolean provisional, String countedAs, Instant due, LegalLimit legalLimit,
        String waitingFor, boolean inForce, Status status, Instant submittedAt, boolean late, String recipient,
        String channel, List<FieldCheck> fields, String source, Confidence confidence, String timeZone, PeriodVariant variant) {

    public Obligation {
        fields = List.copyOf(fields);
    }

    /** Ids of the required fields the record lacks, in the authority's order. */
    public List<String> missingFields() {
        return fields.stream().filter(f -> !f.present()).map(FieldCheck::id).toList();
    }
}
