package dev.tandem.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 timestamps as OSV records write them ({@code 2024-01-31T12:00:00Z},
 * {@code 2024-01-31T12:00:00.123456+02:00}), read by hand: {@link DateTimeFormatter} was 8 % of
 * {@code db build} (issue 20). Exactly {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s answers:
 * the common shape is read here, anything else (lower-case {@code t} or {@code z}, no seconds, a
 * leap second, a year beyond four digits, an impossible date) goes to the formatter, which accepts
 * or rejects it as before.
 */
final class Rfc3339 {

    private Rfc3339() {
    }

    /** The instant of {@code text} (already stripped). */
    static Instant parse(String text) throws DateTimeParseException {
        Instant fast = fastPath(text);
        return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} with every field in range, else null. */
    static Instant fastPath(CharSequence t) {
        return fastPath(t, null);
    }

    /** As {@link #fastPath(CharSequence)}, the instant taken from {@code repeated} (null: a new one). */
    static Instant fastPath(CharSequence t, RepeatedValues repeated) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (t.charAt(at) == '.') {
            int start = ++at;
            while (at < n && t.charAt(at) >= '0' && t.charAt(at) <= '9') {
                at++;
            }
            int length = at - start;
            if (length < 1 || length > 9) {
                return null;
            }
            nanos = digits(t, start, length);
            for (int i = length; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offset;
        if (at == n - 1 && t.charAt(at) == 'Z') {
            offset = 0;
        } else if (at == n - 6 && (t.charAt(at) == '+' || t.charAt(at) == '-') && t.charAt(at + 3) == ':') {
            int hours = digits(t, at + 1, 2);
            int minutes = digits(t, at + 4, 2);
            if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
                return null;
            }
            offset = (hours * 3600 + minutes * 60) * (t.charAt(at) == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (day > lengthOfMonth(year, month)) {
            return null; // 31 April, 29 February of a common year: the formatter gives the error
        }
        long seconds = epochDay(year, month, day) * 86_400 + hour * 3_600L + minute * 60L + second - offset;
        return repeated == null ? Instant.ofEpochSecond(seconds, nanos) : repeated.instant(seconds, nanos);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Days since 1970-01-01 of a valid proleptic Gregorian date of years 0-9999, as
     * {@link LocalDate#toEpochDay()} counts them (days from a March-based year: no leap-year test per call).
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** The decimal value of {@code length} ASCII digits at {@code from}, or -1. */
    private static int digits(CharSequence t, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
