package dev.tandem.render.reporting;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.render.markup.Html;

/** The line every human-readable output ends with: which catalog (version, hash, origin) it was computed from. */
final class CatalogLines {

    private CatalogLines() {
    }

    /** {@code Catalog: 2026.12.0 (sha256:1a2b3c4d5e6f, bundled)} and a newline. */
    static String text(CatalogFingerprint catalog) {
        return "Catalog: " + catalog.label() + "\n";
    }

    /** The same line in italics, its own paragraph. */
    static String markdown(CatalogFingerprint catalog) {
        return "_Catalog: " + Markdown.escape(catalog.label()) + "_\n";
    }

    /** A footer paragraph, placed before {@code </body>}. */
    static String html(CatalogFingerprint catalog) {
        return "<footer><p class=\"catalog\">Catalog: " + Html.escape(catalog.label()) + "</p></footer>\n";
    }
}
