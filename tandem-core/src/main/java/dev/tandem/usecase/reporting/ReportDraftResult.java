package dev.tandem.usecase.reporting;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.usecase.Provenance;
import java.util.List;

/**
 * A stage's report draft. The draft's own {@code warnings} are part of the document (the framework
 * does not apply, is not in force, the record has problems); {@code warnings} here are the
 * problems in the record as lines for a front end to show beside it.
 */
public record ReportDraftResult(ReportDraft draft, CatalogFingerprint catalog, List<String> warnings, Provenance provenance) {

    public ReportDraftResult {
        warnings = List.copyOf(warnings);
        provenance = provenance == null ? Provenance.unknown(catalog) : provenance;
    }

    /** A result without provenance (hand-built). */
    public ReportDraftResult(ReportDraft draft, CatalogFingerprint catalog, List<String> warnings) {
        this(draft, catalog, warnings, null);
    }
}
