package dev.tandem.usecase.reporting;

import dev.tandem.input.InputDocument;
import dev.tandem.reporting.exercise.Shift;
import java.time.Instant;
import java.util.Objects;

/**
 * A scenario to replay until its own end, and optionally once more with one timeline event moved.
 *
 * @param shift the what-if, or null for a single replay
 * @param generatedAt when the front end asked; null when not said
 */
public record ExerciseRequest(InputDocument scenario, Shift shift, Instant generatedAt) {

    public ExerciseRequest {
        Objects.requireNonNull(scenario, "scenario");
    }

    /** A request whose generation instant is not said. */
    public ExerciseRequest(InputDocument scenario, Shift shift) {
        this(scenario, shift, null);
    }

    /** A single replay. */
    public static ExerciseRequest of(InputDocument scenario) {
        return new ExerciseRequest(scenario, null);
    }
}
