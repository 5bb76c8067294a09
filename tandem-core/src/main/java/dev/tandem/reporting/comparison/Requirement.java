package dev.tandem.reporting.comparison;

import dev.tandem.catalog.Confidence;

/** One stage that requires a field, with the qualifier and source of that requirement. */
public record Requirement(String framework, String jurisdiction, String stage, String condition, String source,
        Confidence confidence) {
}
