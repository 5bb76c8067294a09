package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
/** One condition a framework needs to apply, in words, as a test, and with its source. */
public record ApplicabilityRule(String id, String text, Condition when, String source, Confidence confidence) {
}
