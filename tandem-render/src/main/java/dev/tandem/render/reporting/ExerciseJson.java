package dev.tandem.render.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.exercise.Change;
import dev.tandem.reporting.exercise.Replay;
import dev.tandem.reporting.exercise.TimelineEntry;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.usecase.reporting.ExerciseResult;
import java.io.PrintWriter;

/** An exercise as JSON (contract: docs/schemas/exercise.schema.json). */
public final class ExerciseJson implements TextRenderer<ExerciseResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(ExerciseResult result, PrintWriter out) {
        ObjectNode root = ReportingJson.MAPPER.createObjectNode();
        ObjectNode scenario = root.putObject("scenario");
        scenario.put("source", result.scenario().source()).put("title", result.scenario().title())
                .put("description", result.scenario().description()).put("until", result.scenario().until().toString());
        replay(root, result.base());
        if (result.shift() != null) {
            root.putObject("shift").put("event", result.shift().event()).put("by", result.shift().by().toString());
            replay(root.putObject("shifted"), result.shifted());
            ArrayNode changes = root.putArray("changes");
            for (Change c : result.changes()) {
                changes.addObject().put("framework", c.framework()).put("stage", c.stage())
                        .put("dueBefore", Times.utc(c.dueBefore())).put("dueAfter", Times.utc(c.dueAfter()))
                        .put("outcomeBefore", c.before() == null ? null : c.before().id())
                        .put("outcomeAfter", c.after() == null ? null : c.after().id());
            }
        } else {
            root.putNull("shift");
            root.putNull("shifted");
            root.putArray("changes");
        }
        ReportingJson.catalog(root, result.catalog());
        ReportingJson.print(root, out);
    }

    private static void replay(ObjectNode node, Replay replay) {
        ArrayNode timeline = node.putArray("timeline");
        for (TimelineEntry e : replay.timeline()) {
            ObjectNode item = timeline.addObject().put("at", Times.utc(e.at())).put("type", e.type()).put("side", e.side())
                    .put("framework", e.framework()).put("stage", e.stage()).put("label", e.label());
            if (e.type().equals("due")) {
                item.put("outcome", e.outcome().id()).put("inForce", e.inForce()).put("provisional", e.provisional());
            }
        }
        ArrayNode obligations = node.putArray("obligations");
        for (Obligation o : replay.result().obligations()) {
            obligations.add(ReportingJson.obligation(o));
        }
        ArrayNode divergences = node.putArray("divergences");
        replay.divergences().forEach(divergences::add);
    }
}
