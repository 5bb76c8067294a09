package dev.tandem.cli.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.reporting.catalog.ApplicabilityRule;
import dev.tandem.reporting.catalog.Condition;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import java.time.LocalDate;

/** JSON of catalog frameworks, for {@code tandem frameworks list|show}. */
final class FrameworkJson {

    private FrameworkJson() {
    }

    static ObjectNode summary(Framework f, LocalDate on) {
        ObjectNode node = ObligationsJson.MAPPER.createObjectNode();
        node.put("id", f.id());
        node.put("name", f.name());
        node.put("jurisdiction", f.jurisdiction());
        node.put("instrument", f.instrument());
        node.put("inForce", f.inForce().on(on));
        node.set("inForceRule", ObligationsJson.inForce(f.inForce()));
        ArrayNode stages = node.putArray("stages");
        f.stages().forEach(s -> stages.add(s.id()));
        return node;
    }

    static ObjectNode full(Framework f, ReportingCatalog catalog, LocalDate on) {
        ObjectNode node = summary(f, on);
        node.put("url", f.url());
        node.put("timeZone", f.timeZone());
        node.put("countingRule", f.countingRule());
        node.put("calendar", f.calendar());
        ArrayNode rules = node.putArray("applicability");
        for (ApplicabilityRule rule : f.applicability()) {
            ObjectNode r = rules.addObject().put("id", rule.id()).put("text", rule.text());
            r.set("when", ObligationsJson.MAPPER.valueToTree(rule.when()));
            ObligationsJson.sourced(r, rule.source(), rule.confidence());
        }
        node.set("notes", ObligationsJson.notes(f.notes()));
        ArrayNode stages = node.putArray("stageDetails");
        for (Stage stage : f.stages()) {
            ObjectNode s = stages.addObject().put("id", stage.id()).put("kind", stage.kind()).put("name", stage.name());
            if (stage.when() != null) {
                s.set("when", ObligationsJson.MAPPER.valueToTree(stage.when()));
            }
            s.put("clockStart", clockStart(stage));
            s.put("period", stage.period().iso());
            s.put("periodText", stage.period().describe());
            if (stage.cap() != null) {
                ObjectNode cap = s.putObject("cap").put("event", stage.cap().event()).put("period", stage.cap().period().iso())
                        .put("text", stage.cap().text());
                ObligationsJson.sourced(cap, stage.cap().source(), stage.cap().confidence());
            }
            s.put("recipient", stage.recipient());
            s.put("channel", stage.channel());
            ArrayNode fields = s.putArray("fields");
            for (StageField field : stage.fields()) {
                ObjectNode fn = fields.addObject().put("id", field.field())
                        .put("label", catalog.field(field.field()).map(d -> d.label()).orElse(field.field()));
                if (field.condition() != null) {
                    fn.put("condition", field.condition());
                }
                ObligationsJson.sourced(fn, field.source(), field.confidence());
            }
            ObligationsJson.sourced(s, stage.source(), stage.confidence());
        }
        return node;
    }

    static String clockStart(Stage stage) {
        return stage.clockStart().chained()
                ? (stage.clockStart().fromLatestSubmission() ? "latest submission of " : "submission of ") + stage.clockStart().afterStage()
                : "timeline." + stage.clockStart().event()
                        + (stage.clockStart().fallback() == null ? "" : " (else timeline." + stage.clockStart().fallback() + ")");
    }

    /** A condition in words: "role cra-manufacturer; event.kind = vulnerability; event.activelyExploited". */
    static String describe(Condition c) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!c.roleAny().isEmpty()) {
            parts.add("role " + String.join(" or ", c.roleAny()));
        }
        if (!c.roleNone().isEmpty()) {
            parts.add("not role " + String.join(", ", c.roleNone()));
        }
        if (c.eventKind() != null) {
            parts.add("event.kind = " + c.eventKind());
        }
        if (c.eventFlag() != null) {
            parts.add("event." + c.eventFlag());
        }
        if (c.timelineSet() != null) {
            parts.add("timeline." + c.timelineSet() + " recorded");
        }
        if (!c.anyOf().isEmpty()) {
            parts.add("any of (" + String.join(" | ", c.anyOf().stream().map(FrameworkJson::describe).toList()) + ")");
        }
        return String.join("; ", parts);
    }
}
