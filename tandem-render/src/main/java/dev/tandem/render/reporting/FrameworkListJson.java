package dev.tandem.render.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.reporting.FrameworkListResult;
import java.io.PrintWriter;

/** The frameworks as JSON (contract: docs/schemas/frameworks-list.schema.json). */
public final class FrameworkListJson implements TextRenderer<FrameworkListResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(FrameworkListResult result, PrintWriter out) {
        ObjectNode root = ReportingJson.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("frameworks");
        result.frameworks().forEach(f -> array.add(FrameworkJson.summary(f.framework(), f.inForce())));
        ReportingJson.catalog(root, result.catalog());
        ReportingJson.print(root, out);
    }
}
