package dev.tandem.reporting.obligation;

import dev.tandem.catalog.Confidence;

/** A field a stage requires and whether the record has it. */
public record FieldCheck(String id, String label, String recordPath, boolean present, String condition, String source,
        Confidence confidence) {
}
