package dev.tandem.conformity.crosswalk;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.catalog.Confidence;
import java.util.List;

/**
 * One crosswalk entry: a source requirement, the target requirements it maps to, and how the source
 * relates to the union of the targets. A {@code no relationship} entry has no targets and a reason.
 * {@code common}, {@code onlyInSource} and {@code onlyInTargets} write down the set reasoning the
 * relationship follows from (NIST IR 8477): what both ask for, what only the source asks for and what
 * only the targets ask for ({@link #NOTHING} when nothing). {@code sources} are full citations;
 * {@code reversedFrom} names the stored crosswalk a reversed view was computed from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mapping(String source, List<String> targets, Relationship relationship, String rationale, String reason,
        String gap, Confidence confidence, List<String> sources, String reversedFrom, String common,
        String onlyInSource, String onlyInTargets) {

    /** The word an entry writes for an empty side of its reasoning. */
    public static final String NOTHING = "none";

    public Mapping {
        targets = targets == null ? List.of() : List.copyOf(targets);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** An entry without written set reasoning (a reversed view of a multi-target entry, a test). */
    public Mapping(String source, List<String> targets, Relationship relationship, String rationale, String reason,
            String gap, Confidence confidence, List<String> sources, String reversedFrom) {
        this(source, targets, relationship, rationale, reason, gap, confidence, sources, reversedFrom, null, null, null);
    }

    /** A stable id for the entry, used to say through which mapping a status was derived. */
    public String entryId(String crosswalkId) {
        return crosswalkId + "#" + source;
    }

    public boolean hasCounterpart() {
        return relationship != Relationship.NO_RELATIONSHIP && !targets.isEmpty();
    }

    /** True when a reasoning text says the side asks for nothing beyond the other. */
    public static boolean nothing(String text) {
        return text != null && text.strip().equalsIgnoreCase(NOTHING);
    }
}
