package dev.tandem.usecase.vex;

import dev.tandem.csaf.CsafDocument;
import dev.tandem.usecase.scan.ScanResult;
import java.util.List;
import java.util.Objects;

/**
 * A CSAF document, its file name under CSAF 2.0 §5.1, the scan it was built from (with the decisions
 * applied), and warnings (decisions that matched nothing or contradict each other, defaults taken).
 */
public record AdvisoryResult(CsafDocument document, String fileName, ScanResult scan, List<String> warnings) {

    public AdvisoryResult {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(scan, "scan");
        warnings = List.copyOf(warnings);
    }
}
