package dev.tandem.usecase.scan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One scan: the SBOMs in the order their reports should come, the OSV advisories, the NVD and CVE
 * records to match by CPE (beside OSV files or documents; a snapshot or a prebuilt index carries its
 * own), the known-exploited catalogues (over a snapshot, each catalogue given replaces the
 * snapshot's assertions of it), and the instant the report states as the time of the scan.
 */
public record ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
        CveInput records) {

    public ScanRequest {
        sboms = List.copyOf(sboms);
        Objects.requireNonNull(advisories, "advisories");
        kev = List.copyOf(kev);
        Objects.requireNonNull(scannedAt, "scannedAt");
        records = records == null ? CveInput.none() : records;
        if (advisories instanceof AdvisoryInput.Index && !kev.isEmpty()) {
            throw new IllegalArgumentException("a prebuilt index has its KEV assertions joined already; "
                    + "build the index with the KEV catalogues instead");
        }
        if (!(advisories instanceof AdvisoryInput.Osv) && !records.isEmpty()) {
            throw new IllegalArgumentException("a snapshot or a prebuilt index holds its NVD and CVE records already; "
                    + "build it with the records instead");
        }
    }

    /** A scan without NVD or CVE records of its own. */
    public ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt) {
        this(sboms, advisories, kev, scannedAt, CveInput.none());
    }
}
