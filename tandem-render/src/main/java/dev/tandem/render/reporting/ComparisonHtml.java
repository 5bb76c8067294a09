package dev.tandem.render.reporting;

import dev.tandem.render.markup.Html;
import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.comparison.FieldRow;
import dev.tandem.reporting.comparison.Finding;
import dev.tandem.reporting.comparison.FindingKind;
import dev.tandem.reporting.comparison.Requirement;
import dev.tandem.reporting.comparison.TimingRow;
import dev.tandem.usecase.reporting.ComparisonResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as one self-contained page to open, print and share (inline CSS, no scripts):
 * timing and field matrix grouped by jurisdiction, EU tinted blue, US red, UK purple.
 */
public final class ComparisonHtml implements TextRenderer<ComparisonResult> {

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(ComparisonResult c, PrintWriter writer) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(ComparisonText.TITLE).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0;font-size:.85em}"
                        + "th,td{border:1px solid #bbb;padding:.25rem .4rem;vertical-align:top}th{background:#eee}.eu{background:#eef3ff}.us{background:#fff0ee}.uk{background:#f5eefa}"
                        + ".src{color:#555;font-size:.8em}.no{color:#a40000;font-weight:bold}li{margin:.3rem 0}"
                        + "@media print{body{margin:0}table{page-break-inside:auto}tr{page-break-inside:avoid}}</style>\n</head>\n<body>\n")
                .append("<h1>").append(ComparisonText.TITLE).append("</h1>\n<p>").append(ComparisonText.INTRO).append("</p>\n");
        out.append("<h2>Timing, fastest to slowest</h2>\n<table>\n<tr><th>framework</th><th>stage</th><th>kind</th><th>period</th><th>time basis</th>"
                + "<th>clock start</th><th>first report</th><th>in force</th><th>source</th></tr>\n");
        for (String side : ComparisonText.jurisdictions(c)) {
            out.append("<tr><th colspan=\"9\" class=\"").append(side.toLowerCase(Locale.ROOT)).append("\">").append(esc(side))
                    .append("</th></tr>\n");
            for (TimingRow t : c.timing()) {
                if (!t.jurisdiction().equals(side)) {
                    continue;
                }
                out.append("<tr class=\"").append(t.jurisdiction().toLowerCase(Locale.ROOT)).append("\"><td>").append(esc(t.framework()))
                        .append("</td><td>").append(esc(t.stage())).append("</td><td>")
                        .append(esc(t.kind())).append("</td><td>").append(esc(t.period().describe()));
                for (var v : t.variants()) {
                    out.append("<div class=\"src\">").append(esc(v.period().describe() + " for " + v.text() + " (" + v.source() + " "
                            + v.confidence().tag() + ")")).append("</div>");
                }
                out.append(t.cap() == null ? "" : "<div class=\"src\">" + esc(t.cap().text()) + "</div>").append("</td><td>")
                        .append(esc(t.period().basis().words())).append("</td><td>")
                        .append(esc(t.clockStart())).append("</td><td>").append(t.firstReport() ? "yes" : "").append("</td><td>")
                        .append(t.inForce() ? "yes" : "<span class=\"no\">no</span>").append("</td><td class=\"src\">")
                        .append(esc(t.source() + " " + t.confidence().tag())).append("</td></tr>\n");
            }
        }
        List<String> sides = ComparisonText.jurisdictions(c);
        out.append("</table>\n<h2>Field matrix</h2>\n<table>\n<tr><th>field</th>");
        for (String side : sides) {
            out.append("<th class=\"").append(side.toLowerCase(Locale.ROOT)).append("\">").append(esc(side)).append("</th>");
        }
        out.append("</tr>\n");
        for (FieldRow row : c.fields()) {
            out.append("<tr><td><code>").append(esc(row.field().id())).append("</code><div class=\"src\">").append(esc(row.field().label()))
                    .append("</div></td>");
            for (String side : sides) {
                out.append("<td class=\"").append(side.toLowerCase(Locale.ROOT)).append("\">");
                for (Requirement r : row.requiredBy()) {
                    if (r.jurisdiction().equals(side)) {
                        out.append(esc(r.framework() + "/" + r.stage())).append(r.condition() == null ? "" : " <em>(" + esc(r.condition()) + ")</em>")
                                .append("<div class=\"src\">").append(esc(r.source() + " " + r.confidence().tag())).append("</div>");
                    }
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        for (FindingKind kind : FindingKind.values()) {
            out.append("<h2>").append(ComparisonText.heading(kind)).append("</h2>\n<ul>\n");
            for (Finding finding : c.findings()) {
                if (finding.kind() == kind) {
                    out.append("<li>").append(esc(finding.text())).append("<div class=\"src\">Evidence: ")
                            .append(esc(String.join("; ", ComparisonText.evidence(finding)))).append("</div></li>\n");
                }
            }
            out.append("</ul>\n");
        }
        out.append(CatalogLines.html(c.catalog()));
        out.append("</body>\n</html>\n");
        writer.print(out);
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
