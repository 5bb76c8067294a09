package dev.tandem.conformity.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How sure the catalog is of an entry, after the research notes' tags: verified in a primary text [V],
 * secondary sources only [S], recalled and not confirmed [R], an open point [U], or Tandem's own
 * derivation (crosswalk judgements). Anything but {@link #VERIFIED} is shown as such in every output.
 */
public enum Confidence {
    VERIFIED, SECONDARY, RECALLED, UNCONFIRMED, DERIVED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Confidence of(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }

    /** True when output must flag the entry as not confirmed against a primary source. */
    public boolean needsFlag() {
        return this == RECALLED || this == UNCONFIRMED;
    }
}
