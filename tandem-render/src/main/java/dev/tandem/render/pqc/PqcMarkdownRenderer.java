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

/** Markdown report (GitHub-flavoured tables), for pull requests and wikis. */
public final class PqcMarkdownRenderer implements TextRenderer<PqcPlanResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(PqcPlanResult result, PrintWriter out) {
        PqcReport report = result.report();
        out.println("# Post-quantum readiness");
        out.println();
        out.println("Markets: " + String.join(", ", report.scope().markets()) + ". Sectors: "
                + String.join(", ", report.scope().sectors()) + ".");
        out.println();
        out.println("## Products");
        out.println();
        out.println("| product | readiness | quantum-resistant | weakened | quantum-vulnerable | unknown | sources |");
        out.println("|---|---|---|---|---|---|---|");
        for (ProductReadiness p : report.products()) {
            out.println("| " + cell(p.product()) + " | " + (p.readinessPercent() == null ? "n/a" : p.readinessPercent() + "%")
                    + (p.libraryEvidenceOnly() ? " (library evidence only)" : "") + " | " + p.quantumResistant() + " | "
                    + p.weakened() + " | " + p.quantumVulnerable() + " | " + p.unknown() + " | "
                    + cell(String.join(", ", p.sources())) + " |");
        }
        out.println();
        for (ProductReadiness p : report.products()) {
            for (AppliedMilestone m : p.milestones()) {
                out.println("- " + cell(p.product()) + ": **" + m.when() + "** " + cell(PqcText.milestone(m)));
            }
        }
        out.println();
        out.println("## Plan (ordered by deadline)");
        out.println();
        out.println("| deadline | classification | asset | type | product | evidence | replacement | milestone |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (PlanItem item : report.items()) {
            ClassifiedAsset a = item.asset();
            out.println("| " + PqcText.deadline(item) + " | " + PqcText.classification(a) + " | " + cell(a.name()) + " | "
                    + a.assetType() + " | " + cell(a.product()) + " | " + PqcText.evidence(a) + " | "
                    + cell(PqcText.replacement(item)) + " | "
                    + (item.deadline() == null ? "-" : cell(PqcText.milestone(item.deadline()))) + " |");
        }
        out.println();
        out.println("## Why");
        out.println();
        for (PlanItem item : report.items()) {
            ClassifiedAsset a = item.asset();
            out.println("- **" + cell(a.name()) + "** (" + cell(a.product()) + "): " + a.classification().id() + ", "
                    + cell(a.reason()));
            for (String note : a.notes()) {
                out.println("  - " + cell(note));
            }
        }
        out.println();
        out.println("## Sources");
        out.println();
        for (Source s : report.sources()) {
            out.println("- " + cell(s.cite()) + (s.url() == null ? "" : " <" + s.url() + ">"));
        }
        out.println();
        out.println(PqcText.EVIDENCE_LEGEND);
        out.println();
        out.println(PqcText.CONFIDENCE_LEGEND);
        out.println();
        out.println("_Catalog: " + cell(result.catalog().label()) + "_");
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }
}
