package dev.tandem.reporting.catalog;

/** A field of the normalised vocabulary and where the incident record holds it. */
public record FieldDefinition(String id, String label, String recordPath, String source) {
}
