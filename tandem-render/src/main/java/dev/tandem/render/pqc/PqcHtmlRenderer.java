package dev.tandem.render.pqc;

import dev.tandem.pqc.catalog.Source;
import dev.tandem.pqc.classification.ClassifiedAsset;
import dev.tandem.pqc.plan.AppliedMilestone;
import dev.tandem.pqc.plan.PlanItem;
import dev.tandem.pqc.plan.PqcReport;
import dev.tandem.pqc.plan.ProductReadiness;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.pqc.PqcPlanResult;
import java.io.PrintWriter;

/** One self-contained HTML page (inline style, no scripts, no external resources). */
public final class PqcHtmlRenderer implements TextRenderer<PqcPlanResult> {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;margin:1rem 0;width:100%}
            th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
            th{background:#f0f0f0}
            .quantum-vulnerable{background:#fde2e1}.weakened{background:#fff4d6}
            .quantum-resistant{background:#e3f6e5}.unknown{background:#eee}
            .note{color:#555;font-size:.85rem}
            """;

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(PqcPlanResult result, PrintWriter out) {
        PqcReport report = result.report();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Post-quantum readiness</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Post-quantum readiness</h1>\n<p>Markets: ").append(esc(String.join(", ", report.scope().markets())))
                .append(". Sectors: ").append(esc(String.join(", ", report.scope().sectors()))).append(".</p>\n");
        html.append("<h2>Products</h2>\n<table>\n<tr><th>product</th><th>readiness</th><th>quantum-resistant</th>"
                + "<th>weakened</th><th>quantum-vulnerable</th><th>unknown</th><th>milestones</th></tr>\n");
        for (ProductReadiness p : report.products()) {
            html.append("<tr><td>").append(esc(p.product())).append("<div class=\"note\">")
                    .append(esc(String.join(", ", p.sources()))).append("</div></td><td>")
                    .append(p.readinessPercent() == null ? "n/a" : p.readinessPercent() + "%")
                    .append(p.libraryEvidenceOnly() ? " (library evidence only)" : "").append("</td><td>")
                    .append(p.quantumResistant()).append("</td><td>").append(p.weakened()).append("</td><td>")
                    .append(p.quantumVulnerable()).append("</td><td>").append(p.unknown()).append("</td><td>");
            for (AppliedMilestone m : p.milestones()) {
                html.append("<div>").append(esc(m.when())).append(" ").append(esc(PqcText.milestone(m))).append("</div>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Plan (ordered by deadline)</h2>\n<table>\n<tr><th>deadline</th><th>classification</th>"
                + "<th>asset</th><th>product</th><th>evidence</th><th>replacement</th><th>why</th></tr>\n");
        for (PlanItem item : report.items()) {
            ClassifiedAsset a = item.asset();
            html.append("<tr class=\"").append(a.classification().id()).append("\"><td>").append(esc(PqcText.deadline(item)));
            for (AppliedMilestone m : item.milestones()) {
                html.append("<div class=\"note\">").append(esc(m.when() + " " + PqcText.milestone(m))).append("</div>");
            }
            html.append("</td><td>").append(esc(PqcText.classification(a))).append("</td><td>").append(esc(a.name()))
                    .append("<div class=\"note\">").append(esc(a.assetType())).append("</div></td><td>")
                    .append(esc(a.product())).append("</td><td>").append(esc(PqcText.evidence(a))).append("</td><td>")
                    .append(esc(PqcText.replacement(item))).append("</td><td>").append(esc(a.reason()));
            for (String note : a.notes()) {
                html.append("<div class=\"note\">").append(esc(note)).append("</div>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Sources</h2>\n<ul>\n");
        for (Source s : report.sources()) {
            html.append("<li>").append(esc(s.cite()));
            if (s.url() != null) {
                html.append(" &lt;").append(esc(s.url())).append("&gt;");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n<p class=\"note\">").append(esc(PqcText.EVIDENCE_LEGEND)).append("</p>\n<p class=\"note\">")
                .append(esc(PqcText.CONFIDENCE_LEGEND)).append("</p>\n<p class=\"note\">Catalog: ")
                .append(esc(result.catalog().label())).append("</p>\n</body>\n</html>");
        out.println(html);
    }

    private static String esc(String text) {
        return dev.tandem.render.markup.Html.escape(text);
    }
}
