package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.usecase.Provenance;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An assessment of one product in every regime, the day it was made, and the catalog it was
 * computed from: what every assessment renderer draws.
 */
public record AssessResult(Assessment assessment, LocalDate assessedOn, CatalogFingerprint fingerprint, Provenance provenance) {

    public AssessResult {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(assessedOn, "assessedOn");
        Objects.requireNonNull(fingerprint, "fingerprint");
        provenance = provenance == null ? Provenance.unknown(fingerprint) : provenance;
    }

    /** A result without provenance (hand-built). */
    public AssessResult(Assessment assessment, LocalDate assessedOn, CatalogFingerprint fingerprint) {
        this(assessment, assessedOn, fingerprint, null);
    }

    /** What the profile reader and the assessment noticed but could carry on with. */
    public List<String> warnings() {
        return assessment.warnings();
    }

    /** True when some requirement of a market the product is sold in is not met. */
    public boolean hasGaps() {
        return assessment.hasGaps();
    }
}
