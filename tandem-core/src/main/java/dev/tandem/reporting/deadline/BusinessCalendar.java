package dev.tandem.reporting.deadline;

import dev.tandem.reporting.catalog.CalendarDefinition;
import dev.tandem.reporting.catalog.HolidayRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Working days of a catalog calendar: weekend days and (observed) holidays are not working days. */
public final class BusinessCalendar {

    private final CalendarDefinition definition;
    private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    public BusinessCalendar(CalendarDefinition definition) {
        this.definition = definition;
    }

    public CalendarDefinition definition() {
        return definition;
    }

    public boolean isWorkingDay(LocalDate day) {
        return !definition.weekend().contains(day.getDayOfWeek()) && holiday(day).isEmpty();
    }

    /** The holiday observed on {@code day}, if any ("Thanksgiving Day", "Independence Day (observed)"). */
    public Optional<String> holiday(LocalDate day) {
        return Optional.ofNullable(observedIn(day.getYear()).get(day));
    }

    /** Every observed holiday dated in {@code year}, in date order. */
    public Map<LocalDate, String> observedIn(int year) {
        return byYear.computeIfAbsent(year, this::compute);
    }

    private Map<LocalDate, String> compute(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        // A 1 January on a Saturday is observed on 31 December of the year before.
        for (int y = year - 1; y <= year + 1; y++) {
            for (HolidayRule rule : definition.holidays()) {
                if (rule.fromYear() != null && y < rule.fromYear()) {
                    continue;
                }
                LocalDate actual = dateOf(rule, y);
                LocalDate observed = observed(actual);
                if (observed.getYear() == year) {
                    days.put(observed, observed.equals(actual) ? rule.name() : rule.name() + " (observed)");
                }
            }
        }
        return days;
    }

    private static LocalDate dateOf(HolidayRule rule, int year) {
        if (rule.day() != null) {
            return LocalDate.of(year, rule.month(), rule.day());
        }
        LocalDate first = LocalDate.of(year, rule.month(), 1);
        if (rule.nth() < 0) {
            return first.with(TemporalAdjusters.lastInMonth(rule.weekday()));
        }
        return first.with(TemporalAdjusters.dayOfWeekInMonth(rule.nth(), rule.weekday()));
    }

    private LocalDate observed(LocalDate actual) {
        if (definition.observed() == null) {
            return actual;
        }
        if (actual.getDayOfWeek() == DayOfWeek.SATURDAY && "previous-friday".equals(definition.observed().saturday())) {
            return actual.minusDays(1);
        }
        if (actual.getDayOfWeek() == DayOfWeek.SUNDAY && "next-monday".equals(definition.observed().sunday())) {
            return actual.plusDays(1);
        }
        return actual;
    }

    /** The first working day strictly after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int guard = 0; !isWorkingDay(next); guard++) {
            if (guard > 366) {
                throw new IllegalStateException("calendar " + definition.id() + " has no working day within a year");
            }
            next = next.plusDays(1);
        }
        return next;
    }
}
