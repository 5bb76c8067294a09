package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
/**
 * A second limb on a stage's deadline: {@code event + period} also bounds the deadline, as long as
 * the stage's own clock started before that limb ran out (DORA: 4 h after classification, and no
 * later than 24 h after awareness).
 */
public record Cap(String event, StagePeriod period, String text, String source, Confidence confidence) {
}
