package dev.tandem.reporting.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One incident as the user recorded it. {@code document} is the whole parsed record, kept so that
 * report content can be looked up by the catalog's field paths ({@code content.mitigations}).
 */
public record IncidentRecord(String source, Entity entity, Event event, Timeline timeline, List<Submission> submissions,
        JsonNode document) {

    public IncidentRecord {
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
    }

    /** The first recorded submission of a stage, if any. */
    public Optional<Submission> submission(String framework, String stage) {
        return submissions.stream()
                .filter(s -> s.framework().equals(framework) && s.stage().equals(stage))
                .min(java.util.Comparator.comparing(s -> s.at().toInstant()));
    }

    /** The last recorded submission of a stage, if any (a repeatable stage such as DORA's intermediate report). */
    public Optional<Submission> latestSubmission(String framework, String stage) {
        return submissions.stream()
                .filter(s -> s.framework().equals(framework) && s.stage().equals(stage))
                .max(java.util.Comparator.comparing(s -> s.at().toInstant()));
    }

    /** The value at a dot-separated path ({@code content.ransom.demand}), empty when absent, null or blank. */
    public Optional<JsonNode> valueAt(String dottedPath) {
        JsonNode node = document;
        for (String part : dottedPath.split("\\.")) {
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            node = node.get(part);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if ((node.isTextual() && node.asText().isBlank()) || (node.isContainerNode() && node.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(node);
    }
}
