package dev.tandem.usecase.vex;

import dev.tandem.input.InputDocument;
import dev.tandem.usecase.scan.ScanRequest;
import java.util.List;
import java.util.Objects;

/**
 * The CRA Art. 14(8) notice to the users of products: the scan, the triage decisions, the publisher and
 * the tracking of the CSAF document that carries it.
 */
public record UserNoticeRequest(ScanRequest scan, List<InputDocument> decisions, Publisher publisher, Tracking tracking) {

    public UserNoticeRequest {
        Objects.requireNonNull(scan, "scan");
        decisions = List.copyOf(decisions);
        publisher = publisher == null ? Publisher.FROM_SBOMS : publisher;
        tracking = tracking == null ? Tracking.DEFAULT : tracking;
    }
}
