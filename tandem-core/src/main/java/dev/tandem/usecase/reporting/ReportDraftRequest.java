package dev.tandem.usecase.reporting;

import java.time.Instant;
import java.util.Objects;

/**
 * The draft of one stage's report from an incident record; the deadline and status in its header
 * are computed as of {@code at}.
 *
 * @param strict any warning about the record fails like an error
 */
public record ReportDraftRequest(IncidentInput incident, String framework, String stage, Instant at, boolean strict) {

    public ReportDraftRequest {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(at, "at");
    }
}
