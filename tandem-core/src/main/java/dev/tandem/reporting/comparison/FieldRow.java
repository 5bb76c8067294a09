package dev.tandem.reporting.comparison;

import dev.tandem.reporting.catalog.FieldDefinition;
import java.util.List;

/** A row of the field matrix: a normalised field and every compared stage that requires it. */
public record FieldRow(FieldDefinition field, List<Requirement> requiredBy) {

    public FieldRow {
        requiredBy = List.copyOf(requiredBy);
    }

    public boolean requiredIn(String jurisdiction) {
        return requiredBy.stream().anyMatch(r -> r.jurisdiction().equals(jurisdiction));
    }
}
