package dev.tandem.render.reporting;

/** Text made safe for Markdown: table cells, and free text that must not turn into emphasis. */
final class Markdown {

    private Markdown() {
    }

    /** A table cell: pipes escaped, on one line. */
    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    /** Free text (a folder name) whose {@code _}, {@code *} and backslashes stay literal. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("_", "\\_").replace("*", "\\*");
    }
}
