package dev.tandem.reporting.exercise;

import java.time.Instant;

/**
 * One line of the merged timeline: an event of the scenario, a submission, or a due instant
 * (with the stage's outcome). {@code side} is EU, US, or empty for the scenario's own events.
 */
public record TimelineEntry(Instant at, String type, String side, String framework, String stage, String label,
        Outcome outcome, boolean inForce, boolean provisional) {
}
