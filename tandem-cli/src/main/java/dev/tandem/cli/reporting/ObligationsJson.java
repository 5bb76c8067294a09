package dev.tandem.cli.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.catalog.Confidence;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.InForce;
import dev.tandem.reporting.catalog.Note;
import dev.tandem.reporting.deadline.AppliedRule;
import dev.tandem.reporting.incident.RecordIssue;
import dev.tandem.reporting.obligation.FieldCheck;
import dev.tandem.reporting.obligation.FrameworkAssessment;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.ObligationResult;
import dev.tandem.reporting.obligation.RuleCheck;
import dev.tandem.reporting.obligation.Status;
import java.util.List;

/** The JSON form of {@code tandem obligations} (contract: docs/commands/obligations.md). */
final class ObligationsJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ObligationsJson() {
    }

    static String render(ObligationResult result) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("incident", result.source());
        root.put("at", Times.utc(result.at()));
        ArrayNode obligations = root.putArray("obligations");
        result.obligations().forEach(o -> obligations.add(obligation(o)));
        ArrayNode frameworks = root.putArray("frameworks");
        result.frameworks().forEach(f -> frameworks.add(framework(f)));
        ArrayNode issues = root.putArray("issues");
        for (RecordIssue issue : result.issues()) {
            issues.addObject().put("severity", issue.severity().label()).put("path", issue.path()).put("message", issue.message());
        }
        ObjectNode summary = root.putObject("summary");
        for (Status status : Status.values()) {
            summary.put(status.id(), result.obligations().stream().filter(o -> o.status() == status).count());
        }
        summary.put("overdueInForce", result.overdue().size());
        return MAPPER.writeValueAsString(root) + "\n";
    }

    static ObjectNode obligation(Obligation o) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("framework", o.framework());
        node.put("stage", o.stage());
        node.put("frameworkName", o.frameworkName());
        node.put("stageName", o.stageName());
        node.put("due", Times.utc(o.due()));
        node.put("dueLocal", o.due() == null ? null : Times.local(o.due(), o.timeZone()));
        node.put("timeZone", o.timeZone());
        if (o.legalLimit() != null) {
            node.put("legalLimit", Times.utc(o.legalLimit().at()));
            ArrayNode rules = node.putArray("legalLimitRule");
            for (AppliedRule rule : o.legalLimit().rules()) {
                ObjectNode r = rules.addObject().put("rule", rule.rule()).put("text", rule.text()).put("applied", rule.applied());
                sourced(r, rule.source(), rule.confidence());
                if (rule.note() != null) {
                    r.put("note", rule.note());
                }
            }
        } else {
            node.putNull("legalLimit");
        }
        node.put("countedAs", o.countedAs());
        node.put("clockStart", Times.utc(o.clockStart()));
        node.put("clockStartEvent", o.clockStartEvent());
        node.put("provisional", o.provisional());
        node.put("waitingFor", o.waitingFor());
        node.put("inForce", o.inForce());
        node.put("status", o.status().id());
        node.put("submittedAt", Times.utc(o.submittedAt()));
        node.put("late", o.late());
        node.put("recipient", o.recipient());
        node.put("channel", o.channel());
        ArrayNode missing = node.putArray("missingFields");
        o.missingFields().forEach(missing::add);
        ArrayNode fields = node.putArray("fields");
        for (FieldCheck field : o.fields()) {
            ObjectNode f = fields.addObject().put("id", field.id()).put("label", field.label())
                    .put("recordPath", field.recordPath()).put("present", field.present());
            if (field.condition() != null) {
                f.put("condition", field.condition());
            }
            sourced(f, field.source(), field.confidence());
        }
        sourced(node, o.source(), o.confidence());
        return node;
    }

    private static ObjectNode framework(FrameworkAssessment a) {
        Framework f = a.framework();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", f.id());
        node.put("name", f.name());
        node.put("jurisdiction", f.jurisdiction());
        node.put("instrument", f.instrument());
        node.put("applies", a.applies());
        node.put("inForce", a.inForce());
        node.set("inForceRule", inForce(f.inForce()));
        node.put("timeZone", a.timeZone());
        node.put("timeZoneReason", a.timeZoneReason());
        ArrayNode rules = node.putArray("rules");
        for (RuleCheck rule : a.rules()) {
            sourced(rules.addObject().put("id", rule.id()).put("text", rule.text()).put("met", rule.met()),
                    rule.source(), rule.confidence());
        }
        ArrayNode skipped = node.putArray("stagesNotApplicable");
        a.stagesNotApplicable().forEach(skipped::add);
        node.set("notes", notes(f.notes()));
        return node;
    }

    static ObjectNode inForce(InForce inForce) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("from", inForce.from() == null ? null : inForce.from().toString());
        node.put("status", inForce.status());
        node.put("describe", inForce.describe());
        sourced(node, inForce.source(), inForce.confidence());
        if (inForce.note() != null) {
            node.put("note", inForce.note());
        }
        return node;
    }

    static ArrayNode notes(List<Note> notes) {
        ArrayNode array = MAPPER.createArrayNode();
        notes.forEach(n -> sourced(array.addObject().put("text", n.text()), n.source(), n.confidence()));
        return array;
    }

    /** Adds source and confidence; an unconfirmed [U] entry also says so in words. */
    static ObjectNode sourced(ObjectNode node, String source, Confidence confidence) {
        node.put("source", source);
        node.put("confidence", confidence == null ? null : confidence.letter());
        if (confidence == Confidence.UNCONFIRMED) {
            node.put("unconfirmed", true);
        }
        return node;
    }
}
