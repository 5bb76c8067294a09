package dev.tandem.conformity.crosswalk;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.catalog.Confidence;
import java.util.List;

/**
 * One crosswalk entry: a source requirement, the target requirements it maps to, and how the source
 * relates to the union of the targets. A {@code no relationship} entry has no targets and a reason.
 * {@code sources} are full citations; {@code reversedFrom} names the stored crosswalk a reversed view
 * was computed from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mapping(String source, List<String> targets, Relationship relationship, String rationale, String reason,
        String gap, Confidence confidence, List<String> sources, String reversedFrom) {

    public Mapping {
        targets = targets == null ? List.of() : List.copyOf(targets);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A stable id for the entry, used to say through which mapping a status was derived. */
    public String entryId(String crosswalkId) {
        return crosswalkId + "#" + source;
    }

    public boolean hasCounterpart() {
        return relationship != Relationship.NO_RELATIONSHIP && !targets.isEmpty();
    }
}
