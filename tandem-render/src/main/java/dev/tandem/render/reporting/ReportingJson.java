package dev.tandem.render.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.catalog.Confidence;
import dev.tandem.reporting.catalog.InForce;
import dev.tandem.reporting.catalog.Note;
import dev.tandem.reporting.deadline.AppliedRule;
import dev.tandem.reporting.obligation.FieldCheck;
import dev.tandem.reporting.obligation.Obligation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON pieces the reporting outputs share: one obligation, an in-force rule, notes, sources, the catalog. */
final class ReportingJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportingJson() {
    }

    /** Writes {@code root} indented, with a final newline. */
    static void print(ObjectNode root, PrintWriter out) {
        try {
            out.print(MAPPER.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level {@code catalog} object: which knowledge base the output was computed from. */
    static void catalog(ObjectNode root, CatalogFingerprint catalog) {
        root.putObject("catalog").put("version", catalog.version()).put("sha256", catalog.sha256()).put("origin", catalog.origin());
    }

    /** One obligation, the same object in the obligations, report draft and exercise outputs. */
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
        if (o.variant() != null) {
            ObjectNode variant = node.putObject("periodVariant").put("period", o.variant().period().iso())
                    .put("periodText", o.variant().period().describe()).put("text", o.variant().text());
            sourced(variant, o.variant().source(), o.variant().confidence());
        }
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
