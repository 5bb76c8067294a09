package dev.tandem.usecase.reporting;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.incident.IncidentReader;
import dev.tandem.reporting.incident.RecordIssue;
import dev.tandem.usecase.Provenance;
import java.util.List;

/** Reads the incident record of a request the same way for every reporting use case. */
final class IncidentRecords {

    private IncidentRecords() {
    }

    /** Reads (or takes) the record; in strict mode its first warning fails like an error, naming the record and the pointer. */
    static IncidentReadResult read(IncidentInput input, ReportingCatalog catalog, boolean strict) throws InputException {
        IncidentReadResult read = switch (input) {
            case IncidentInput.Document document -> new IncidentReader(catalog).read(document.document());
            case IncidentInput.Parsed parsed -> parsed.read();
        };
        if (strict && !read.issues().isEmpty()) {
            RecordIssue first = read.issues().get(0);
            int more = read.issues().size() - 1;
            throw new InputException(input.source(), InputPosition.pointer(first.path()), "strict mode refuses every warning: "
                    + first.message() + (more > 0 ? " (and " + more + " more warning" + (more == 1 ? "" : "s") + ")" : ""));
        }
        return read;
    }

    /** The record as an input of a document: hashed when the use case was handed its bytes. */
    static List<Provenance.Input> inputs(IncidentInput input) {
        return List.of(switch (input) {
            case IncidentInput.Document document -> Provenance.Input.of("incident record", document.document());
            case IncidentInput.Parsed parsed -> Provenance.Input.named("incident record", parsed.source());
        });
    }

    /** Problems in a record as warnings for the front end: "record.json: /event/x: unknown key 'x' ignored". */
    static List<String> warnings(String source, List<RecordIssue> issues) {
        return issues.stream().map(issue -> source + ": " + issue.describe()).toList();
    }
}
