package dev.tandem.reporting.exercise;

import dev.tandem.reporting.incident.IncidentReadResult;
import java.time.Instant;

/** A bundled or user scenario: a title, a description, the instant the exercise ends, and the incident. */
public record Scenario(String source, String title, String description, Instant until, IncidentReadResult incident) {
}
