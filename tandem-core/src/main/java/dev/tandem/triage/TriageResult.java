package dev.tandem.triage;

import dev.tandem.match.FindingId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statements applied to findings: per finding the statements that apply to it (in the order given),
 * which findings are suppressed, statements that matched no finding, expired ones (which no longer
 * suppress), and conflicts (a suppressing statement next to one saying the finding is exploitable).
 */
public record TriageResult(Map<FindingId, List<Statement>> applied, Set<FindingId> suppressed, List<Statement> unmatched,
        List<Statement> expired, List<String> conflicts) {

    /** No statements at all. */
    public static final TriageResult NONE = new TriageResult(Map.of(), Set.of(), List.of(), List.of(), List.of());

    public TriageResult {
        applied = Map.copyOf(applied);
        suppressed = Set.copyOf(suppressed);
        unmatched = List.copyOf(unmatched);
        expired = List.copyOf(expired);
        conflicts = List.copyOf(conflicts);
    }

    /** The statements about one finding, empty when none. */
    public List<Statement> about(FindingId id) {
        return applied.getOrDefault(id, List.of());
    }

    public boolean isSuppressed(FindingId id) {
        return suppressed.contains(id);
    }
}
