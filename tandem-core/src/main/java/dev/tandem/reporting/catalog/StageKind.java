package dev.tandem.reporting.catalog;

/** A kind of report (early warning, notification, final report, ...) used to compare stages across regimes. */
public record StageKind(String id, String text) {
}
