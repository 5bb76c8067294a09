package dev.tandem.render.conformity;

import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.text.TextTable;
import dev.tandem.usecase.conformity.CrosswalkResult;
import java.io.PrintWriter;

/** A crosswalk as a terminal table, one row per entry. */
public final class CrosswalkTable implements TextRenderer<CrosswalkResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(CrosswalkResult result, PrintWriter out) {
        Crosswalk crosswalk = result.crosswalk();
        out.print(crosswalk.title() + (crosswalk.reversed() ? " (computed reversed view)" : "") + "\n");
        out.print("Relationship = how the source requirement relates to the union of its targets (NIST IR 8477); method: docs/conformity.md\n\n");
        TextTable table = TextTable.of("SOURCE", "RELATIONSHIP", "TARGETS", "CONFIDENCE", "RATIONALE / REASON")
                .withRule().cutCellsAt(70);
        for (Mapping m : crosswalk.mappings()) {
            table.row(m.source(), m.relationship().label(), String.join(", ", m.targets()),
                    m.confidence() == null ? "" : m.confidence().label(), m.hasCounterpart() ? m.rationale() : m.reason());
        }
        out.print(table.render());
        out.print("\n" + CatalogStamp.line(result.fingerprint()) + "\n");
    }
}
