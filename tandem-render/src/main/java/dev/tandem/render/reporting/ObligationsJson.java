package dev.tandem.render.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.RoleStanding;
import dev.tandem.reporting.incident.RecordIssue;
import dev.tandem.reporting.obligation.FrameworkAssessment;
import dev.tandem.reporting.obligation.RuleCheck;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.usecase.reporting.ObligationsResult;
import java.io.PrintWriter;

/** The obligations as JSON (contract: docs/schemas/obligations.schema.json). */
public final class ObligationsJson implements TextRenderer<ObligationsResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(ObligationsResult result, PrintWriter out) {
        ObjectNode root = ReportingJson.MAPPER.createObjectNode();
        root.put("incident", result.incident());
        root.put("at", Times.utc(result.at()));
        ArrayNode obligations = root.putArray("obligations");
        result.obligations().forEach(o -> obligations.add(ReportingJson.obligation(o)));
        ArrayNode roles = root.putArray("roles");
        for (RoleStanding role : result.roles()) {
            ObjectNode r = roles.addObject().put("id", role.id()).put("text", role.role().text()).put("declared", role.declared());
            ArrayNode by = r.putArray("impliedBy");
            role.impliedByIds().forEach(by::add);
            ReportingJson.sourced(r, role.role().source(), role.role().confidence());
        }
        ArrayNode frameworks = root.putArray("frameworks");
        result.frameworks().forEach(f -> frameworks.add(framework(f)));
        ArrayNode issues = root.putArray("issues");
        for (RecordIssue issue : result.issues()) {
            issues.addObject().put("severity", issue.severity().label()).put("path", issue.path()).put("message", issue.message());
        }
        ObjectNode summary = root.putObject("summary");
        for (Status status : Status.values()) {
            summary.put(status.id(), result.count(status));
        }
        summary.put("overdueInForce", result.overdue().size());
        ReportingJson.catalog(root, result.catalog());
        ReportingJson.print(root, out);
    }

    private static ObjectNode framework(FrameworkAssessment a) {
        Framework f = a.framework();
        ObjectNode node = ReportingJson.MAPPER.createObjectNode();
        node.put("id", f.id());
        node.put("name", f.name());
        node.put("jurisdiction", f.jurisdiction());
        node.put("instrument", f.instrument());
        node.put("applies", a.applies());
        node.put("inForce", a.inForce());
        node.set("inForceRule", ReportingJson.inForce(f.inForce()));
        node.put("timeZone", a.timeZone());
        node.put("timeZoneReason", a.timeZoneReason());
        ArrayNode rules = node.putArray("rules");
        for (RuleCheck rule : a.rules()) {
            ReportingJson.sourced(rules.addObject().put("id", rule.id()).put("text", rule.text()).put("met", rule.met()),
                    rule.source(), rule.confidence());
        }
        ArrayNode skipped = node.putArray("stagesNotApplicable");
        a.stagesNotApplicable().forEach(skipped::add);
        node.set("notes", ReportingJson.notes(f.notes()));
        return node;
    }
}
