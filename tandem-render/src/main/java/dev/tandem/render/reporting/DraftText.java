package dev.tandem.render.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.reporting.obligation.Obligation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the Markdown and HTML drafts share: the header lines and field values as text. */
final class DraftText {

    static final String MISSING = "MISSING";

    private DraftText() {
    }

    /** Framework, stage, reporter, recipient, due instant, legal limit, in force: one line each. */
    static List<String> header(ReportDraft draft) {
        List<String> lines = new ArrayList<>();
        lines.add("Framework: " + draft.framework().id() + " (" + draft.framework().instrument() + ")");
        lines.add("Stage: " + draft.stage().id() + " (" + draft.stage().source() + " " + draft.stage().confidence().tag() + ")");
        lines.add("Reporter: " + (draft.reporter() == null ? MISSING : draft.reporter()));
        Obligation o = draft.obligation();
        lines.add("To: " + (o != null ? o.recipient() : draft.stage().recipient()) + ", via " + draft.stage().channel());
        if (o != null) {
            if (o.due() == null && o.waitingFor() == null && o.clockStart() != null) {
                // No fixed period: the duty is owed from its clock start, "without undue delay".
                lines.add("Due: " + o.countedAs() + "; owed since " + o.clockStart() + " (" + Times.local(o.clockStart(), o.timeZone())
                        + "); status " + o.status().id());
            } else {
                lines.add("Due: " + (o.due() == null ? ObligationsText.due(o)
                        : o.due() + " (" + Times.local(o.due(), o.timeZone()) + ")" + (o.provisional() ? ", provisional" : ""))
                        + "; status " + o.status().id() + "; " + o.countedAs());
            }
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
}
