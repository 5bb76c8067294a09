package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.usecase.Provenance;
import java.util.Objects;

/** Every entry of one requirement catalog, with the fingerprint of the knowledge base it belongs to. */
public record CatalogShowResult(RequirementCatalog catalog, CatalogFingerprint fingerprint, Provenance provenance) {

    public CatalogShowResult {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(fingerprint, "fingerprint");
        provenance = provenance == null ? Provenance.unknown(fingerprint) : provenance;
    }

    /** A result without provenance (hand-built). */
    public CatalogShowResult(RequirementCatalog catalog, CatalogFingerprint fingerprint) {
        this(catalog, fingerprint, null);
    }
}
