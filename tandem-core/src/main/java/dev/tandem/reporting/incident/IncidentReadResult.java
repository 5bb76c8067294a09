package dev.tandem.reporting.incident;

import java.util.List;

/** A record that could be read, with the warnings found while reading it. */
public record IncidentReadResult(IncidentRecord record, List<RecordIssue> issues) {

    public IncidentReadResult {
        issues = List.copyOf(issues);
    }
}
