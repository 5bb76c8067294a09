package dev.tandem.render.html;

import java.util.Locale;

/** How a status reads at a glance: a colour, a shape that survives black-and-white print, and a word for screen readers. */
public enum Tone {
    /** Met, passed, in time. */
    OK("✓", "good"),
    /** Partial, due soon, late, needs review. */
    WARN("▲", "attention"),
    /** Not met, missed, overdue, known exploited. */
    BAD("✕", "problem"),
    /** Informational: submitted, open, a fact. */
    INFO("●", "information"),
    /** Not applicable, not in force, unknown. */
    NEUTRAL("○", "neutral");

    private final String glyph;
    private final String spoken;

    Tone(String glyph, String spoken) {
        this.glyph = glyph;
        this.spoken = spoken;
    }

    /** The shape printed before the text. */
    public String glyph() {
        return glyph;
    }

    /** The word a screen reader says for the shape. */
    public String spoken() {
        return spoken;
    }

    /** The CSS class suffix: {@code ok}, {@code warn}... */
    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }
}
