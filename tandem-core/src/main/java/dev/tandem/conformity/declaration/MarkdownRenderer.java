package dev.tandem.conformity.declaration;

/** Renders a {@link Document} as CommonMark with GitHub-style tables. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(Document document) {
        StringBuilder md = new StringBuilder("# ").append(inline(document.title())).append("\n\n");
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
        return md.toString();
    }

    private static String row(java.util.List<String> cells) {
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
