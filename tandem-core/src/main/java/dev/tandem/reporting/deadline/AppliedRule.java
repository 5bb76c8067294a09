package dev.tandem.reporting.deadline;

import dev.tandem.catalog.Confidence;

/** A provision of a counting rule that moved (or, when {@code applied} is false, would have moved) the outer limit. */
public record AppliedRule(String rule, String text, String source, Confidence confidence, String note, boolean applied) {
}
