package dev.tandem.reporting.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A reporting regime: its instrument, when it is in force, which zone and calendar govern its
 * periods, the counting rule for outer limits, the rules that make it apply, and its stages.
 */
public record Framework(String id, String name, String jurisdiction, String instrument, String url, InForce inForce,
        String timeZone, String countingRule, String calendar, List<ApplicabilityRule> applicability,
        List<Note> notes, List<Stage> stages) {

    /** {@code timeZone} value meaning: the zone of the Member State of the main establishment. */
    public static final String EU_MEMBER_STATE_ZONE = "eu-member-state";
    /** {@code timeZone} value meaning: the entity's own zone ({@code entity.timeZone}). */
    public static final String ENTITY_ZONE = "entity";
    /** The jurisdictions a framework belongs to, in the order outputs group them. */
    public static final List<String> JURISDICTIONS = List.of("EU", "US", "UK");

    public Framework {
        applicability = applicability == null ? List.of() : List.copyOf(applicability);
        notes = notes == null ? List.of() : List.copyOf(notes);
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }
}
