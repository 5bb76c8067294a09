package dev.tandem.conformity.crosswalk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * NIST IR 8477 set-theory relationship of a source requirement to the union of its targets, with the
 * OSCAL 1.2 mapping-model token for each.
 */
public enum Relationship {
    EQUIVALENT("equivalent", "equivalent-to"),
    SUBSET("subset", "subset-of"),
    SUPERSET("superset", "superset-of"),
    INTERSECTS("intersects", "intersects-with"),
    NO_RELATIONSHIP("no relationship", "no-relationship");

    private final String label;
    private final String oscal;

    Relationship(String label, String oscal) {
        this.label = label;
        this.oscal = oscal;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The OSCAL mapping {@code relationship} token. */
    public String oscal() {
        return oscal;
    }

    @JsonCreator
    public static Relationship of(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        return Arrays.stream(values())
                .filter(r -> r.label.equals(wanted) || r.oscal.replace('-', ' ').equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown relationship '" + text
                        + "' (expected equivalent, subset, superset, intersects or no relationship)"));
    }

    /** The relationship seen from the other side: A ⊂ B is B ⊃ A. */
    public Relationship inverse() {
        return switch (this) {
            case SUBSET -> SUPERSET;
            case SUPERSET -> SUBSET;
            default -> this;
        };
    }

    /**
     * True when satisfying the side that has this relationship to the other side satisfies the other side
     * too: A ⊇ B (superset or equivalent, by content) means meeting A meets B.
     */
    public boolean carriesMet() {
        return this == EQUIVALENT || this == SUPERSET;
    }

    /**
     * True when failing the side that has this relationship to the other side fails the other side too:
     * A ⊆ B (subset or equivalent) means B cannot be met while A is not.
     */
    public boolean carriesNotMet() {
        return this == EQUIVALENT || this == SUBSET;
    }
}
