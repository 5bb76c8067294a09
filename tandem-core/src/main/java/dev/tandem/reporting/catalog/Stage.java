package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
import java.util.List;

/**
 * One report a framework requires: its kind, when its clock starts, its period (and the variants
 * that replace it for some events or entities), recipient, channel and fields.
 */
public record Stage(String id, String kind, String name, Condition when, ClockStart clockStart, StagePeriod period, Cap cap,
        List<PeriodVariant> variants, String recipient, String channel, String source, Confidence confidence,
        List<StageField> fields) {

    public Stage {
        variants = variants == null ? List.of() : List.copyOf(variants);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
