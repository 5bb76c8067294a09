package dev.tandem.reporting.deadline;

import dev.tandem.reporting.catalog.StagePeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Adds a period to an instant. Hours are elapsed hours (a 24-hour period across a DST change is
 * 24 real hours, 23 or 25 on the wall clock). Days and months are counted on the calendar of
 * {@code zone} at the same local time (31 January + 1 month = 28 or 29 February; a local time
 * that does not exist moves forward by the gap). Business days skip the calendar's weekend days
 * and holidays and keep the local time.
 */
public final class PeriodArithmetic {

    private PeriodArithmetic() {
    }

    public static Instant add(Instant start, StagePeriod period, ZoneId zone, BusinessCalendar calendar) {
        ZonedDateTime local = start.atZone(zone);
        return switch (period.basis()) {
            case HOURS -> start.plus(Duration.ofHours(period.amount()));
            case DAYS -> local.plusDays(period.amount()).toInstant();
            case MONTHS -> local.plusMonths(period.amount()).toInstant();
            case BUSINESS_DAYS -> {
                LocalDate day = local.toLocalDate();
                for (int i = 0; i < period.amount(); i++) {
                    day = calendar.nextWorkingDay(day);
                }
                yield ZonedDateTime.of(day, local.toLocalTime(), zone).toInstant();
            }
            case ASAP -> throw new IllegalArgumentException("a period without a fixed length (" + period.asap() + ") has no end to compute");
        };
    }
}
