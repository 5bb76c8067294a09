package dev.tandem.usecase.reporting;

import dev.tandem.input.InputDocument;
import dev.tandem.reporting.exercise.Shift;
import java.util.Objects;

/**
 * A scenario to replay until its own end, and optionally once more with one timeline event moved.
 *
 * @param shift the what-if, or null for a single replay
 */
public record ExerciseRequest(InputDocument scenario, Shift shift) {

    public ExerciseRequest {
        Objects.requireNonNull(scenario, "scenario");
    }

    /** A single replay. */
    public static ExerciseRequest of(InputDocument scenario) {
        return new ExerciseRequest(scenario, null);
    }
}
