package dev.tandem.usecase.scan;

import dev.tandem.triage.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One scan: the SBOMs in the order their reports should come, the advisories, the known-exploited
 * catalogues (over a snapshot, each catalogue given replaces the snapshot's assertions of it), and
 * the instant the report states as the time of the scan, and what people said about findings (ignore
 * entries, VEX statements, triage decisions; ignore entries expire by the scan's UTC date).
 */
public record ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt,
        List<Statement> statements) {

    /** A scan without triage statements. */
    public ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt) {
        this(sboms, advisories, kev, scannedAt, List.of());
    }

    public ScanRequest {
        statements = List.copyOf(statements);
        sboms = List.copyOf(sboms);
        Objects.requireNonNull(advisories, "advisories");
        kev = List.copyOf(kev);
        Objects.requireNonNull(scannedAt, "scannedAt");
        if (advisories instanceof AdvisoryInput.Index && !kev.isEmpty()) {
            throw new IllegalArgumentException("a prebuilt index has its KEV assertions joined already; "
                    + "build the index with the KEV catalogues instead");
        }
    }
}
