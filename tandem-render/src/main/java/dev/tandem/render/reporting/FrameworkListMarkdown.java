package dev.tandem.render.reporting;

import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.usecase.reporting.FrameworkListResult;
import dev.tandem.usecase.reporting.FrameworkStanding;
import java.io.PrintWriter;

/** The frameworks as a Markdown table. */
public final class FrameworkListMarkdown implements TextRenderer<FrameworkListResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(FrameworkListResult result, PrintWriter out) {
        out.print("| id | jurisdiction | name | in force on " + result.on() + " | stages |\n|---|---|---|---|---|\n");
        for (FrameworkStanding standing : result.frameworks()) {
            Framework f = standing.framework();
            out.print("| `" + f.id() + "` | " + f.jurisdiction() + " | " + Markdown.cell(f.name()) + " | "
                    + (standing.inForce() ? "yes" : "no") + " (" + f.inForce().describe() + ") | "
                    + String.join(", ", f.stages().stream().map(Stage::id).toList()) + " |\n");
        }
        out.print("\n" + CatalogLines.markdown(result.catalog()));
    }
}
