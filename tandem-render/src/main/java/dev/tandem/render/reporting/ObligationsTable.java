package dev.tandem.render.reporting;

import dev.tandem.render.TextRenderer;
import dev.tandem.render.text.TextTable;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.usecase.reporting.ObligationsResult;
import java.io.PrintWriter;

/** The obligations for a terminal: one row per stage, then how each deadline was counted, to whom, from which source. */
public final class ObligationsTable implements TextRenderer<ObligationsResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(ObligationsResult result, PrintWriter writer) {
        StringBuilder out = new StringBuilder();
        out.append("Reporting obligations for ").append(result.incident()).append(" at ").append(result.at()).append("\n\n");
        if (result.obligations().isEmpty()) {
            out.append("No framework in the catalog applies to this record.\n");
        } else {
            TextTable table = TextTable.of("STATUS", "DUE (UTC)", "DUE (LOCAL)", "FRAMEWORK", "STAGE", "IN FORCE", "MISSING")
                    .stripTrailingSpaces();
            for (Obligation o : result.obligations()) {
                table.row(o.status().id() + (o.late() ? " (late)" : ""), ObligationsText.due(o), Times.local(o.due(), o.timeZone()),
                        o.framework(), o.stage(), o.inForce() ? "yes" : "NO", String.valueOf(o.missingFields().size()));
            }
            out.append(table.render());
            out.append('\n');
            for (Obligation o : result.obligations()) {
                out.append(o.framework()).append(' ').append(o.stage()).append(": ").append(o.countedAs());
                if (o.clockStart() != null) {
                    out.append("; clock started ").append(o.clockStart()).append(" (").append(o.clockStartEvent()).append(')');
                }
                out.append('\n');
                if (o.legalLimit() != null) {
                    out.append("  legal limit ").append(o.legalLimit().at()).append(": ").append(ObligationsText.legalLimitRules(o))
                            .append('\n');
                }
                out.append("  to ").append(o.recipient()).append(" via ").append(o.channel()).append('\n');
                out.append("  source ").append(o.source()).append(' ').append(o.confidence().tag()).append('\n');
                if (!o.missingFields().isEmpty()) {
                    out.append("  missing: ").append(String.join(", ", o.missingFields())).append('\n');
                }
            }
        }
        out.append('\n');
        ObligationsText.roles(out, result, false);
        ObligationsText.frameworks(out, result, false);
        ObligationsText.issues(out, result, false);
        out.append(CatalogLines.text(result.catalog()));
        writer.print(out);
    }
}
