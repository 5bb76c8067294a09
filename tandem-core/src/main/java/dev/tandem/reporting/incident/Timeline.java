package dev.tandem.reporting.incident;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The clock-start events of the incident, each an instant with the offset it was recorded in. */
public record Timeline(Map<String, OffsetDateTime> events) {

    /** The events the record format knows, in the order they usually happen. */
    public static final List<String> EVENTS = List.of("discoveredAt", "awareAt", "reasonableBeliefAt", "determinedAt",
            "classifiedMajorAt", "materialityDeterminedAt", "ransomDemandedAt", "ransomPaidAt", "correctiveMeasureAvailableAt");

    public Timeline {
        events = events == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    public Optional<OffsetDateTime> get(String event) {
        return Optional.ofNullable(events.get(event));
    }
}
