package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.crosswalk.Crosswalk;
import java.util.Objects;

/** One crosswalk in the asked direction ({@code reversed} when computed from the stored one), with the catalog's fingerprint. */
public record CrosswalkResult(Crosswalk crosswalk, CatalogFingerprint fingerprint) {

    public CrosswalkResult {
        Objects.requireNonNull(crosswalk, "crosswalk");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
