package dev.tandem.render.html;

import dev.tandem.catalog.Confidence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The legend lines pages share: the confidence tags in plain words, the status shapes, the timeline shapes. */
public final class Legends {

    private Legends() {
    }

    /** The badge of a confidence tag, as tables print it next to a source. */
    public static Text tag(Confidence confidence) {
        return Text.empty().add(new Inline.Badge(tone(confidence), confidence.tag()));
    }

    /** The tone of a confidence: verified reads good, unconfirmed reads as a problem. */
    public static Tone tone(Confidence confidence) {
        return switch (confidence) {
            case VERIFIED -> Tone.OK;
            case SECONDARY, DERIVED -> Tone.INFO;
            case RECALLED -> Tone.WARN;
            case UNCONFIRMED -> Tone.BAD;
        };
    }

    /** What a tag means, for a reader who never saw the catalog. */
    public static String meaning(Confidence confidence) {
        return switch (confidence) {
            case VERIFIED -> "Checked against the official text of the law or standard.";
            case SECONDARY -> "Taken from reliable secondary sources (official guidance, summaries); not yet checked against the official text.";
            case RECALLED -> "Written from the catalog authors' knowledge and not yet checked against any source: confirm before relying on it.";
            case UNCONFIRMED -> "Not confirmed: the sources disagree or none was found. Do not rely on it without checking.";
            case DERIVED -> "Tandem's own reasoning (for example how a requirement of one catalog maps onto another), not a statement of the law.";
        };
    }

    /** Legend lines for the confidence tags that occur, in the scale's order. */
    public static List<Page.LegendEntry> confidence(Collection<Confidence> used) {
        Set<Confidence> set = used.isEmpty() ? EnumSet.noneOf(Confidence.class) : EnumSet.copyOf(used);
        List<Page.LegendEntry> entries = new ArrayList<>();
        for (Confidence c : Confidence.values()) {
            if (set.contains(c)) {
                entries.add(new Page.LegendEntry(tag(c), meaning(c)));
            }
        }
        return entries;
    }

    /** Legend lines for status badges: one per tone and the words it stands for. */
    public static Page.LegendEntry status(Tone tone, String words, String meaning) {
        return new Page.LegendEntry(Text.ofBadge(tone, words), meaning);
    }

    /** Legend lines for the timeline shapes a chart uses. */
    public static List<Page.LegendEntry> shapes(Collection<Timeline.Shape> used) {
        List<Page.LegendEntry> entries = new ArrayList<>();
        for (Timeline.Shape shape : Timeline.Shape.values()) {
            if (used.contains(shape)) {
                entries.add(new Page.LegendEntry(Text.empty().add(new Inline.Mark(shape.tone(), shape.glyph())),
                        "On the timeline: " + shape.meaning() + "."));
            }
        }
        return entries;
    }
}
