package dev.tandem.reporting.obligation;

import dev.tandem.reporting.catalog.Condition;
import dev.tandem.reporting.incident.IncidentRecord;

/** Evaluates a catalog {@link Condition} against an incident record. */
public final class Conditions {

    private Conditions() {
    }

    public static boolean holds(Condition condition, IncidentRecord record) {
        if (!condition.roleAny().isEmpty() && condition.roleAny().stream().noneMatch(record.entity()::hasRole)) {
            return false;
        }
        if (condition.roleNone().stream().anyMatch(record.entity()::hasRole)) {
            return false;
        }
        if (condition.eventKind() != null && !condition.eventKind().equals(record.event().kind())) {
            return false;
        }
        if (condition.eventFlag() != null && !record.event().flag(condition.eventFlag())) {
            return false;
        }
        if (condition.timelineSet() != null && record.timeline().get(condition.timelineSet()).isEmpty()) {
            return false;
        }
        return condition.anyOf().isEmpty() || condition.anyOf().stream().anyMatch(c -> holds(c, record));
    }
}
