package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.catalog.RequirementCatalog;
import java.util.Objects;

/** Every entry of one requirement catalog, with the fingerprint of the knowledge base it belongs to. */
public record CatalogShowResult(RequirementCatalog catalog, CatalogFingerprint fingerprint) {

    public CatalogShowResult {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
