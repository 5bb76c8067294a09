package dev.tandem.reporting.catalog;

import java.util.List;

/**
 * A test on the incident record; every part that is set must hold. {@code anyOf} holds when at
 * least one of its conditions holds. Roles are tested against the entity's roles with those they
 * imply; {@code eventKind} holds when the event is of that kind (an event can be of several);
 * {@code eventFlagNone} holds when none of those flags is true; the counts test
 * {@code event.affectedIndividuals} and the largest of {@code event.affectedResidents} and do not
 * hold while the record lacks the number.
 */
public record Condition(List<String> roleAny, List<String> roleNone, String eventKind, String eventFlag,
        List<String> eventFlagNone, String timelineSet, Long individualsAtLeast, Long individualsBelow,
        Long residentsOfOneJurisdictionAbove, List<Condition> anyOf) {

    public Condition {
        roleAny = roleAny == null ? List.of() : List.copyOf(roleAny);
        roleNone = roleNone == null ? List.of() : List.copyOf(roleNone);
        eventFlagNone = eventFlagNone == null ? List.of() : List.copyOf(eventFlagNone);
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }

    /** Whether this condition or a nested one tests the number of affected individuals or residents. */
    public boolean readsCounts() {
        return individualsAtLeast != null || individualsBelow != null || residentsOfOneJurisdictionAbove != null
                || anyOf.stream().anyMatch(Condition::readsCounts);
    }

    /** The flags this condition or a nested one reads. */
    public List<String> flags() {
        List<String> flags = new java.util.ArrayList<>();
        if (eventFlag != null) {
            flags.add(eventFlag);
        }
        flags.addAll(eventFlagNone);
        anyOf.forEach(c -> flags.addAll(c.flags()));
        return flags;
    }
}
