package dev.tandem.reporting.catalog;

import java.util.List;

/**
 * A test on the incident record; every part that is set must hold. {@code anyOf} holds when at
 * least one of its conditions holds.
 */
public record Condition(List<String> roleAny, List<String> roleNone, String eventKind, String eventFlag,
        String timelineSet, List<Condition> anyOf) {

    public Condition {
        roleAny = roleAny == null ? List.of() : List.copyOf(roleAny);
        roleNone = roleNone == null ? List.of() : List.copyOf(roleNone);
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }
}
