package dev.tandem.render.conformity;

import dev.tandem.render.TextRenderer;
import dev.tandem.render.text.TextTable;
import dev.tandem.usecase.conformity.CatalogListResult;
import java.io.PrintWriter;

/** The catalogs as a terminal table with their counts, then the crosswalks between them. */
public final class CatalogListTable implements TextRenderer<CatalogListResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(CatalogListResult result, PrintWriter out) {
        TextTable table = TextTable.of("ID", "REQUIREMENTS", "ENTRIES", "VERSION", "TITLE").withRule().cutCellsAt(70);
        result.catalogs().forEach(c -> table.row(c.id(), String.valueOf(c.assessed().size()),
                String.valueOf(c.requirements().size()), c.version(), c.title()));
        out.print(table.render());
        out.print("\nCrosswalks:\n");
        // The terminal table has always shown how to open each crosswalk on the command line.
        result.crosswalks().forEach(x -> out.print("  tandem crosswalk --from " + x.from() + " --to " + x.to()
                + "   (" + x.mappings().size() + " entries, " + x.status() + ")\n"));
        out.print("\n" + CatalogStamp.line(result.fingerprint()) + "\n");
    }
}
