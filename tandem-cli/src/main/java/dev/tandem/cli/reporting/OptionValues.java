package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.Now;
import dev.tandem.reporting.exercise.Shift;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The values of the reporting commands' options, parsed with messages that name the option; "now" is supplied here. */
final class OptionValues {

    private OptionValues() {
    }

    /** {@code --at}: an instant with Z or an offset, now when absent; a local date-time is refused as ambiguous. */
    static Instant at(String text) {
        return at(text, Now.instant());
    }

    /** {@code --at}, or {@code now} when absent. */
    static Instant at(String text, Instant now) {
        if (text == null) {
            return now;
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

    /** {@code --on}: a date, today in UTC when absent. */
    static LocalDate on(String text) {
        if (text == null) {
            return Now.today();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--on '" + text + "' is not a date such as 2026-11-22");
        }
    }

    /** {@code --due-soon}: a non-negative ISO-8601 duration. */
    static Duration dueSoon(String text) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative()) {
                throw new UsageException("--due-soon must not be negative");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new UsageException("--due-soon '" + text + "' is not an ISO-8601 duration such as PT24H");
        }
    }

    /** {@code --shift EVENT=DURATION} ({@code materialityDeterminedAt=P2D}, {@code awareAt=-PT6H}); null when absent. */
    static Shift shift(String text) {
        if (text == null) {
            return null;
        }
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--shift needs EVENT=DURATION, e.g. materialityDeterminedAt=P2D");
        }
        try {
            return new Shift(text.substring(0, eq), Duration.parse(text.substring(eq + 1)));
        } catch (DateTimeParseException e) {
            throw new UsageException("--shift duration '" + text.substring(eq + 1)
                    + "' is not an ISO-8601 duration such as P2D or -PT6H");
        }
    }
}
