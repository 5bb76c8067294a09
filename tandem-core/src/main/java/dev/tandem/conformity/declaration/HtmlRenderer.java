package dev.tandem.conformity.declaration;

/** Renders a {@link Document} as a self-contained HTML page; all text is escaped. */
public final class HtmlRenderer {

    private HtmlRenderer() {
    }

    public static String render(Document document) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(document.title())).append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;}"
                        + "table{border-collapse:collapse;}td,th{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top;}</style>\n"
                        + "</head>\n<body>\n<h1>").append(escape(document.title())).append("</h1>\n");
        for (Document.Section section : document.sections()) {
            html.append("<h2>").append(escape(section.title())).append("</h2>\n");
            for (Block block : section.blocks()) {
                switch (block) {
                    case Block.Paragraph p -> html.append(p.strong() ? "<p><strong>" : "<p>").append(escape(p.text()))
                            .append(p.strong() ? "</strong></p>\n" : "</p>\n");
                    case Block.Bullets b -> {
                        html.append("<ul>\n");
                        b.items().forEach(i -> html.append("<li>").append(escape(i)).append("</li>\n"));
                        html.append("</ul>\n");
                    }
                    case Block.Table t -> {
                        html.append("<table>\n<tr>");
                        t.headers().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
                        html.append("</tr>\n");
                        for (var row : t.rows()) {
                            html.append("<tr>");
                            row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
                            html.append("</tr>\n");
                        }
                        html.append("</table>\n");
                    }
                }
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String text) {
        return dev.tandem.markup.Html.escape(text);
    }
}
