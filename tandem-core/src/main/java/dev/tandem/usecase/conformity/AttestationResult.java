package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.declaration.Document;
import dev.tandem.usecase.Provenance;
import java.time.LocalDate;
import java.util.Objects;

/** The draft CISA attestation form, the assessment it was drafted from, the day, the catalog, and where it comes from. */
public record AttestationResult(Document document, Assessment assessment, LocalDate draftedOn,
        CatalogFingerprint fingerprint, Provenance provenance) implements ProfileDocument {

    public AttestationResult {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(draftedOn, "draftedOn");
        Objects.requireNonNull(fingerprint, "fingerprint");
        provenance = provenance == null ? Provenance.unknown(fingerprint) : provenance;
    }

    /** A result without provenance (hand-built). */
    public AttestationResult(Document document, Assessment assessment, LocalDate draftedOn, CatalogFingerprint fingerprint) {
        this(document, assessment, draftedOn, fingerprint, null);
    }
}
