package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
/**
 * A kind of report (early warning, notification, final report, ...) used to compare stages across
 * regimes: a Tandem classification of the reference's stage descriptions, with that source and tag.
 */
public record StageKind(String id, String text, String source, Confidence confidence) {
}
