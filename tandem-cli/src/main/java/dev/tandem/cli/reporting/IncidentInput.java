package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.incident.IncidentReader;
import dev.tandem.reporting.incident.RecordIssue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Reads the incident record and the {@code --at} instant the same way for every reporting command. */
final class IncidentInput {

    private IncidentInput() {
    }

    static ReportingCatalog catalog() {
        return CatalogLoader.bundled();
    }

    /** Reads the record; with {@code strict}, any warning fails like an error (exit 2). */
    static IncidentReadResult read(Path file, boolean strict) throws IOException, InputException {
        IncidentReadResult read = new IncidentReader(catalog()).read(file);
        if (strict && !read.issues().isEmpty()) {
            RecordIssue first = read.issues().get(0);
            throw new InputException(file.toString(), InputPosition.pointer(first.path()), "--strict: " + first.message()
                    + (read.issues().size() > 1 ? " (and " + (read.issues().size() - 1) + " more warnings)" : ""));
        }
        return read;
    }

    /** Prints the record's problems on standard error, so that they are seen whatever the format. */
    static void warn(Path file, java.util.List<RecordIssue> issues, PrintWriter err) {
        for (RecordIssue issue : issues) {
            err.println("tandem: " + issue.severity().label() + ": " + file + ": " + issue.describe());
        }
        err.flush();
    }

    /** Parses {@code --at}: an instant with Z or an offset; a local date-time is refused as ambiguous. */
    static Instant at(String text) {
        if (text == null) {
            return Instant.now();
        }
        try {
            if (text.endsWith("]")) {
                return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
            }
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new UsageException("--at '" + text + "' is not an ISO-8601 instant with offset, e.g. 2026-11-21T12:00:00Z");
        }
    }
}
