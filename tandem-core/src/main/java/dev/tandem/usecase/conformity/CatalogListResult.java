package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.usecase.Provenance;
import java.util.List;
import java.util.Objects;

/** The requirement catalogs and the stored crosswalks between them, in the knowledge base's order. */
public record CatalogListResult(List<RequirementCatalog> catalogs, List<Crosswalk> crosswalks,
        CatalogFingerprint fingerprint, Provenance provenance) {

    public CatalogListResult {
        catalogs = List.copyOf(catalogs);
        crosswalks = List.copyOf(crosswalks);
        Objects.requireNonNull(fingerprint, "fingerprint");
        provenance = provenance == null ? Provenance.unknown(fingerprint) : provenance;
    }

    /** A result without provenance (hand-built). */
    public CatalogListResult(List<RequirementCatalog> catalogs, List<Crosswalk> crosswalks, CatalogFingerprint fingerprint) {
        this(catalogs, crosswalks, fingerprint, null);
    }
}
