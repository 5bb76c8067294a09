package dev.tandem.usecase.reporting;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.comparison.FieldRow;
import dev.tandem.reporting.comparison.Finding;
import dev.tandem.reporting.comparison.TimingRow;
import dev.tandem.usecase.Provenance;
import java.time.LocalDate;
import java.util.List;

/**
 * The frameworks compared (catalog order), the field matrix, the timing table (fastest first
 * report first) and the alignments and divergences derived from them, each with its evidence.
 */
public record ComparisonResult(LocalDate on, List<Framework> frameworks, List<FieldRow> fields, List<TimingRow> timing,
        List<Finding> findings, CatalogFingerprint catalog, Provenance provenance) {

    public ComparisonResult {
        frameworks = List.copyOf(frameworks);
        fields = List.copyOf(fields);
        timing = List.copyOf(timing);
        findings = List.copyOf(findings);
        provenance = provenance == null ? Provenance.unknown(catalog) : provenance;
    }

    /** A result without provenance (hand-built). */
    public ComparisonResult(LocalDate on, List<Framework> frameworks, List<FieldRow> fields, List<TimingRow> timing,
            List<Finding> findings, CatalogFingerprint catalog) {
        this(on, frameworks, fields, timing, findings, catalog, null);
    }
}
