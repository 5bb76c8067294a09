package dev.tandem.render.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.catalog.Notice;
import dev.tandem.reporting.draft.DraftField;
import dev.tandem.reporting.draft.DraftNotice;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.usecase.reporting.ReportDraftResult;
import java.io.PrintWriter;

/** A report draft as JSON (contract: docs/schemas/report.schema.json). */
public final class DraftJson implements TextRenderer<ReportDraftResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(ReportDraftResult result, PrintWriter out) {
        ReportDraft draft = result.draft();
        ObjectNode root = ReportingJson.MAPPER.createObjectNode();
        root.put("framework", draft.framework().id());
        root.put("stage", draft.stage().id());
        root.put("frameworkName", draft.framework().name());
        root.put("stageName", draft.stage().name());
        root.put("reporter", draft.reporter());
        root.put("applies", draft.assessment().applies());
        root.put("inForce", draft.assessment().inForce());
        Obligation o = draft.obligation();
        if (o != null) {
            root.set("obligation", ReportingJson.obligation(o));
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
            ReportingJson.sourced(f, field.source(), field.confidence());
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
            ReportingJson.sourced(n, notice.source(), notice.confidence());
        }
        ArrayNode warnings = root.putArray("warnings");
        draft.warnings().forEach(warnings::add);
        ReportingJson.sourced(root, draft.stage().source(), draft.stage().confidence());
        ReportingJson.catalog(root, result.catalog());
        ReportingJson.print(root, out);
    }
}
