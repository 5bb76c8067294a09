package dev.tandem.usecase.scan;

import dev.tandem.input.InputDocument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot build: the OSV records, the KEV catalogues kept with them, the build time the snapshot
 * records, a day's EPSS scores (CSV, gzip-compressed or not; null for none), and the NVD and CVE
 * records whose CPE configurations it keeps.
 */
public record DbBuildRequest(AdvisoryInput.Osv advisories, List<KevInput> kev, Instant builtAt, InputDocument epss,
        CveInput records) {

    public DbBuildRequest {
        Objects.requireNonNull(advisories, "advisories");
        kev = List.copyOf(kev);
        Objects.requireNonNull(builtAt, "builtAt");
        records = records == null ? CveInput.none() : records;
    }

    /** A build from OSV records only, without EPSS scores. */
    public DbBuildRequest(AdvisoryInput.Osv advisories, List<KevInput> kev, Instant builtAt) {
        this(advisories, kev, builtAt, null, CveInput.none());
    }

    /** A build from OSV records only, with a day's EPSS scores ({@code epss} null for none). */
    public DbBuildRequest(AdvisoryInput.Osv advisories, List<KevInput> kev, Instant builtAt, InputDocument epss) {
        this(advisories, kev, builtAt, epss, CveInput.none());
    }

    /** A build from OSV and NVD/CVE records, without EPSS scores. */
    public DbBuildRequest(AdvisoryInput.Osv advisories, List<KevInput> kev, Instant builtAt, CveInput records) {
        this(advisories, kev, builtAt, null, records);
    }
}
