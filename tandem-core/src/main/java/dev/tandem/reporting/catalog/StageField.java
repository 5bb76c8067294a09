package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
/**
 * A field a stage requires, with its qualifier ("where applicable") and legal source.
 * {@code onlyWhenLate}: required only when the stage is overdue or was submitted late (GDPR Art
 * 33(1): a notification later than 72 hours gives the reasons for the delay).
 */
public record StageField(String field, String condition, Boolean onlyWhenLate, String source, Confidence confidence) {

    /** Whether the law qualifies the field ("where applicable", "where available", ...). */
    public boolean qualified() {
        return condition != null && !condition.isBlank();
    }

    /** Whether the field is owed for a stage that is ({@code late}) or is not overdue or late. */
    public boolean owed(boolean late) {
        return late || !Boolean.TRUE.equals(onlyWhenLate);
    }
}
