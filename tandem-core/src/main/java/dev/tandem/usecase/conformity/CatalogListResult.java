package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import java.util.List;
import java.util.Objects;

/** The requirement catalogs and the stored crosswalks between them, in the knowledge base's order. */
public record CatalogListResult(List<RequirementCatalog> catalogs, List<Crosswalk> crosswalks,
        CatalogFingerprint fingerprint) {

    public CatalogListResult {
        catalogs = List.copyOf(catalogs);
        crosswalks = List.copyOf(crosswalks);
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
