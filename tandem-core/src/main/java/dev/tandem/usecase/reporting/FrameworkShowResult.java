package dev.tandem.usecase.reporting;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.reporting.catalog.FieldDefinition;
import dev.tandem.reporting.catalog.Framework;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One framework as the catalog has it, whether it is in force {@code on} that date, and the
 * definitions of the fields its stages require (by field id).
 */
public record FrameworkShowResult(Framework framework, LocalDate on, boolean inForce, Map<String, FieldDefinition> fields,
        CatalogFingerprint catalog) {

    public FrameworkShowResult {
        fields = Map.copyOf(fields);
    }

    /** The definition of a field one of the stages requires. */
    public Optional<FieldDefinition> field(String id) {
        return Optional.ofNullable(fields.get(id));
    }
}
