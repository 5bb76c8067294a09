package dev.tandem.usecase.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The comparison of some frameworks (all when {@code frameworks} is empty), with the in-force
 * column evaluated {@code on} that date.
 */
public record ComparisonRequest(List<String> frameworks, LocalDate on, Instant generatedAt) {

    public ComparisonRequest {
        frameworks = List.copyOf(frameworks);
        Objects.requireNonNull(on, "on");
    }

    /** A request whose generation instant is not said. */
    public ComparisonRequest(List<String> frameworks, LocalDate on) {
        this(frameworks, on, null);
    }
}
