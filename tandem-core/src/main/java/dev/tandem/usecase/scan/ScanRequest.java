package dev.tandem.usecase.scan;

import dev.tandem.input.InputDocument;
import dev.tandem.triage.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One scan: the SBOMs in the order their reports should come, the OSV advisories, the known-exploited
 * catalogues (over a snapshot, each catalogue given replaces the snapshot's assertions of it), the
 * instant the report states as the time of the scan, the NVD and CVE records to match by CPE (beside
 * OSV files or documents; a snapshot or a prebuilt index carries its own), what people said about
 * findings (ignore entries, VEX statements, triage decisions; ignore entries expire by the scan's UTC
 * date), an ignore file whose entries join them (docs/formats/ignore-file.md; null: none), a day's
 * EPSS scores (null: those of the snapshot, if it has any) and a previous scan's JSON report to
 * compare with (null: none).
 */
public record ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
        CveInput records, List<Statement> statements, InputDocument ignoreFile, InputDocument epss,
        InputDocument baseline) {

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

    /** A scan with NVD or CVE records, without triage statements. */
    public ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
            CveInput records) {
        this(sboms, advisories, kev, scannedAt, records, List.of());
    }

    /** A scan with triage statements, without NVD or CVE records of its own, ignore file, EPSS file or baseline. */
    public ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
            List<Statement> statements) {
        this(sboms, advisories, kev, scannedAt, CveInput.none(), statements);
    }

    /** A scan with NVD or CVE records and triage statements, without ignore file, EPSS file or baseline. */
    public ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
            CveInput records, List<Statement> statements) {
        this(sboms, advisories, kev, scannedAt, records, statements, null, null, null);
    }

    /** A scan without NVD or CVE records of its own. */
    public ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
            List<Statement> statements, InputDocument ignoreFile, InputDocument epss, InputDocument baseline) {
        this(sboms, advisories, kev, scannedAt, CveInput.none(), statements, ignoreFile, epss, baseline);
    }

    /** The same scan with the entries of an ignore file added to its statements. */
    public ScanRequest withIgnoreFile(InputDocument document) {
        return new ScanRequest(sboms, advisories, kev, scannedAt, records, statements, document, epss, baseline);
    }

    /** The same scan with EPSS scores read from {@code document} (CSV, gzip-compressed or not). */
    public ScanRequest withEpss(InputDocument document) {
        return new ScanRequest(sboms, advisories, kev, scannedAt, records, statements, ignoreFile, document, baseline);
    }

    /** The same scan compared with a previous scan's JSON report. */
    public ScanRequest withBaseline(InputDocument document) {
        return new ScanRequest(sboms, advisories, kev, scannedAt, records, statements, ignoreFile, epss, document);
    }

    /** The same scan with these triage statements. */
    public ScanRequest withStatements(List<Statement> more) {
        return new ScanRequest(sboms, advisories, kev, scannedAt, records, more, ignoreFile, epss, baseline);
    }
}
