package dev.tandem.reporting.catalog;

import java.time.DayOfWeek;

/** A holiday: a fixed date ({@code month}, {@code day}) or the nth weekday of a month ({@code nth} -1 = last). */
public record HolidayRule(String name, int month, Integer day, DayOfWeek weekday, Integer nth, Integer fromYear) {
}
