package dev.tandem.usecase.scan;

import dev.tandem.input.InputDocument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot build: the OSV records, the KEV catalogues kept with them, a day's EPSS scores (CSV,
 * gzip-compressed or not; null for none) and the build time the snapshot records.
 */
public record DbBuildRequest(AdvisoryInput.Osv advisories, List<KevInput> kev, Instant builtAt, InputDocument epss) {

    public DbBuildRequest {
        Objects.requireNonNull(advisories, "advisories");
        kev = List.copyOf(kev);
        Objects.requireNonNull(builtAt, "builtAt");
    }

    /** A build without EPSS scores. */
    public DbBuildRequest(AdvisoryInput.Osv advisories, List<KevInput> kev, Instant builtAt) {
        this(advisories, kev, builtAt, null);
    }
}
