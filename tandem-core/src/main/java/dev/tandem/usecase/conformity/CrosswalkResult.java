package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.usecase.Provenance;
import java.util.Objects;

/** One crosswalk in the asked direction ({@code reversed} when computed from the stored one), with the catalog's fingerprint. */
public record CrosswalkResult(Crosswalk crosswalk, CatalogFingerprint fingerprint, Provenance provenance) {

    public CrosswalkResult {
        Objects.requireNonNull(crosswalk, "crosswalk");
        Objects.requireNonNull(fingerprint, "fingerprint");
        provenance = provenance == null ? Provenance.unknown(fingerprint) : provenance;
    }

    /** A result without provenance (hand-built). */
    public CrosswalkResult(Crosswalk crosswalk, CatalogFingerprint fingerprint) {
        this(crosswalk, fingerprint, null);
    }
}
