package dev.tandem.cli.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.reporting.catalog.Notice;
import dev.tandem.reporting.draft.DraftField;
import dev.tandem.reporting.draft.DraftNotice;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.reporting.obligation.Obligation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Markdown, JSON and HTML forms of a report draft. */
final class DraftRenderer {

    static final String MISSING = "MISSING";

    private DraftRenderer() {
    }

    static String json(ReportDraft draft) throws JsonProcessingException {
        ObjectNode root = ObligationsJson.MAPPER.createObjectNode();
        root.put("framework", draft.framework().id());
        root.put("stage", draft.stage().id());
        root.put("frameworkName", draft.framework().name());
        root.put("stageName", draft.stage().name());
        root.put("reporter", draft.reporter());
        root.put("applies", draft.assessment().applies());
        root.put("inForce", draft.assessment().inForce());
        Obligation o = draft.obligation();
        if (o != null) {
            root.set("obligation", ObligationsJson.obligation(o));
        } else {
            root.putNull("obligation");
        }
        root.put("recipient", o != null ? o.recipient() : draft.stage().recipient());
        root.put("channel", draft.stage().channel());
        ArrayNode fields = root.putArray("fields");
        for (DraftField field : draft.fields()) {
            ObjectNode f = fields.addObject().put("id", field.id()).put("label", field.label())
                    .put("recordPath", field.recordPath()).put("missing", field.missing());
            f.set("value", field.value());
            if (field.condition() != null) {
                f.put("condition", field.condition());
            }
            ObligationsJson.sourced(f, field.source(), field.confidence());
        }
        ArrayNode missing = root.putArray("missingFields");
        draft.missingFields().forEach(missing::add);
        ArrayNode notices = root.putArray("notices");
        for (DraftNotice drafted : draft.notices()) {
            Notice notice = drafted.notice();
            ObjectNode n = notices.addObject().put("id", notice.id()).put("title", notice.title()).put("text", notice.text());
            ArrayNode noticeFields = n.putArray("fields");
            for (DraftField field : drafted.fields()) {
                noticeFields.addObject().put("id", field.id()).put("label", field.label()).put("recordPath", field.recordPath())
                        .put("missing", field.missing()).set("value", field.value());
            }
            ObligationsJson.sourced(n, notice.source(), notice.confidence());
        }
        ArrayNode warnings = root.putArray("warnings");
        draft.warnings().forEach(warnings::add);
        ObligationsJson.sourced(root, draft.stage().source(), draft.stage().confidence());
        return ObligationsJson.MAPPER.writeValueAsString(root) + "\n";
    }

    static String markdown(ReportDraft draft) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(draft.framework().name()).append(": ").append(draft.stage().name()).append("\n\n");
        out.append("DRAFT prepared by Tandem from the incident record; review every field before submitting.\n\n");
        for (String line : header(draft)) {
            out.append("- ").append(line).append('\n');
        }
        out.append('\n');
        for (String warning : draft.warnings()) {
            out.append("> **Warning:** ").append(warning).append("\n\n");
        }
        out.append("## Report content\n\n");
        int n = 1;
        for (DraftField field : draft.fields()) {
            out.append("### ").append(n++).append(". ").append(field.label());
            if (field.condition() != null) {
                out.append(" (").append(field.condition()).append(')');
            }
            out.append("\n\n");
            out.append(field.missing() ? "**" + MISSING + "**: add `" + field.recordPath() + "` to the record." : value(field.value()))
                    .append("\n\n");
            out.append("_Field `").append(field.id()).append("`; required by ").append(field.source()).append(' ')
                    .append(field.confidence().tag()).append("._\n\n");
        }
        for (DraftNotice drafted : draft.notices()) {
            Notice notice = drafted.notice();
            out.append("## ").append(notice.title()).append("\n\n").append(notice.text()).append("\n\n");
            if (!drafted.fields().isEmpty()) {
                out.append("Draft notice to users:\n\n");
                for (DraftField field : drafted.fields()) {
                    out.append("- **").append(field.label()).append("**:");
                    if (field.missing()) {
                        out.append(" **" + MISSING + "** (add `" + field.recordPath() + "`)");
                    } else if (field.value().isValueNode()) {
                        out.append(' ').append(value(field.value()).replace("\n", "\n  "));
                    } else {
                        // A list or object becomes a nested block, not text glued after the label.
                        out.append("\n\n  ").append(value(field.value()).replace("\n", "\n  ")).append('\n');
                    }
                    out.append('\n');
                }
                out.append('\n');
            }
            out.append("_Source: ").append(notice.source()).append(' ').append(notice.confidence().tag()).append("._\n\n");
        }
        return out.toString();
    }

    static String html(ReportDraft draft) {
        StringBuilder out = new StringBuilder();
        String title = draft.framework().name() + ": " + draft.stage().name();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
                        + ".missing{color:#a40000;font-weight:bold}.warn{border-left:4px solid #c60;padding:.3rem .8rem;background:#fff6ec}"
                        + ".src{color:#555;font-size:.85em}dt{font-weight:bold;margin-top:1rem}pre{white-space:pre-wrap}"
                        + "@media print{.warn{background:none}}</style>\n</head>\n<body>\n");
        out.append("<h1>").append(esc(title)).append("</h1>\n");
        out.append("<p><strong>DRAFT</strong> prepared by Tandem from the incident record; review every field before submitting.</p>\n<ul>\n");
        for (String line : header(draft)) {
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
                out.append("<span class=\"missing\">").append(MISSING).append("</span>: add <code>")
                        .append(esc(field.recordPath())).append("</code> to the record.");
            } else {
                out.append("<pre>").append(esc(value(field.value()))).append("</pre>");
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
                            ? "<span class=\"missing\">" + MISSING + "</span>: add <code>" + esc(field.recordPath()) + "</code>"
                            : "<pre>" + esc(value(field.value())) + "</pre>").append("</dd>\n");
                }
                out.append("</dl>\n");
            }
            out.append("<p class=\"src\">Source: ").append(esc(notice.source())).append(' ')
                    .append(esc(notice.confidence().tag())).append("</p>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static List<String> header(ReportDraft draft) {
        List<String> lines = new ArrayList<>();
        lines.add("Framework: " + draft.framework().id() + " (" + draft.framework().instrument() + ")");
        lines.add("Stage: " + draft.stage().id() + " (" + draft.stage().source() + " " + draft.stage().confidence().tag() + ")");
        lines.add("Reporter: " + (draft.reporter() == null ? MISSING : draft.reporter()));
        Obligation o = draft.obligation();
        lines.add("To: " + (o != null ? o.recipient() : draft.stage().recipient()) + ", via " + draft.stage().channel());
        if (o != null) {
            lines.add("Due: " + (o.due() == null ? "waits for " + o.waitingFor()
                    : o.due() + " (" + Times.local(o.due(), o.timeZone()) + ")" + (o.provisional() ? ", provisional" : ""))
                    + "; status " + o.status().id() + "; " + o.countedAs());
            if (o.legalLimit() != null) {
                lines.add("Legal limit: " + o.legalLimit().at() + " (" + String.join("; ", o.legalLimit().rules().stream()
                        .filter(r -> r.applied()).map(r -> r.source() + " " + r.confidence().tag()).toList()) + ")");
            }
        }
        lines.add("In force: " + (draft.assessment().inForce() ? "yes" : "NO") + " (" + draft.framework().inForce().describe()
                + ", " + draft.framework().inForce().source() + " " + draft.framework().inForce().confidence().tag() + ")");
        return lines;
    }

    /** A field value as text: strings as they are, lists one item per line, objects as "key: value" lines. */
    static String value(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText();
        }
        List<String> lines = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> lines.add("- " + value(item).replace("\n", "\n  ")));
        } else {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                lines.add(entry.getKey() + ": " + value(entry.getValue()).replace("\n", "\n  "));
            }
        }
        return String.join("\n", lines);
    }

    static String esc(String text) {
        return dev.tandem.markup.Html.escape(text);
    }
}
