package dev.tandem.render.reporting;

import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.comparison.FieldRow;
import dev.tandem.reporting.comparison.Finding;
import dev.tandem.reporting.comparison.FindingKind;
import dev.tandem.reporting.comparison.Requirement;
import dev.tandem.reporting.comparison.TimingRow;
import dev.tandem.usecase.reporting.ComparisonResult;
import java.io.PrintWriter;
import java.util.List;

/** The comparison as Markdown: timing table, field matrix with the source of every cell, alignments and divergences. */
public final class ComparisonMarkdown implements TextRenderer<ComparisonResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(ComparisonResult c, PrintWriter writer) {
        StringBuilder out = new StringBuilder("# " + ComparisonText.TITLE + "\n\n");
        out.append(ComparisonText.INTRO).append("\n\n");
        out.append("## Timing, fastest to slowest\n");
        for (String side : ComparisonText.jurisdictions(c)) {
            out.append("\n### ").append(side).append("\n\n| framework | stage | kind | period | time basis | clock start | first report | in force | source |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            for (TimingRow t : c.timing()) {
                if (!t.jurisdiction().equals(side)) {
                    continue;
                }
                out.append("| ").append(t.framework()).append(" | ").append(t.stage())
                        .append(" | ").append(t.kind()).append(" | ").append(Markdown.cell(ComparisonText.period(t)))
                        .append(t.cap() == null ? "" : " (" + Markdown.cell(t.cap().text()) + ")")
                        .append(" | ").append(t.period().basis().words())
                        .append(" | ").append(t.clockStart()).append(" | ").append(t.firstReport() ? "yes" : "")
                        .append(" | ").append(t.inForce() ? "yes" : "**no**").append(" | ").append(Markdown.cell(t.source()))
                        .append(' ').append(t.confidence().tag()).append(" |\n");
            }
        }
        List<String> sides = ComparisonText.jurisdictions(c);
        out.append("\n## Field matrix\n\nEach cell lists the stages of that side that require the field; sources follow the table.\n\n| field |");
        for (String side : sides) {
            out.append(' ').append(side).append(" |");
        }
        out.append("\n|---|").append("---|".repeat(sides.size())).append('\n');
        for (FieldRow row : c.fields()) {
            out.append("| `").append(row.field().id()).append("` |");
            for (String side : sides) {
                out.append(' ').append(String.join(", ", ComparisonText.stagesIn(row, side))).append(" |");
            }
            out.append('\n');
        }
        out.append("\nSources of the cells:\n\n");
        for (FieldRow row : c.fields()) {
            for (Requirement r : row.requiredBy()) {
                out.append("- `").append(row.field().id()).append("` × ").append(r.framework()).append('/').append(r.stage())
                        .append(r.condition() == null ? "" : " (" + r.condition() + ")").append(": ").append(r.source())
                        .append(' ').append(r.confidence().tag()).append('\n');
            }
        }
        for (FindingKind kind : FindingKind.values()) {
            out.append("\n## ").append(ComparisonText.heading(kind)).append("\n\n");
            for (Finding finding : c.findings()) {
                if (finding.kind() == kind) {
                    out.append("- ").append(finding.text()).append("\n  Evidence: ")
                            .append(String.join("; ", ComparisonText.evidence(finding))).append('\n');
                }
            }
        }
        out.append('\n').append(CatalogLines.markdown(c.catalog()));
        writer.print(out);
    }
}
