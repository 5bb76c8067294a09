package dev.tandem.reporting.incident;

import java.util.Map;

/** What happened: {@code vulnerability} or {@code incident}, and the qualifying flags (activelyExploited, severe, ...). */
public record Event(String kind, Map<String, Boolean> flags) {

    /** The flags the record format knows, in documentation order. */
    public static final java.util.List<String> FLAGS = java.util.List.of("activelyExploited", "severe", "significant",
            "personalDataBreach", "major", "material", "substantial");

    public Event {
        flags = flags == null ? Map.of() : Map.copyOf(flags);
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(flags.get(name));
    }
}
