package dev.tandem.usecase.scan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A snapshot build: the OSV records, the KEV catalogues kept with them, and the build time the snapshot records. */
public record DbBuildRequest(AdvisoryInput.Osv advisories, List<KevInput> kev, Instant builtAt) {

    public DbBuildRequest {
        Objects.requireNonNull(advisories, "advisories");
        kev = List.copyOf(kev);
        Objects.requireNonNull(builtAt, "builtAt");
    }
}
