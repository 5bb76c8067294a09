package dev.tandem.render.html;

import java.util.Objects;

/** A run of text inside a paragraph or a cell; templates escape every text. */
public sealed interface Inline {

    /** Plain text. */
    record Plain(String text) implements Inline {
        public Plain {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Emphasised text. */
    record Strong(String text) implements Inline {
        public Strong {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Secondary text (sources, notes), smaller and muted. */
    record Muted(String text) implements Inline {
        public Muted {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An identifier, a version, a field path (monospaced, kept whole where it fits); a hash breaks anywhere. */
    record Code(String text, boolean hash) implements Inline {
        public Code {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An item's id (CRA-I-2g, ATT-S2-producer): monospaced and never split, so its column is as wide as it. */
    record Id(String text) implements Inline {
        public Id {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A link; {@code href} is only ever https, http or mailto (see {@link Text#link}). */
    record Link(String text, String href) implements Inline {
        public Link {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(href, "href");
        }
    }

    /** A status: colour, shape and words. */
    record Badge(Tone tone, String text) implements Inline {
        public Badge {
            Objects.requireNonNull(tone, "tone");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A shape alone in a tone's colour (a timeline marker in a legend). */
    record Mark(Tone tone, String glyph) implements Inline {
        public Mark {
            Objects.requireNonNull(tone, "tone");
            Objects.requireNonNull(glyph, "glyph");
        }
    }

    /** A line break inside a cell. */
    record Break() implements Inline {
    }
}
