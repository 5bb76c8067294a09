package dev.tandem.render.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.reporting.catalog.ApplicabilityRule;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.PeriodVariant;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import dev.tandem.usecase.reporting.FrameworkShowResult;

/** One framework as JSON: the summary the list gives, and the whole of it that show gives. */
final class FrameworkJson {

    private FrameworkJson() {
    }

    static ObjectNode summary(Framework f, boolean inForce) {
        ObjectNode node = ReportingJson.MAPPER.createObjectNode();
        node.put("id", f.id());
        node.put("name", f.name());
        node.put("jurisdiction", f.jurisdiction());
        node.put("instrument", f.instrument());
        node.put("inForce", inForce);
        node.set("inForceRule", ReportingJson.inForce(f.inForce()));
        ArrayNode stages = node.putArray("stages");
        f.stages().forEach(s -> stages.add(s.id()));
        return node;
    }

    static ObjectNode full(FrameworkShowResult result) {
        Framework f = result.framework();
        ObjectNode node = summary(f, result.inForce());
        node.put("url", f.url());
        node.put("timeZone", f.timeZone());
        node.put("countingRule", f.countingRule());
        node.put("calendar", f.calendar());
        ArrayNode rules = node.putArray("applicability");
        for (ApplicabilityRule rule : f.applicability()) {
            ObjectNode r = rules.addObject().put("id", rule.id()).put("text", rule.text());
            r.set("when", ReportingJson.MAPPER.valueToTree(rule.when()));
            ReportingJson.sourced(r, rule.source(), rule.confidence());
        }
        node.set("notes", ReportingJson.notes(f.notes()));
        ArrayNode stages = node.putArray("stageDetails");
        for (Stage stage : f.stages()) {
            ObjectNode s = stages.addObject().put("id", stage.id()).put("kind", stage.kind()).put("name", stage.name());
            if (stage.when() != null) {
                s.set("when", ReportingJson.MAPPER.valueToTree(stage.when()));
            }
            s.put("clockStart", FrameworkWords.clockStart(stage));
            s.put("period", stage.period().iso());
            s.put("periodText", stage.period().describe());
            if (stage.cap() != null) {
                ObjectNode cap = s.putObject("cap").put("event", stage.cap().event()).put("period", stage.cap().period().iso())
                        .put("text", stage.cap().text());
                ReportingJson.sourced(cap, stage.cap().source(), stage.cap().confidence());
            }
            if (!stage.variants().isEmpty()) {
                ArrayNode variants = s.putArray("variants");
                for (PeriodVariant variant : stage.variants()) {
                    ObjectNode v = variants.addObject();
                    v.set("when", ReportingJson.MAPPER.valueToTree(variant.when()));
                    v.put("period", variant.period().iso()).put("periodText", variant.period().describe()).put("text", variant.text());
                    ReportingJson.sourced(v, variant.source(), variant.confidence());
                }
            }
            s.put("recipient", stage.recipient());
            s.put("channel", stage.channel());
            ArrayNode fields = s.putArray("fields");
            for (StageField field : stage.fields()) {
                ObjectNode fn = fields.addObject().put("id", field.field())
                        .put("label", result.field(field.field()).map(d -> d.label()).orElse(field.field()));
                if (field.condition() != null) {
                    fn.put("condition", field.condition());
                }
                ReportingJson.sourced(fn, field.source(), field.confidence());
            }
            ReportingJson.sourced(s, stage.source(), stage.confidence());
        }
        return node;
    }
}
