package dev.tandem.reporting.exercise;

import java.util.List;

/** An exercise: the base replay, and with a shift the shifted replay and the differences. */
public record ExerciseRun(Scenario scenario, Replay base, Shift shift, Replay shifted, List<Change> changes) {

    public ExerciseRun {
        changes = List.copyOf(changes);
    }
}
