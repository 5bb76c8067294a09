package dev.tandem.render.pqc;

import dev.tandem.pqc.catalog.Source;
import dev.tandem.pqc.classification.ClassifiedAsset;
import dev.tandem.pqc.plan.AppliedMilestone;
import dev.tandem.pqc.plan.PlanItem;
import dev.tandem.pqc.plan.PqcReport;
import dev.tandem.pqc.plan.ProductReadiness;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.pqc.PqcPlanResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Plain-text report for a terminal: products with readiness, the plan ordered by deadline, notes, sources. */
public final class PqcTableRenderer implements TextRenderer<PqcPlanResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(PqcPlanResult result, PrintWriter out) {
        PqcReport report = result.report();
        out.println("Post-quantum readiness - markets: " + String.join(", ", report.scope().markets())
                + "; sectors: " + String.join(", ", report.scope().sectors()));
        out.println();
        out.println("Products");
        for (ProductReadiness p : report.products()) {
            out.println("  " + p.product() + ": readiness " + PqcText.readiness(p));
            out.println("    from " + String.join(", ", p.sources()));
            for (AppliedMilestone m : p.milestones()) {
                out.println("    " + m.when() + "  " + PqcText.milestone(m));
            }
        }
        out.println();
        out.println("Plan (ordered by deadline)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DEADLINE", "CLASSIFICATION", "ASSET", "TYPE", "PRODUCT", "EVIDENCE", "REPLACEMENT"});
        for (PlanItem item : report.items()) {
            ClassifiedAsset a = item.asset();
            rows.add(new String[] {PqcText.deadline(item), PqcText.classification(a), a.name(), a.assetType(),
                    a.product(), PqcText.evidence(a), PqcText.replacement(item)});
        }
        printColumns(rows, out);
        out.println();
        out.println("Why, and which milestone sets each date");
        for (PlanItem item : report.items()) {
            ClassifiedAsset a = item.asset();
            out.println("  " + a.name() + " (" + a.product() + ", " + a.source() + " " + a.pointer() + ")");
            out.println("    " + a.classification().id() + ": " + a.reason());
            if (item.deadline() == null) {
                out.println("    deadline: no dated milestone applies in the chosen markets and sectors");
            }
            for (AppliedMilestone m : item.milestones()) {
                out.println("    " + m.when() + "  " + PqcText.milestone(m));
            }
            for (String note : a.notes()) {
                out.println("    note: " + note);
            }
        }
        out.println();
        out.println("Sources");
        for (Source s : report.sources()) {
            out.println("  " + s.cite() + (s.url() == null ? "" : " <" + s.url() + ">"));
        }
        out.println();
        out.println(PqcText.EVIDENCE_LEGEND);
        out.println(PqcText.CONFIDENCE_LEGEND);
        out.println();
        out.println("Catalog: " + result.catalog().label());
    }

    private static void printColumns(List<String[]> rows, PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.min(48, Math.max(widths[i], text(row[i]).length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                String cell = text(row[i]);
                if (i < columns - 1) {
                    if (cell.length() > widths[i]) {
                        cell = cell.substring(0, widths[i] - 1) + "~";
                    }
                    line.append(String.format("%-" + widths[i] + "s  ", cell));
                } else {
                    line.append(cell);
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
