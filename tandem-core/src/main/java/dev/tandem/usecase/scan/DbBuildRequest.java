package dev.tandem.usecase.scan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot build: the OSV records, the KEV catalogues kept with them, the build time the snapshot
 * records, and the NVD and CVE records whose CPE configurations it keeps.
 */
public record DbBuildRequest(AdvisoryInput.Osv advisories, List<KevInput> kev, Instant builtAt, CveInput records) {

    public DbBuildRequest {
        Objects.requireNonNull(advisories, "advisories");
        kev = List.copyOf(kev);
        Objects.requireNonNull(builtAt, "builtAt");
        records = records == null ? CveInput.none() : records;
    }

    /** A build from OSV records only. */
    public DbBuildRequest(AdvisoryInput.Osv advisories, List<KevInput> kev, Instant builtAt) {
        this(advisories, kev, builtAt, CveInput.none());
    }
}
