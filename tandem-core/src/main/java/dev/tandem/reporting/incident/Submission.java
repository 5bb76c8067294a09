package dev.tandem.reporting.incident;

import java.time.OffsetDateTime;

/** A report already made: which framework and stage, when, and where it sits in the record ({@code /submissions/0}). */
public record Submission(String framework, String stage, OffsetDateTime at, String path) {
}
