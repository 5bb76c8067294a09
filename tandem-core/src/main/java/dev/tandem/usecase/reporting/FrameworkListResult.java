package dev.tandem.usecase.reporting;

import dev.tandem.catalog.CatalogFingerprint;
import java.time.LocalDate;
import java.util.List;

/** The frameworks of the catalog in its order, each with whether it is in force {@code on} that date. */
public record FrameworkListResult(LocalDate on, List<FrameworkStanding> frameworks, CatalogFingerprint catalog) {

    public FrameworkListResult {
        frameworks = List.copyOf(frameworks);
    }
}
