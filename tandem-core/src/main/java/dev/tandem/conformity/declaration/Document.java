package dev.tandem.conformity.declaration;

import java.util.List;

/** A generated document: a title and sections of blocks, for the Markdown and HTML renderers. */
public record Document(String title, List<Section> sections) {

    public Document {
        sections = List.copyOf(sections);
    }

    /** A titled section. */
    public record Section(String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }
}
