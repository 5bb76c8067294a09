package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.declaration.Document;
import dev.tandem.usecase.Provenance;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The draft EU declaration of conformity with the Annex VII and Annex II checklists as one document,
 * the assessment it was drafted from, the day, and the catalog.
 */
public record DeclarationResult(Document document, Assessment assessment, LocalDate draftedOn,
        CatalogFingerprint fingerprint, Provenance provenance) implements ProfileDocument {

    public DeclarationResult {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(draftedOn, "draftedOn");
        Objects.requireNonNull(fingerprint, "fingerprint");
        provenance = provenance == null ? Provenance.unknown(fingerprint) : provenance;
    }

    /** A result without provenance (hand-built). */
    public DeclarationResult(Document document, Assessment assessment, LocalDate draftedOn, CatalogFingerprint fingerprint) {
        this(document, assessment, draftedOn, fingerprint, null);
    }
}
