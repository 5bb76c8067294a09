package dev.tandem.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How sure the catalog is of an entry, after the research notes' tags: [V] verified in the primary
 * text, [S] secondary sources, [R] recalled and not confirmed, [U] unconfirmed or conflicting, and
 * Tandem's own derivation (crosswalk judgements). Read from either spelling ({@code V} or
 * {@code verified}); anything but {@link #VERIFIED} is shown as such in every output.
 */
public enum Confidence {
    VERIFIED("V", "verified against the primary text"),
    SECONDARY("S", "secondary sources"),
    RECALLED("R", "recalled, to verify"),
    UNCONFIRMED("U", "unconfirmed"),
    DERIVED("D", "Tandem's own derivation");

    private final String letter;
    private final String meaning;

    Confidence(String letter, String meaning) {
        this.letter = letter;
        this.meaning = meaning;
    }

    /** The lower-case word ({@code verified}), as the conformity catalog and its JSON write it. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The research notes' letter: V, S, R, U (D for a derivation). */
    public String letter() {
        return letter;
    }

    /** The tag shown next to a sourced statement: {@code [V]}, and {@code [U: UNCONFIRMED]} so it cannot be missed. */
    public String tag() {
        return this == UNCONFIRMED ? "[U: UNCONFIRMED]" : "[" + letter + "]";
    }

    /** What the tag means, in plain words. */
    public String meaning() {
        return meaning;
    }

    /** True when output must flag the entry as not confirmed against a primary source. */
    public boolean needsFlag() {
        return this == RECALLED || this == UNCONFIRMED;
    }

    /** Reads a letter or a word, in any case. */
    @JsonCreator
    public static Confidence of(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (Confidence confidence : values()) {
            if (confidence.name().equals(key) || confidence.letter.equals(key)) {
                return confidence;
            }
        }
        throw new IllegalArgumentException("unknown confidence '" + text + "': expected V, S, R, U or verified, secondary, "
                + "recalled, unconfirmed, derived");
    }
}
