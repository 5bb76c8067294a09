package dev.tandem.render.reporting;

import dev.tandem.render.markup.Html;
import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.catalog.Notice;
import dev.tandem.reporting.draft.DraftField;
import dev.tandem.reporting.draft.DraftNotice;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.usecase.reporting.ReportDraftResult;
import java.io.PrintWriter;

/** A report draft as one self-contained, printable HTML page (inline CSS, no scripts). */
public final class DraftHtml implements TextRenderer<ReportDraftResult> {

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(ReportDraftResult result, PrintWriter writer) {
        ReportDraft draft = result.draft();
        StringBuilder out = new StringBuilder();
        String title = draft.framework().name() + ": " + draft.stage().name();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
                        + ".missing{color:#a40000;font-weight:bold}.warn{border-left:4px solid #c60;padding:.3rem .8rem;background:#fff6ec}"
                        + ".src{color:#555;font-size:.85em}dt{font-weight:bold;margin-top:1rem}pre{white-space:pre-wrap}"
                        + "@media print{.warn{background:none}}</style>\n</head>\n<body>\n");
        out.append("<h1>").append(esc(title)).append("</h1>\n");
        out.append("<p><strong>DRAFT</strong> prepared by Tandem from the incident record; review every field before submitting.</p>\n<ul>\n");
        for (String line : DraftText.header(draft)) {
            out.append("<li>").append(esc(line)).append("</li>\n");
        }
        out.append("</ul>\n");
        for (String warning : draft.warnings()) {
            out.append("<p class=\"warn\">").append(esc(warning)).append("</p>\n");
        }
        out.append("<h2>Report content</h2>\n<dl>\n");
        for (DraftField field : draft.fields()) {
            out.append("<dt>").append(esc(field.label())).append(field.condition() == null ? "" : " (" + esc(field.condition()) + ")")
                    .append("</dt>\n<dd>");
            if (field.missing()) {
                out.append("<span class=\"missing\">").append(DraftText.MISSING).append("</span>: add <code>")
                        .append(esc(field.recordPath())).append("</code> to the record.");
            } else {
                out.append("<pre>").append(esc(DraftText.value(field.value()))).append("</pre>");
            }
            out.append("<div class=\"src\">").append(esc(field.id())).append("; required by ").append(esc(field.source()))
                    .append(' ').append(esc(field.confidence().tag())).append("</div></dd>\n");
        }
        out.append("</dl>\n");
        for (DraftNotice drafted : draft.notices()) {
            Notice notice = drafted.notice();
            out.append("<h2>").append(esc(notice.title())).append("</h2>\n<p>").append(esc(notice.text())).append("</p>\n");
            if (!drafted.fields().isEmpty()) {
                out.append("<p>Draft notice to users:</p>\n<dl>\n");
                for (DraftField field : drafted.fields()) {
                    out.append("<dt>").append(esc(field.label())).append("</dt><dd>").append(field.missing()
                            ? "<span class=\"missing\">" + DraftText.MISSING + "</span>: add <code>" + esc(field.recordPath()) + "</code>"
                            : "<pre>" + esc(DraftText.value(field.value())) + "</pre>").append("</dd>\n");
                }
                out.append("</dl>\n");
            }
            out.append("<p class=\"src\">Source: ").append(esc(notice.source())).append(' ')
                    .append(esc(notice.confidence().tag())).append("</p>\n");
        }
        out.append(CatalogLines.html(result.catalog()));
        out.append("</body>\n</html>\n");
        writer.print(out);
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
