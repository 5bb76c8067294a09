package dev.tandem.render.conformity;

import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.CatalogShowResult;
import java.io.PrintWriter;

/** One catalog as a Markdown table with the source of every entry. */
public final class CatalogShowMarkdown implements TextRenderer<CatalogShowResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(CatalogShowResult result, PrintWriter out) {
        RequirementCatalog catalog = result.catalog();
        StringBuilder md = new StringBuilder("# ").append(catalog.title()).append("\n\n");
        md.append("Version: ").append(catalog.version()).append("  \nSource: ").append(catalog.source())
                .append("  \nTitles are paraphrases, not the normative text.\n\n");
        md.append("| ID | Kind | Obligation | Confidence | Title | Source |\n|---|---|---|---|---|---|\n");
        for (Requirement r : catalog.requirements()) {
            md.append("| ").append(r.id()).append(" | ").append(r.kind()).append(" | ")
                    .append(CatalogShowTable.obligation(r)).append(" | ")
                    .append(r.confidence() == null ? "" : r.confidence().label()).append(" | ")
                    .append(cell(r.title() + (r.condition() == null ? "" : " (applies " + r.condition() + ")")
                            + (r.description() == null ? "" : ". " + r.descriptionSource() + ": " + r.description()
                                    + (r.descriptionConfidence() == null ? "" : " [" + r.descriptionConfidence().label() + "]"))
                            + (r.note() == null ? "" : " (" + r.note() + ")"))).append(" | ")
                    .append(cell(r.source())).append(" |\n");
        }
        md.append('\n').append(CatalogStamp.markdown(result.fingerprint())).append('\n');
        out.print(md);
    }

    /** A table cell: pipes escaped, one line. */
    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
