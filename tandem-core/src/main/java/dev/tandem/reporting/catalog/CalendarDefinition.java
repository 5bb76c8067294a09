package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
import java.time.DayOfWeek;
import java.util.List;

/** A holiday calendar as written in {@code catalog/calendars/}: weekend days, holiday rules, observed-day rule. */
public record CalendarDefinition(String id, String name, String source, Confidence confidence, List<DayOfWeek> weekend,
        ObservedRule observed, List<String> notes, List<HolidayRule> holidays) {

    public CalendarDefinition {
        weekend = weekend == null ? List.of() : List.copyOf(weekend);
        notes = notes == null ? List.of() : List.copyOf(notes);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
