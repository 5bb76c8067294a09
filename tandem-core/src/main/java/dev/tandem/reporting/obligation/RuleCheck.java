package dev.tandem.reporting.obligation;

import dev.tandem.catalog.Confidence;

/** One applicability rule evaluated against the record: met or not, with its text and source. */
public record RuleCheck(String id, String text, boolean met, String source, Confidence confidence) {
}
