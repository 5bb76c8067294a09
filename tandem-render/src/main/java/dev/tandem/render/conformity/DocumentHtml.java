package dev.tandem.render.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.declaration.Block;
import dev.tandem.conformity.declaration.Document;
import dev.tandem.render.markup.Html;

/** Writes a {@link Document} as a self-contained HTML page, every text escaped, the catalog in a footer. */
final class DocumentHtml {

    private DocumentHtml() {
    }

    static String render(Document document, CatalogFingerprint fingerprint) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(document.title())).append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;}"
                        + "table{border-collapse:collapse;}td,th{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top;}</style>\n"
                        + "</head>\n<body>\n<h1>").append(Html.escape(document.title())).append("</h1>\n");
        for (Document.Section section : document.sections()) {
            html.append("<h2>").append(Html.escape(section.title())).append("</h2>\n");
            for (Block block : section.blocks()) {
                switch (block) {
                    case Block.Paragraph p -> html.append(p.strong() ? "<p><strong>" : "<p>").append(Html.escape(p.text()))
                            .append(p.strong() ? "</strong></p>\n" : "</p>\n");
                    case Block.Bullets b -> {
                        html.append("<ul>\n");
                        b.items().forEach(i -> html.append("<li>").append(Html.escape(i)).append("</li>\n"));
                        html.append("</ul>\n");
                    }
                    case Block.Table t -> {
                        html.append("<table>\n<tr>");
                        t.headers().forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
                        html.append("</tr>\n");
                        for (var row : t.rows()) {
                            html.append("<tr>");
                            row.forEach(c -> html.append("<td>").append(Html.escape(c)).append("</td>"));
                            html.append("</tr>\n");
                        }
                        html.append("</table>\n");
                    }
                }
            }
        }
        return html.append(CatalogStamp.html(fingerprint)).append("\n</body>\n</html>\n").toString();
    }
}
