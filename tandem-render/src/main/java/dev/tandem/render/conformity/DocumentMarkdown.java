package dev.tandem.render.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.declaration.Block;
import dev.tandem.conformity.declaration.Document;
import java.util.List;

/** Writes a {@link Document} (a declaration, an assessment) as CommonMark with GitHub-style tables, the catalog last. */
final class DocumentMarkdown {

    private DocumentMarkdown() {
    }

    static String render(Document document, CatalogFingerprint fingerprint) {
        return render(document, "", fingerprint);
    }

    /** The document with {@code preamble} (Markdown, ending in a blank line) between its title and its sections. */
    static String render(Document document, String preamble, CatalogFingerprint fingerprint) {
        StringBuilder md = new StringBuilder("# ").append(inline(document.title())).append("\n\n").append(preamble);
        for (Document.Section section : document.sections()) {
            md.append("## ").append(inline(section.title())).append("\n\n");
            for (Block block : section.blocks()) {
                switch (block) {
                    case Block.Paragraph p -> md.append(p.strong() ? "**" + inline(p.text()) + "**" : inline(p.text())).append("\n\n");
                    case Block.Bullets b -> {
                        b.items().forEach(item -> md.append("- ").append(inline(item)).append('\n'));
                        md.append('\n');
                    }
                    case Block.Table t -> {
                        md.append(row(t.headers()));
                        md.append("|").append("---|".repeat(t.headers().size())).append('\n');
                        t.rows().forEach(r -> md.append(row(r)));
                        md.append('\n');
                    }
                }
            }
        }
        return md.append(CatalogStamp.markdown(fingerprint)).append('\n').toString();
    }

    /** A table row, each cell escaped and its pipes too. */
    static String row(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        cells.forEach(c -> row.append(' ').append(inline(c).replace("|", "\\|")).append(" |"));
        return row.append('\n').toString();
    }

    /** Keeps user text from turning into markup: escapes the characters Markdown would interpret. */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")
                .replace("`", "\\`").replace("[", "\\[").replace("]", "\\]").replace("\r", " ").replace("\n", " ");
    }
}
