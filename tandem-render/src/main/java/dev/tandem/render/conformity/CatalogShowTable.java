package dev.tandem.render.conformity;

import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.text.TextTable;
import dev.tandem.usecase.conformity.CatalogShowResult;
import java.io.PrintWriter;

/** Every entry of one catalog as a terminal table: kind, obligation, confidence, title. */
public final class CatalogShowTable implements TextRenderer<CatalogShowResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(CatalogShowResult result, PrintWriter out) {
        RequirementCatalog catalog = result.catalog();
        out.print(catalog.title() + " (" + catalog.version() + ")\n");
        out.print("Source: " + catalog.source() + "\n\n");
        TextTable table = TextTable.of("ID", "KIND", "OBLIGATION", "CONFIDENCE", "TITLE").withRule().cutCellsAt(70);
        for (Requirement r : catalog.requirements()) {
            table.row(r.id(), r.kind(), obligation(r), r.confidence() == null ? "" : r.confidence().label(), r.title());
        }
        out.print(table.render());
        out.print("\n" + CatalogStamp.line(result.fingerprint()) + "\n");
    }

    /** The obligation, marked when it holds only under a condition. */
    static String obligation(Requirement r) {
        return r.obligation() + (r.isConditional() ? " (conditional)" : "") + (r.craClass() == null ? "" : ": " + r.craClass());
    }
}
