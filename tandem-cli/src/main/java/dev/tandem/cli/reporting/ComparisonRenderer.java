package dev.tandem.cli.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.TimeBasis;
import dev.tandem.reporting.comparison.Comparison;
import dev.tandem.reporting.comparison.Evidence;
import dev.tandem.reporting.comparison.FieldRow;
import dev.tandem.reporting.comparison.Finding;
import dev.tandem.reporting.comparison.FindingKind;
import dev.tandem.reporting.comparison.Requirement;
import dev.tandem.reporting.comparison.TimingRow;
import java.util.ArrayList;
import java.util.List;

/** Markdown, HTML, CSV and JSON forms of the framework comparison. */
final class ComparisonRenderer {

    private ComparisonRenderer() {
    }

    static String json(Comparison c) throws JsonProcessingException {
        ObjectNode root = ObligationsJson.MAPPER.createObjectNode();
        ArrayNode ids = root.putArray("frameworks");
        c.frameworks().forEach(f -> ids.add(f.id()));
        ArrayNode details = root.putArray("frameworkDetails");
        for (Framework f : c.frameworks()) {
            details.addObject().put("id", f.id()).put("name", f.name()).put("jurisdiction", f.jurisdiction())
                    .put("inForce", c.timing().stream().filter(t -> t.framework().equals(f.id())).findFirst().map(TimingRow::inForce).orElse(false));
        }
        ArrayNode fields = root.putArray("fields");
        for (FieldRow row : c.fields()) {
            ObjectNode f = fields.addObject().put("id", row.field().id()).put("label", row.field().label())
                    .put("recordPath", row.field().recordPath()).put("eu", row.requiredIn("EU")).put("us", row.requiredIn("US"));
            ArrayNode by = f.putArray("requiredBy");
            for (Requirement r : row.requiredBy()) {
                ObjectNode item = by.addObject().put("framework", r.framework()).put("stage", r.stage());
                if (r.condition() != null) {
                    item.put("condition", r.condition());
                }
                ObligationsJson.sourced(item, r.source(), r.confidence());
            }
        }
        ArrayNode timing = root.putArray("timing");
        for (TimingRow t : c.timing()) {
            ObjectNode item = timing.addObject().put("framework", t.framework()).put("jurisdiction", t.jurisdiction())
                    .put("stage", t.stage()).put("kind", t.kind());
            if (t.period().basis() == TimeBasis.BUSINESS_DAYS) {
                item.put("period", t.period().amount());
            } else {
                item.put("period", t.period().iso());
            }
            item.put("basis", t.period().basis().key()).put("periodText", t.period().describe())
                    .put("clockStart", t.clockStart()).put("firstReport", t.firstReport()).put("inForce", t.inForce());
            if (t.cap() != null) {
                ObligationsJson.sourced(item.putObject("cap").put("event", t.cap().event()).put("period", t.cap().period().iso())
                        .put("text", t.cap().text()), t.cap().source(), t.cap().confidence());
            }
            ObligationsJson.sourced(item, t.source(), t.confidence());
        }
        findings(root.putArray("alignments"), c, FindingKind.ALIGNMENT);
        findings(root.putArray("divergences"), c, FindingKind.DIVERGENCE);
        return ObligationsJson.MAPPER.writeValueAsString(root) + "\n";
    }

    private static void findings(ArrayNode array, Comparison c, FindingKind kind) {
        for (Finding finding : c.findings()) {
            if (finding.kind() != kind) {
                continue;
            }
            ObjectNode node = array.addObject().put("id", finding.id()).put("kind", kind.id()).put("text", finding.text());
            ArrayNode evidence = node.putArray("evidence");
            for (Evidence e : finding.evidence()) {
                ObjectNode item = evidence.addObject().put("framework", e.framework());
                if (e.stage() != null) {
                    item.put("stage", e.stage());
                }
                if (e.field() != null) {
                    item.put("field", e.field());
                }
                ObligationsJson.sourced(item, e.source(), e.confidence());
            }
        }
    }

    static String markdown(Comparison c) {
        StringBuilder out = new StringBuilder("# EU and US incident-reporting frameworks compared\n\n");
        out.append("Derived by Tandem from its catalog; every cell and statement names its source and confidence tag "
                + "([V] legal text, [S] secondary sources, [R] recalled, [U] unconfirmed). Not legal advice.\n\n");
        out.append("## Timing, fastest to slowest\n\n| framework | side | stage | kind | period | time basis | clock start | first report | in force | source |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (TimingRow t : c.timing()) {
            out.append("| ").append(t.framework()).append(" | ").append(t.jurisdiction()).append(" | ").append(t.stage())
                    .append(" | ").append(t.kind()).append(" | ").append(t.period().describe())
                    .append(t.cap() == null ? "" : " (" + ObligationsText.cell(t.cap().text()) + ")")
                    .append(" | ").append(t.period().basis().words())
                    .append(" | ").append(t.clockStart()).append(" | ").append(t.firstReport() ? "yes" : "")
                    .append(" | ").append(t.inForce() ? "yes" : "**no**").append(" | ").append(ObligationsText.cell(t.source()))
                    .append(' ').append(t.confidence().tag()).append(" |\n");
        }
        out.append("\n## Field matrix\n\nEach cell lists the stages that require the field; sources follow the table.\n\n| field |");
        for (Framework f : c.frameworks()) {
            out.append(' ').append(f.id()).append(" |");
        }
        out.append("\n|---|").append("---|".repeat(c.frameworks().size())).append('\n');
        for (FieldRow row : c.fields()) {
            out.append("| `").append(row.field().id()).append("` |");
            for (Framework f : c.frameworks()) {
                out.append(' ').append(String.join(", ", stagesFor(row, f.id()))).append(" |");
            }
            out.append('\n');
        }
        out.append("\nSources of the cells:\n\n");
        for (FieldRow row : c.fields()) {
            for (Requirement r : row.requiredBy()) {
                out.append("- `").append(row.field().id()).append("` × ").append(r.framework()).append('/').append(r.stage())
                        .append(r.condition() == null ? "" : " (" + r.condition() + ")").append(": ").append(r.source())
                        .append(' ').append(r.confidence().tag()).append('\n');
            }
        }
        for (FindingKind kind : FindingKind.values()) {
            out.append("\n## ").append(kind == FindingKind.ALIGNMENT ? "Where they align" : "Where they diverge").append("\n\n");
            for (Finding finding : c.findings()) {
                if (finding.kind() == kind) {
                    out.append("- ").append(finding.text()).append("\n  Evidence: ").append(String.join("; ", evidence(finding))).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static List<String> stagesFor(FieldRow row, String framework) {
        return row.requiredBy().stream().filter(r -> r.framework().equals(framework)).map(Requirement::stage).distinct().toList();
    }

    private static List<String> evidence(Finding finding) {
        List<String> lines = new ArrayList<>();
        for (Evidence e : finding.evidence()) {
            lines.add(e.framework() + (e.stage() == null ? "" : "/" + e.stage()) + (e.field() == null ? "" : " `" + e.field() + "`")
                    + " (" + e.source() + " " + e.confidence().tag() + ")");
        }
        return lines;
    }

    static String html(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>EU and US incident-reporting frameworks compared</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0;font-size:.85em}"
                        + "th,td{border:1px solid #bbb;padding:.25rem .4rem;vertical-align:top}th{background:#eee}.eu{background:#eef3ff}.us{background:#fff0ee}"
                        + ".src{color:#555;font-size:.8em}.no{color:#a40000;font-weight:bold}li{margin:.3rem 0}"
                        + "@media print{body{margin:0}table{page-break-inside:auto}tr{page-break-inside:avoid}}</style>\n</head>\n<body>\n")
                .append("<h1>EU and US incident-reporting frameworks compared</h1>\n<p>Derived by Tandem from its catalog; every cell and statement "
                        + "names its source and confidence tag ([V] legal text, [S] secondary sources, [R] recalled, [U] unconfirmed). Not legal advice.</p>\n");
        out.append("<h2>Timing, fastest to slowest</h2>\n<table>\n<tr><th>framework</th><th>side</th><th>stage</th><th>kind</th><th>period</th><th>time basis</th>"
                + "<th>clock start</th><th>first report</th><th>in force</th><th>source</th></tr>\n");
        for (TimingRow t : c.timing()) {
            out.append("<tr class=\"").append(t.jurisdiction().toLowerCase(java.util.Locale.ROOT)).append("\"><td>").append(esc(t.framework()))
                    .append("</td><td>").append(esc(t.jurisdiction())).append("</td><td>").append(esc(t.stage())).append("</td><td>")
                    .append(esc(t.kind())).append("</td><td>").append(esc(t.period().describe()))
                    .append(t.cap() == null ? "" : "<div class=\"src\">" + esc(t.cap().text()) + "</div>").append("</td><td>")
                    .append(esc(t.period().basis().words())).append("</td><td>")
                    .append(esc(t.clockStart())).append("</td><td>").append(t.firstReport() ? "yes" : "").append("</td><td>")
                    .append(t.inForce() ? "yes" : "<span class=\"no\">no</span>").append("</td><td class=\"src\">")
                    .append(esc(t.source() + " " + t.confidence().tag())).append("</td></tr>\n");
        }
        out.append("</table>\n<h2>Field matrix</h2>\n<table>\n<tr><th>field</th>");
        for (Framework f : c.frameworks()) {
            out.append("<th class=\"").append(f.jurisdiction().toLowerCase(java.util.Locale.ROOT)).append("\">").append(esc(f.id())).append("</th>");
        }
        out.append("</tr>\n");
        for (FieldRow row : c.fields()) {
            out.append("<tr><td><code>").append(esc(row.field().id())).append("</code><div class=\"src\">").append(esc(row.field().label()))
                    .append("</div></td>");
            for (Framework f : c.frameworks()) {
                out.append("<td>");
                for (Requirement r : row.requiredBy()) {
                    if (r.framework().equals(f.id())) {
                        out.append(esc(r.stage())).append(r.condition() == null ? "" : " <em>(" + esc(r.condition()) + ")</em>")
                                .append("<div class=\"src\">").append(esc(r.source() + " " + r.confidence().tag())).append("</div>");
                    }
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        for (FindingKind kind : FindingKind.values()) {
            out.append("<h2>").append(kind == FindingKind.ALIGNMENT ? "Where they align" : "Where they diverge").append("</h2>\n<ul>\n");
            for (Finding finding : c.findings()) {
                if (finding.kind() == kind) {
                    out.append("<li>").append(esc(finding.text())).append("<div class=\"src\">Evidence: ")
                            .append(esc(String.join("; ", evidence(finding)))).append("</div></li>\n");
                }
            }
            out.append("</ul>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    static String csvFields(Comparison c) {
        StringBuilder out = new StringBuilder("field,label");
        c.frameworks().forEach(f -> out.append(',').append(csv(f.id())));
        out.append('\n');
        for (FieldRow row : c.fields()) {
            out.append(csv(row.field().id())).append(',').append(csv(row.field().label()));
            for (Framework f : c.frameworks()) {
                List<String> cells = row.requiredBy().stream().filter(r -> r.framework().equals(f.id()))
                        .map(r -> r.stage() + ": " + r.source() + " " + r.confidence().tag()).toList();
                out.append(',').append(csv(String.join("; ", cells)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String csvTiming(Comparison c) {
        StringBuilder out = new StringBuilder("framework,jurisdiction,stage,kind,period,basis,clock_start,first_report,in_force,source,confidence\n");
        for (TimingRow t : c.timing()) {
            out.append(String.join(",", csv(t.framework()), csv(t.jurisdiction()), csv(t.stage()), csv(t.kind()),
                    csv(t.period().basis() == TimeBasis.BUSINESS_DAYS ? String.valueOf(t.period().amount()) : t.period().iso()),
                    csv(t.period().basis().key()), csv(t.clockStart()), String.valueOf(t.firstReport()), String.valueOf(t.inForce()),
                    csv(t.source()), csv(t.confidence().letter()))).append('\n');
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
    static String csv(String text) {
        if (text == null) {
            return "";
        }
        String value = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    static String esc(String text) {
        return DraftRenderer.esc(text);
    }
}
