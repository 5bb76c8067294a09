package dev.tandem.render.reporting;

import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.catalog.Notice;
import dev.tandem.reporting.draft.DraftField;
import dev.tandem.reporting.draft.DraftNotice;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.usecase.reporting.ReportDraftResult;
import java.io.PrintWriter;

/** A report draft as Markdown: header, warnings, the fields in the authority's order, the notices. */
public final class DraftMarkdown implements TextRenderer<ReportDraftResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(ReportDraftResult result, PrintWriter writer) {
        ReportDraft draft = result.draft();
        StringBuilder out = new StringBuilder();
        out.append("# ").append(draft.framework().name()).append(": ").append(draft.stage().name()).append("\n\n");
        out.append("DRAFT prepared by Tandem from the incident record; review every field before submitting.\n\n");
        for (String line : DraftText.header(draft)) {
            out.append("- ").append(line).append('\n');
        }
        out.append('\n');
        for (String warning : draft.warnings()) {
            out.append("> **Warning:** ").append(warning).append("\n\n");
        }
        out.append("## Report content\n\n");
        int n = 1;
        for (DraftField field : draft.fields()) {
            out.append("### ").append(n++).append(". ").append(field.label());
            if (field.condition() != null) {
                out.append(" (").append(field.condition()).append(')');
            }
            out.append("\n\n");
            out.append(field.missing() ? "**" + DraftText.MISSING + "**: add `" + field.recordPath() + "` to the record."
                    : DraftText.value(field.value())).append("\n\n");
            out.append("_Field `").append(field.id()).append("`; required by ").append(field.source()).append(' ')
                    .append(field.confidence().tag()).append("._\n\n");
        }
        for (DraftNotice drafted : draft.notices()) {
            Notice notice = drafted.notice();
            out.append("## ").append(notice.title()).append("\n\n").append(notice.text()).append("\n\n");
            if (!drafted.fields().isEmpty()) {
                out.append("Draft notice to users:\n\n");
                for (DraftField field : drafted.fields()) {
                    out.append("- **").append(field.label()).append("**:");
                    if (field.missing()) {
                        out.append(" **" + DraftText.MISSING + "** (add `" + field.recordPath() + "`)");
                    } else if (field.value().isValueNode()) {
                        out.append(' ').append(DraftText.value(field.value()).replace("\n", "\n  "));
                    } else {
                        // A list or object becomes a nested block, not text glued after the label.
                        out.append("\n\n  ").append(DraftText.value(field.value()).replace("\n", "\n  ")).append('\n');
                    }
                    out.append('\n');
                }
                out.append('\n');
            }
            out.append("_Source: ").append(notice.source()).append(' ').append(notice.confidence().tag()).append("._\n\n");
        }
        out.append(CatalogLines.markdown(result.catalog()));
        writer.print(out);
    }
}
