package dev.tandem.reporting.exercise;

import dev.tandem.reporting.obligation.ObligationResult;
import java.util.List;

/** One replay of a scenario: the obligations at the end, the merged timeline, and where the sides diverged. */
public record Replay(ObligationResult result, List<TimelineEntry> timeline, List<String> divergences) {

    public Replay {
        timeline = List.copyOf(timeline);
        divergences = List.copyOf(divergences);
    }
}
