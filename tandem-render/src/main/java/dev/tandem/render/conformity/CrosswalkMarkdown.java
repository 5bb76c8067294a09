package dev.tandem.render.conformity;

import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.CrosswalkResult;
import java.io.PrintWriter;

/** A crosswalk as a Markdown table with rationale, gap, confidence and sources of every entry. */
public final class CrosswalkMarkdown implements TextRenderer<CrosswalkResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(CrosswalkResult result, PrintWriter out) {
        Crosswalk crosswalk = result.crosswalk();
        StringBuilder md = new StringBuilder("# ").append(crosswalk.title()).append("\n\n");
        md.append("Not an official mapping. Relationship = how the source requirement relates to the union of its targets "
                + "(NIST IR 8477, ").append(crosswalk.matchingRationale()).append(" matching). Method: docs/conformity.md.\n\n");
        md.append("| Source | Relationship | Targets | Rationale / reason | Set reasoning | Gap | Confidence | Sources |\n|---|---|---|---|---|---|---|---|\n");
        for (Mapping m : crosswalk.mappings()) {
            md.append("| ").append(m.source()).append(" | ").append(m.relationship().label()).append(" | ")
                    .append(String.join(", ", m.targets())).append(" | ")
                    .append(CatalogShowMarkdown.cell(m.hasCounterpart() ? m.rationale() : m.reason())).append(" | ")
                    .append(CatalogShowMarkdown.cell(reasoning(m))).append(" | ")
                    .append(CatalogShowMarkdown.cell(m.gap())).append(" | ")
                    .append(m.confidence() == null ? "" : m.confidence().label()).append(" | ")
                    .append(CatalogShowMarkdown.cell(String.join("; ", m.sources()))).append(" |\n");
        }
        md.append('\n').append(CatalogStamp.markdown(result.fingerprint())).append('\n');
        out.print(md);
    }

    /** Both: …; only the source: …; only the targets: … (empty for an entry without written reasoning). */
    private static String reasoning(Mapping m) {
        if (m.common() == null) {
            return "";
        }
        return "Both: " + m.common() + ". Only the source: " + m.onlyInSource() + ". Only the targets: " + m.onlyInTargets() + ".";
    }
}
