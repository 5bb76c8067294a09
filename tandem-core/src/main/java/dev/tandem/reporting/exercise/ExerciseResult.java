package dev.tandem.reporting.exercise;

import java.util.List;

/** An exercise: the base replay, and with a shift the shifted replay and the differences. */
public record ExerciseResult(Scenario scenario, Replay base, Shift shift, Replay shifted, List<Change> changes) {

    public ExerciseResult {
        changes = List.copyOf(changes);
    }
}
