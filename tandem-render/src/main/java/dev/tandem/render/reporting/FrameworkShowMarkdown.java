package dev.tandem.render.reporting;

import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.catalog.ApplicabilityRule;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.Note;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import dev.tandem.usecase.reporting.FrameworkShowResult;
import java.io.PrintWriter;

/** One framework as Markdown: instrument, in force, applicability, every stage with its fields, the notes; each with its source. */
public final class FrameworkShowMarkdown implements TextRenderer<FrameworkShowResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(FrameworkShowResult result, PrintWriter writer) {
        Framework f = result.framework();
        StringBuilder out = new StringBuilder();
        out.append("# ").append(f.name()).append(" (`").append(f.id()).append("`)\n\n");
        out.append("- Instrument: ").append(f.instrument()).append(" — ").append(f.url()).append('\n');
        out.append("- In force on ").append(result.on()).append(": ").append(result.inForce() ? "yes" : "**no**").append(" (")
                .append(f.inForce().describe()).append("; ").append(f.inForce().source()).append(' ')
                .append(f.inForce().confidence().tag()).append(")").append(f.inForce().note() == null ? "" : ". " + f.inForce().note()).append('\n');
        out.append("- Periods counted in: ").append(f.timeZone()).append("; counting rule: ")
                .append(f.countingRule() == null ? "none" : f.countingRule()).append("; calendar: ").append(f.calendar()).append("\n\n");
        out.append("## Applies when (all of)\n\n");
        for (ApplicabilityRule rule : f.applicability()) {
            out.append("- ").append(rule.text()).append(" — `").append(FrameworkWords.describe(rule.when())).append("` (")
                    .append(rule.source()).append(' ').append(rule.confidence().tag()).append(")\n");
        }
        out.append("\n## Stages\n\n");
        for (Stage stage : f.stages()) {
            out.append("### ").append(stage.name()).append(" (`").append(stage.id()).append("`)\n\n");
            out.append("- Due: ").append(stage.period().describe()).append(" after ").append(FrameworkWords.clockStart(stage));
            if (stage.cap() != null) {
                out.append("; ").append(stage.cap().text()).append(" (").append(stage.cap().source()).append(' ')
                        .append(stage.cap().confidence().tag()).append(')');
            }
            out.append('\n');
            for (var variant : stage.variants()) {
                out.append("- Instead ").append(variant.period().describe()).append(" for ").append(variant.text()).append(" (`")
                        .append(FrameworkWords.describe(variant.when())).append("`; ").append(variant.source()).append(' ')
                        .append(variant.confidence().tag()).append(")\n");
            }
            if (stage.when() != null) {
                out.append("- Only when: `").append(FrameworkWords.describe(stage.when())).append("`\n");
            }
            out.append("- To: ").append(stage.recipient()).append(", via ").append(stage.channel()).append('\n');
            out.append("- Source: ").append(stage.source()).append(' ').append(stage.confidence().tag()).append("\n- Fields:\n");
            for (StageField field : stage.fields()) {
                out.append("  - `").append(field.field()).append("` ").append(result.field(field.field()).map(d -> d.label()).orElse(""))
                        .append(field.condition() == null ? "" : " (" + field.condition() + ")").append(" — ")
                        .append(field.source()).append(' ').append(field.confidence().tag()).append('\n');
            }
            out.append('\n');
        }
        if (!f.notes().isEmpty()) {
            out.append("## Notes\n\n");
            for (Note note : f.notes()) {
                out.append("- ").append(note.text()).append(" (").append(note.source()).append(' ').append(note.confidence().tag()).append(")\n");
            }
            out.append('\n');
        }
        out.append(CatalogLines.markdown(result.catalog()));
        writer.print(out);
    }
}
