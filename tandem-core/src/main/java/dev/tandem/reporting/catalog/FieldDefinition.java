package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
/** A field of the normalised vocabulary, where the incident record holds it, and the source and tag of its definition. */
public record FieldDefinition(String id, String label, String recordPath, String source, Confidence confidence) {
}
