package dev.tandem.cli.options;

import dev.tandem.cli.exit.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The one place the CLI reads "now": the instant in {@code SOURCE_DATE_EPOCH} (seconds since
 * 1970-01-01T00:00:00Z, the reproducible-builds convention) when that variable is set, else the clock.
 * So a document generated twice from the same inputs with the variable set is the same, byte for byte.
 * The core never reads the clock: every use case gets this instant from its command.
 */
public final class Now {

    /** The environment variable (https://reproducible-builds.org/specs/source-date-epoch/). */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    private Now() {
    }

    /** Now: {@code SOURCE_DATE_EPOCH} when set, else the system clock. */
    public static Instant instant() {
        return of(System.getenv(), Clock.systemUTC());
    }

    /** Today in UTC, the day of {@link #instant()}. */
    public static LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
    }

    /**
     * The instant {@code environment} fixes, else {@code clock}'s. An empty value counts as unset (as the
     * convention's reference tools treat it); anything but a whole number of seconds is refused rather than
     * replaced by the clock, since a build that asked for a fixed date must not silently get another.
     */
    static Instant of(Map<String, String> environment, Clock clock) {
        String value = environment.get(SOURCE_DATE_EPOCH);
        if (value == null || value.isBlank()) {
            return clock.instant();
        }
        String seconds = value.strip();
        if (!seconds.matches("[0-9]{1,12}")) {
            throw new UsageException(SOURCE_DATE_EPOCH + "='" + value + "' is not a whole number of seconds since"
                    + " 1970-01-01T00:00:00Z (unset it, or give e.g. 1767225600 for 2026-01-01T00:00:00Z)");
        }
        return Instant.ofEpochSecond(Long.parseLong(seconds));
    }
}
