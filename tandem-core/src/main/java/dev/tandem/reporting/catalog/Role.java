package dev.tandem.reporting.catalog;

/** A role an entity can declare in an incident record. */
public record Role(String id, String text, String source) {
}
