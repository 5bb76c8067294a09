package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.declaration.Document;
import dev.tandem.usecase.Provenance;
import java.time.LocalDate;
import java.util.List;

/**
 * A document drafted from a product profile and its assessment ({@code declaration}, {@code attestation}):
 * what a front end needs from either to print it, say where it comes from and pass on its warnings.
 */
public sealed interface ProfileDocument permits AttestationResult, DeclarationResult {

    /** The drafted document, section by section. */
    Document document();

    /** The assessment it was drafted from. */
    Assessment assessment();

    /** The day it was drafted on. */
    LocalDate draftedOn();

    /** The knowledge base it was drafted with. */
    CatalogFingerprint fingerprint();

    /** When and from which inputs it was drafted. */
    Provenance provenance();

    /** What the profile reader and the assessment noticed but could carry on with. */
    default List<String> warnings() {
        return assessment().warnings();
    }
}
