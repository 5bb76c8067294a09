package dev.tandem.render.reporting;

import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.usecase.reporting.ObligationsResult;
import java.io.PrintWriter;

/** The obligations as Markdown, for tickets and wikis: one table row per stage, then how each deadline was counted. */
public final class ObligationsMarkdown implements TextRenderer<ObligationsResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(ObligationsResult result, PrintWriter writer) {
        StringBuilder out = new StringBuilder();
        out.append("# Reporting obligations\n\n");
        out.append("Incident record `").append(result.incident()).append("`, evaluated at ").append(result.at()).append(".\n\n");
        if (result.obligations().isEmpty()) {
            out.append("No framework in the catalog applies to this record.\n\n");
        } else {
            out.append("| status | due (UTC) | due (local) | legal limit | framework | stage | in force | recipient | missing fields | source |\n");
            out.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (Obligation o : result.obligations()) {
                out.append("| ").append(o.status().id()).append(o.late() ? " (late)" : "")
                        .append(" | ").append(ObligationsText.due(o))
                        .append(" | ").append(Times.local(o.due(), o.timeZone()))
                        .append(" | ").append(o.legalLimit() == null ? "" : o.legalLimit().at().toString())
                        .append(" | ").append(o.framework())
                        .append(" | ").append(o.stage())
                        .append(" | ").append(o.inForce() ? "yes" : "**no**")
                        .append(" | ").append(Markdown.cell(o.recipient()))
                        .append(" | ").append(Markdown.cell(String.join(", ", o.missingFields())))
                        .append(" | ").append(Markdown.cell(o.source())).append(' ').append(o.confidence().tag())
                        .append(" |\n");
            }
            out.append("\n## How each deadline was counted\n\n");
            for (Obligation o : result.obligations()) {
                out.append("- **").append(o.framework()).append(" / ").append(o.stage()).append("**: ").append(o.countedAs());
                if (o.legalLimit() != null) {
                    out.append(". Legal limit ").append(o.legalLimit().at()).append(" under ").append(ObligationsText.legalLimitRules(o));
                }
                out.append(".\n");
            }
            out.append('\n');
        }
        ObligationsText.roles(out, result, true);
        ObligationsText.frameworks(out, result, true);
        ObligationsText.issues(out, result, true);
        out.append(CatalogLines.markdown(result.catalog()));
        writer.print(out);
    }
}
