package dev.tandem.render.html;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A titled part of a page (h2), its blocks in order. {@code landscape} marks a wide matrix: a page that
 * holds one prints in landscape; {@code pageBreak} starts the section on a new printed page.
 */
public record Section(String title, List<Block> blocks, boolean landscape, boolean pageBreak) {

    public Section {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }

    public static Section of(String title, Block... blocks) {
        return new Section(title, List.of(blocks), false, false);
    }

    public static Section of(String title, List<Block> blocks) {
        return new Section(title, blocks, false, false);
    }

    /** This section printed on landscape pages. */
    public Section inLandscape() {
        return new Section(title, blocks, true, true);
    }

    /** This section starting a new printed page. */
    public Section onNewPage() {
        return new Section(title, blocks, landscape, true);
    }

    /** The anchor id: the title in lower case, words joined by dashes. */
    public String anchor() {
        String id = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return id.isEmpty() ? "section" : id;
    }
}
