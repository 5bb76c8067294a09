package dev.tandem.render.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.TimeBasis;
import dev.tandem.reporting.comparison.Evidence;
import dev.tandem.reporting.comparison.FieldRow;
import dev.tandem.reporting.comparison.Finding;
import dev.tandem.reporting.comparison.FindingKind;
import dev.tandem.reporting.comparison.Requirement;
import dev.tandem.reporting.comparison.TimingRow;
import dev.tandem.usecase.reporting.ComparisonResult;
import java.io.PrintWriter;

/** The comparison as JSON (contract: docs/schemas/frameworks-compare.schema.json). */
public final class ComparisonJson implements TextRenderer<ComparisonResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(ComparisonResult c, PrintWriter out) {
        ObjectNode root = ReportingJson.MAPPER.createObjectNode();
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
                    .put("recordPath", row.field().recordPath()).put("eu", row.requiredIn("EU")).put("us", row.requiredIn("US"))
                    .put("uk", row.requiredIn("UK"));
            ArrayNode by = f.putArray("requiredBy");
            for (Requirement r : row.requiredBy()) {
                ObjectNode item = by.addObject().put("framework", r.framework()).put("stage", r.stage());
                if (r.condition() != null) {
                    item.put("condition", r.condition());
                }
                ReportingJson.sourced(item, r.source(), r.confidence());
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
                ReportingJson.sourced(item.putObject("cap").put("event", t.cap().event()).put("period", t.cap().period().iso())
                        .put("text", t.cap().text()), t.cap().source(), t.cap().confidence());
            }
            if (!t.variants().isEmpty()) {
                ArrayNode variants = item.putArray("variants");
                t.variants().forEach(v -> ReportingJson.sourced(variants.addObject().put("period", v.period().iso())
                        .put("periodText", v.period().describe()).put("text", v.text()), v.source(), v.confidence()));
            }
            ReportingJson.sourced(item, t.source(), t.confidence());
        }
        findings(root.putArray("alignments"), c, FindingKind.ALIGNMENT);
        findings(root.putArray("divergences"), c, FindingKind.DIVERGENCE);
        ReportingJson.catalog(root, c.catalog());
        ReportingJson.print(root, out);
    }

    private static void findings(ArrayNode array, ComparisonResult c, FindingKind kind) {
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
                ReportingJson.sourced(item, e.source(), e.confidence());
            }
        }
    }
}
