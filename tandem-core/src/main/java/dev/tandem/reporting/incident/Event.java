package dev.tandem.reporting.incident;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happened: its kinds ({@code vulnerability}, {@code incident}, or both: a severe incident
 * that involves an actively exploited vulnerability), the qualifying flags (activelyExploited,
 * severe, ...), and the numbers some thresholds read: how many individuals are affected, and how
 * many residents of each State or jurisdiction.
 */
public record Event(List<String> kinds, Map<String, Boolean> flags, Long affectedIndividuals, Map<String, Long> affectedResidents) {

    /** The kinds of event the record format knows. */
    public static final List<String> KINDS = List.of("vulnerability", "incident");

    public Event {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        flags = flags == null ? Map.of() : Map.copyOf(flags);
        affectedResidents = affectedResidents == null ? null : Map.copyOf(affectedResidents);
    }

    /** An event of at most one kind, without counts. */
    public Event(String kind, Map<String, Boolean> flags) {
        this(kind == null ? List.of() : List.of(kind), flags, null, null);
    }

    public boolean hasKind(String kind) {
        return kinds.contains(kind);
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(flags.get(name));
    }

    /** The largest number of affected residents of one State or jurisdiction, when the record gives them. */
    public Optional<Long> largestJurisdiction() {
        return affectedResidents == null || affectedResidents.isEmpty() ? Optional.empty()
                : affectedResidents.values().stream().max(Long::compare);
    }

    /** This event with one flag set to {@code value}. */
    public Event withFlag(String name, boolean value) {
        Map<String, Boolean> changed = new java.util.LinkedHashMap<>(flags);
        changed.put(name, value);
        return new Event(kinds, changed, affectedIndividuals, affectedResidents);
    }
}
