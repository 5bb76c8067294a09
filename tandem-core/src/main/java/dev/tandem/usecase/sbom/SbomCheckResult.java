package dev.tandem.usecase.sbom;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.sbom.quality.QualityReport;
import dev.tandem.usecase.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one SBOM check, the one model every renderer of it takes: the report (coverage per
 * field, violations), the format of the SBOM, the catalog the profile came from, and when it was made.
 *
 * @param format   the SBOM's format and version as read ("CycloneDX JSON 1.6")
 * @param warnings things the reader of the report should know that are not violations
 */
public record SbomCheckResult(QualityReport report, String format, CatalogFingerprint catalog, Instant checkedAt,
        List<String> warnings, Provenance provenance) {

    public SbomCheckResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(catalog, "catalog");
        warnings = List.copyOf(warnings);
        provenance = provenance == null ? Provenance.unknown(catalog) : provenance;
    }

    /** A result without provenance (hand-built). */
    public SbomCheckResult(QualityReport report, String format, CatalogFingerprint catalog, Instant checkedAt,
            List<String> warnings) {
        this(report, format, catalog, checkedAt, warnings, null);
    }

    /** True when the SBOM meets every required field of the profile. */
    public boolean passed() {
        return report.passed();
    }
}
