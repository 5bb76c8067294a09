package dev.tandem.usecase.reporting;

import java.time.LocalDate;
import java.util.Objects;

/** Every framework of the catalog, with whether it is in force {@code on} that date. */
public record FrameworkListRequest(LocalDate on) {

    public FrameworkListRequest {
        Objects.requireNonNull(on, "on");
    }
}
