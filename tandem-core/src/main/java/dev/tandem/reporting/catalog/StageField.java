package dev.tandem.reporting.catalog;

/** A field a stage requires, with its qualifier ("where applicable") and legal source. */
public record StageField(String field, String condition, String source, Confidence confidence) {

    /** Whether the law qualifies the field ("where applicable", "where available", ...). */
    public boolean qualified() {
        return condition != null && !condition.isBlank();
    }
}
