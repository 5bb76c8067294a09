package dev.tandem.usecase.vex;

import dev.tandem.csaf.CsafProfile;
import dev.tandem.input.InputDocument;
import dev.tandem.usecase.scan.ScanRequest;
import java.util.List;
import java.util.Objects;

/**
 * A CSAF advisory from findings and decisions: the scan to run (its instant is the revision's date),
 * the triage decisions files, the profile, the publisher and the tracking data.
 */
public record AdvisoryRequest(ScanRequest scan, List<InputDocument> decisions, CsafProfile profile, Publisher publisher,
        Tracking tracking) {

    public AdvisoryRequest {
        Objects.requireNonNull(scan, "scan");
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(profile, "profile");
        publisher = publisher == null ? Publisher.FROM_SBOMS : publisher;
        tracking = tracking == null ? Tracking.DEFAULT : tracking;
    }
}
