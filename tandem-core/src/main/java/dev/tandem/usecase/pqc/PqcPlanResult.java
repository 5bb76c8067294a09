package dev.tandem.usecase.pqc;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.pqc.Classification;
import dev.tandem.pqc.plan.PqcReport;
import dev.tandem.usecase.Provenance;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The post-quantum plan, the one model every renderer of it takes: products with readiness, every asset
 * ordered by deadline, the sources cited, and the catalog the classification and dates came from.
 *
 * @param on       the day the plan was made for
 * @param warnings things the reader of the plan should know that are not findings
 */
public record PqcPlanResult(PqcReport report, CatalogFingerprint catalog, LocalDate on, List<String> warnings,
        Provenance provenance) {

    public PqcPlanResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(catalog, "catalog");
        warnings = List.copyOf(warnings);
        provenance = provenance == null ? Provenance.unknown(catalog) : provenance;
    }

    /** A result without provenance (hand-built). */
    public PqcPlanResult(PqcReport report, CatalogFingerprint catalog, LocalDate on, List<String> warnings) {
        this(report, catalog, on, warnings, null);
    }

    /** True when some asset is at or above {@code threshold} (unknown assets never are). */
    public boolean anyAtOrAbove(Classification threshold) {
        return report.anyAtOrAbove(threshold);
    }
}
