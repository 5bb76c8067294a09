package dev.tandem.advisory.nvd;

import dev.tandem.input.InputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamps the record formats write: NVD 2.0 {@code 2023-03-15T23:15:09.403} (UTC, no zone),
 * NVD 1.1 {@code 2017-08-28T19:29Z}, CVE 5 {@code 2024-01-31T12:14:34.073Z} (RFC 3339, sometimes
 * without a zone). A time without a zone is UTC, as both NVD and the CVE schema say.
 */
final class RecordTimes {

    private static final DateTimeFormatter MINUTES_Z = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmX");

    private RecordTimes() {
    }

    /** The instant of {@code text}; null for "". */
    static Instant parse(RecordNodes n, String text, String pointer) throws InputException {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // next shape
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next shape
        }
        try {
            return OffsetDateTime.parse(text, MINUTES_Z).toInstant();
        } catch (DateTimeParseException e) {
            throw n.error(pointer, "expected a timestamp such as 2023-03-15T23:15:09.403, found \""
                    + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"");
        }
    }
}
