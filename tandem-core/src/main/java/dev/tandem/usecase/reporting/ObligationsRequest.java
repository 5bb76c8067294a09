package dev.tandem.usecase.reporting;

import dev.tandem.reporting.obligation.ObligationEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which reports an incident record owes as of {@code at}.
 *
 * @param dueSoon a stage due within this window of {@code at} is "due soon"
 * @param strict  any warning about the record fails like an error
 * @param generatedAt when the front end asked (documents print it beside {@code at}); null when not said
 */
public record ObligationsRequest(IncidentInput incident, Instant at, Duration dueSoon, boolean strict, Instant generatedAt) {

    /** A request whose generation instant is not said. */
    public ObligationsRequest(IncidentInput incident, Instant at, Duration dueSoon, boolean strict) {
        this(incident, at, dueSoon, strict, null);
    }

    public ObligationsRequest {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dueSoon, "dueSoon");
        if (dueSoon.isNegative()) {
            throw new IllegalArgumentException("the due-soon window must not be negative");
        }
    }

    /** The default window (24 hours), warnings allowed. */
    public static ObligationsRequest of(IncidentInput incident, Instant at) {
        return new ObligationsRequest(incident, at, ObligationEngine.DEFAULT_DUE_SOON, false);
    }
}
