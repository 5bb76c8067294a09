package dev.tandem.render.reporting;

import dev.tandem.render.TextRenderer;
import dev.tandem.render.text.TextTable;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.usecase.reporting.FrameworkListResult;
import dev.tandem.usecase.reporting.FrameworkStanding;
import java.io.PrintWriter;

/** The frameworks for a terminal: id, side, in force on the date, stages, name. */
public final class FrameworkListTable implements TextRenderer<FrameworkListResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(FrameworkListResult result, PrintWriter out) {
        TextTable table = TextTable.of("ID", "SIDE", "IN FORCE", "STAGES", "NAME").stripTrailingSpaces();
        for (FrameworkStanding standing : result.frameworks()) {
            Framework f = standing.framework();
            table.row(f.id(), f.jurisdiction(), (standing.inForce() ? "yes" : "NO") + " (" + f.inForce().describe() + ")",
                    String.join(", ", f.stages().stream().map(Stage::id).toList()), f.name());
        }
        out.print(table.render());
        out.print("\n" + CatalogLines.text(result.catalog()));
    }
}
