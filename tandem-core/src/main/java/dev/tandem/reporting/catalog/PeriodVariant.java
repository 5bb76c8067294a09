package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;

/**
 * A period that replaces a stage's own when {@code when} holds ("by way of derogation", "notwithstanding
 * paragraph 2"): NIS2's 24-hour notification for trust service providers, the AI Act's 2- and
 * 10-day reports. When several hold, the one giving the earliest deadline applies.
 */
public record PeriodVariant(Condition when, StagePeriod period, String text, String source, Confidence confidence) {
}
