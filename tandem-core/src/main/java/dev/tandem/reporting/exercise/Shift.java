package dev.tandem.reporting.exercise;

import java.time.Duration;

/** A what-if: move one timeline event by an elapsed duration (may be negative). */
public record Shift(String event, Duration by) {
}
