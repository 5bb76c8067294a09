package dev.tandem.usecase.scan;

import dev.tandem.triage.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One scan: the SBOMs in the order their reports should come, the OSV advisories, the known-exploited
 * catalogues (over a snapshot, each catalogue given replaces the snapshot's assertions of it), the
 * instant the report states as the time of the scan, the NVD and CVE records to match by CPE (beside
 * OSV files or documents; a snapshot or a prebuilt index carries its own), and what people said about
 * findings (ignore entries, VEX statements, triage decisions; ignore entries expire by the scan's UTC
 * date).
 */
public record ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
        CveInput records, List<Statement> statements) {

    public ScanRequest {
        statements = List.copyOf(statements);
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

    /** A scan without NVD or CVE records of its own and without triage statements. */
    public ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt) {
        this(sboms, advisories, kev, scannedAt, CveInput.none(), List.of());
    }

    /** A scan without triage statements. */
    public ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
            CveInput records) {
        this(sboms, advisories, kev, scannedAt, records, List.of());
    }

    /** A scan without NVD or CVE records of its own. */
    public ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
            List<Statement> statements) {
        this(sboms, advisories, kev, scannedAt, CveInput.none(), statements);
    }
}
