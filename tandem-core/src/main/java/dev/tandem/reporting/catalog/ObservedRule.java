package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
/** Which day is observed when a fixed-date holiday falls on a weekend ({@code previous-friday}, {@code next-monday}). */
public record ObservedRule(String saturday, String sunday, String source, Confidence confidence, String note) {
}
