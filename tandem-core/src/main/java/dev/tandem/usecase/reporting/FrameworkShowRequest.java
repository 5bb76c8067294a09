package dev.tandem.usecase.reporting;

import java.time.LocalDate;
import java.util.Objects;

/** One framework by id, with whether it is in force {@code on} that date. */
public record FrameworkShowRequest(String id, LocalDate on) {

    public FrameworkShowRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(on, "on");
    }
}
