package dev.tandem.usecase.reporting;

import java.time.Instant;
import java.util.Objects;

/**
 * The draft of one stage's report from an incident record; the deadline and status in its header
 * are computed as of {@code at}.
 *
 * @param strict any warning about the record fails like an error
 * @param generatedAt when the front end asked (documents print it beside {@code at}); null when not said
 */
public record ReportDraftRequest(IncidentInput incident, String framework, String stage, Instant at, boolean strict,
        Instant generatedAt) {

    /** A request whose generation instant is not said. */
    public ReportDraftRequest(IncidentInput incident, String framework, String stage, Instant at, boolean strict) {
        this(incident, framework, stage, at, strict, null);
    }

    public ReportDraftRequest {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(at, "at");
    }
}
