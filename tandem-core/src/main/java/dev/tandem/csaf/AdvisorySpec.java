package dev.tandem.csaf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a CSAF document says about itself, beyond the findings: its profile, publisher, tracking id,
 * status, title, TLP label, the instant of this revision, the earlier revisions it continues, and
 * notes to add (such as the CRA Art. 14(8) user notice).
 *
 * @param trackingId   the document's id; empty to derive one from the product and the date
 * @param title        empty to derive one from the products and the number of vulnerabilities
 * @param previous     the tracking of the version this one supersedes, or null for a first version
 * @param summary      what changed in this revision; empty for the default wording
 * @param knownExploitedOnly keep only vulnerabilities listed as known exploited (the Art. 14(8) notice)
 */
public record AdvisorySpec(CsafProfile profile, CsafDocument.Publisher publisher, String trackingId, String status,
        String title, String tlp, Instant at, CsafDocument.Tracking previous, String summary, List<CsafDocument.Note> notes,
        boolean knownExploitedOnly) {

    public AdvisorySpec {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(publisher, "publisher");
        trackingId = trackingId == null ? "" : trackingId.strip();
        status = status == null || status.isBlank() ? "final" : status.strip();
        title = title == null ? "" : title.strip();
        tlp = tlp == null || tlp.isBlank() ? "WHITE" : tlp.strip();
        Objects.requireNonNull(at, "at");
        summary = summary == null ? "" : summary.strip();
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
