package dev.tandem.render.reporting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.reporting.FrameworkShowResult;
import java.io.PrintWriter;

/** One framework as JSON (contract: docs/schemas/frameworks-show.schema.json). */
public final class FrameworkShowJson implements TextRenderer<FrameworkShowResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(FrameworkShowResult result, PrintWriter out) {
        ObjectNode root = FrameworkJson.full(result);
        ReportingJson.catalog(root, result.catalog());
        ReportingJson.print(root, out);
    }
}
