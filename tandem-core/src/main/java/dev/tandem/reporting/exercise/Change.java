package dev.tandem.reporting.exercise;

import java.time.Instant;

/** How one stage differs between the base replay and the shifted one. */
public record Change(String framework, String stage, Instant dueBefore, Instant dueAfter, Outcome before, Outcome after) {
}
