package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
/** A role an entity can declare in an incident record, with the source and tag of its definition. */
public record Role(String id, String text, String source, Confidence confidence) {
}
