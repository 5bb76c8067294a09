package dev.tandem.usecase.vex;

import dev.tandem.input.InputDocument;
import dev.tandem.usecase.scan.ScanRequest;
import java.util.List;
import java.util.Objects;

/** CycloneDX VEX or OpenVEX from the same inputs as a CSAF advisory: a scan, the decisions, the publisher (the author). */
public record VexRequest(ScanRequest scan, List<InputDocument> decisions, Publisher publisher) {

    public VexRequest {
        Objects.requireNonNull(scan, "scan");
        decisions = List.copyOf(decisions);
        publisher = publisher == null ? Publisher.FROM_SBOMS : publisher;
    }
}
