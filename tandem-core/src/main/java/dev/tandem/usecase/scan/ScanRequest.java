package dev.tandem.usecase.scan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One scan: the SBOMs in the order their reports should come, the advisories, the known-exploited
 * catalogues (over a snapshot, each catalogue given replaces the snapshot's assertions of it), and
 * the instant the report states as the time of the scan.
 */
public record ScanRequest(List<SbomInput> sboms, AdvisoryInput advisories, List<KevInput> kev, Instant scannedAt) {

    public ScanRequest {
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
