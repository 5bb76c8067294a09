package dev.tandem.reporting.deadline;

import dev.tandem.reporting.catalog.CountingPart;
import dev.tandem.reporting.catalog.CountingRule;
import dev.tandem.reporting.catalog.StagePeriod;
import dev.tandem.reporting.catalog.TimeBasis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies a counting rule's provisions, in catalog order, to a stage's plain deadline and returns
 * the later outer limit, if any. Each effect:
 * {@code start-next-full-hour} counts an hour period from the end of the hour in which the clock started;
 * {@code end-of-last-day} moves the limit to the end (24:00) of its last day;
 * {@code next-working-day-end} moves a limit whose last day is not a working day to the end of the next working day;
 * {@code next-working-day-noon} moves a deadline on a non-working day to 12:00 of the next working day.
 */
public final class LegalLimits {

    private LegalLimits() {
    }

    /**
     * @param calendars finds a calendar by id
     * @param stageId   the stage, for provisions that except some stages
     * @param roles     the entity's roles, for provisions that except some entities
     */
    public static Optional<LegalLimit> of(CountingRule rule, String stageId, Collection<String> roles, Instant clockStart,
            Instant due, StagePeriod period, ZoneId zone, Function<String, BusinessCalendar> calendars) {
        TimeBasis basis = period.basis();
        Instant limit = due;
        LocalDate lastDay = due.atZone(zone).toLocalDate();
        List<AppliedRule> applied = new ArrayList<>();
        for (CountingPart part : rule.parts()) {
            if (!part.appliesTo(basis)) {
                continue;
            }
            boolean excepted = part.exceptStages().contains(stageId) && part.exceptRoleAny().stream().anyMatch(roles::contains);
            if (excepted) {
                applied.add(new AppliedRule(rule.id() + "/" + part.id(), "Not applied: " + part.text(),
                        part.exceptSource(), part.confidence(), part.note(), false));
                continue;
            }
            Instant moved = switch (part.effect()) {
                case "start-next-full-hour" -> {
                    // Art 3(1): "the hour during which that event occurs" is not counted; an event at
                    // 23:00:00 occurs during the hour 23:00-24:00, so the period starts at 24:00.
                    Instant hour = clockStart.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
                    yield hour.plus(Duration.ofHours(1)).plus(Duration.ofHours(period.amount()));
                }
                case "end-of-last-day" -> endOfDay(lastDay, zone);
                case "next-working-day-end" -> {
                    BusinessCalendar calendar = calendars.apply(part.calendar());
                    if (!calendar.isWorkingDay(lastDay)) {
                        lastDay = calendar.nextWorkingDay(lastDay);
                        yield endOfDay(lastDay, zone);
                    }
                    yield limit;
                }
                case "next-working-day-noon" -> {
                    BusinessCalendar calendar = calendars.apply(part.calendar());
                    LocalDate day = limit.atZone(zone).toLocalDate();
                    yield calendar.isWorkingDay(day) ? limit
                            : ZonedDateTime.of(calendar.nextWorkingDay(day), LocalTime.NOON, zone).toInstant();
                }
                default -> throw new IllegalStateException("unknown counting effect " + part.effect());
            };
            if (moved.isAfter(limit)) {
                limit = moved;
                applied.add(new AppliedRule(rule.id() + "/" + part.id(), part.text(), part.source(), part.confidence(),
                        part.note(), true));
            }
        }
        return limit.isAfter(due) ? Optional.of(new LegalLimit(limit, applied)) : Optional.empty();
    }

    private static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
