package dev.tandem.reporting.obligation;

import dev.tandem.reporting.catalog.Condition;
import dev.tandem.reporting.incident.Event;
import dev.tandem.reporting.incident.IncidentRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Evaluates a catalog {@link Condition} against an incident record. */
public final class Conditions {

    private Conditions() {
    }

    public static boolean holds(Condition condition, IncidentRecord record) {
        return failingParts(condition, record).isEmpty();
    }

    /**
     * The parts of {@code condition} that do not hold, in words ("role cra-manufacturer",
     * "event.kind vulnerability"); empty when it holds. A count the record lacks does not hold.
     */
    public static List<String> failingParts(Condition condition, IncidentRecord record) {
        return failures(condition, record).stream().map(Failure::text).toList();
    }

    /**
     * Whether the condition fails only because the record lacks a number it tests: what it
     * decides cannot be decided yet, and a front end should say so rather than drop it.
     */
    public static boolean undecided(Condition condition, IncidentRecord record) {
        List<Failure> failures = failures(condition, record);
        return !failures.isEmpty() && failures.stream().allMatch(Failure::countMissing);
    }

    private record Failure(String text, boolean countMissing) {
    }

    private static List<Failure> failures(Condition condition, IncidentRecord record) {
        List<Failure> failing = new ArrayList<>();
        Event event = record.event();
        if (!condition.roleAny().isEmpty() && condition.roleAny().stream().noneMatch(record.entity()::hasRole)) {
            failing.add(new Failure("role " + String.join(" or ", condition.roleAny()), false));
        }
        for (String role : condition.roleNone()) {
            if (record.entity().hasRole(role)) {
                failing.add(new Failure("no role " + role, false));
            }
        }
        if (condition.eventKind() != null && !event.hasKind(condition.eventKind())) {
            failing.add(new Failure("event.kind " + condition.eventKind(), false));
        }
        if (condition.eventFlag() != null && !event.flag(condition.eventFlag())) {
            failing.add(new Failure("event." + condition.eventFlag(), false));
        }
        for (String flag : condition.eventFlagNone()) {
            if (event.flag(flag)) {
                failing.add(new Failure("event." + flag + " not true", false));
            }
        }
        if (condition.timelineSet() != null && record.timeline().get(condition.timelineSet()).isEmpty()) {
            failing.add(new Failure("timeline." + condition.timelineSet(), false));
        }
        Long individuals = event.affectedIndividuals();
        if (condition.individualsAtLeast() != null && (individuals == null || individuals < condition.individualsAtLeast())) {
            failing.add(new Failure("event.affectedIndividuals at least " + condition.individualsAtLeast(), individuals == null));
        }
        if (condition.individualsBelow() != null && (individuals == null || individuals >= condition.individualsBelow())) {
            failing.add(new Failure("event.affectedIndividuals below " + condition.individualsBelow(), individuals == null));
        }
        Optional<Long> largest = event.largestJurisdiction();
        if (condition.residentsOfOneJurisdictionAbove() != null
                && (largest.isEmpty() || largest.get() <= condition.residentsOfOneJurisdictionAbove())) {
            failing.add(new Failure("more than " + condition.residentsOfOneJurisdictionAbove()
                    + " residents of one jurisdiction (event.affectedResidents)", largest.isEmpty()));
        }
        if (!condition.anyOf().isEmpty() && condition.anyOf().stream().noneMatch(c -> holds(c, record))) {
            failing.add(new Failure("any of (" + String.join(" | ", condition.anyOf().stream()
                    .map(c -> String.join(", ", failingParts(c, record))).toList()) + ")",
                    condition.anyOf().stream().allMatch(c -> undecided(c, record))));
        }
        return failing;
    }

    /**
     * The numbers {@code condition} tests that the record does not give ({@code event.affectedIndividuals},
     * {@code event.affectedResidents}): while they are missing the condition cannot hold.
     */
    public static Set<String> missingCounts(Condition condition, IncidentRecord record) {
        Set<String> missing = new LinkedHashSet<>();
        Event event = record.event();
        if ((condition.individualsAtLeast() != null || condition.individualsBelow() != null) && event.affectedIndividuals() == null) {
            missing.add("event.affectedIndividuals");
        }
        if (condition.residentsOfOneJurisdictionAbove() != null && event.largestJurisdiction().isEmpty()) {
            missing.add("event.affectedResidents");
        }
        condition.anyOf().forEach(c -> missing.addAll(missingCounts(c, record)));
        return missing;
    }
}
