package dev.tandem.render.sbom;

import dev.tandem.render.TextRenderer;
import dev.tandem.sbom.quality.QualityReport;
import dev.tandem.usecase.sbom.SbomCheckResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The SBOM check for a terminal: the verdict, coverage per field, the violations, the catalog. */
public final class SbomCheckTableRenderer implements TextRenderer<SbomCheckResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(SbomCheckResult result, PrintWriter out) {
        QualityReport report = result.report();
        out.println(report.sbom() + " against " + report.profileTitle() + ": "
                + (report.passed() ? "PASSED" : "BELOW THE PROFILE") + " (" + report.components() + " components)");
        out.println();
        out.printf(Locale.ROOT, "%-10s %-20s %-9s %9s  %s%n", "LEVEL", "FIELD", "REQUIRED", "COVERAGE", "TITLE");
        for (QualityReport.FieldResult f : report.fields()) {
            String coverage = f.verifiable() ? String.format(Locale.ROOT, "%.1f%%", f.coverage() * 100) : "unknown";
            out.printf(Locale.ROOT, "%-10s %-20s %-9s %9s  %s%n", f.level(), f.field(),
                    f.obligation().equals("required") ? "yes" : "no", coverage, f.title());
        }
        if (!report.violations().isEmpty()) {
            out.println();
            out.println("Violations (" + report.violations().size() + "):");
            for (QualityReport.Violation v : report.violations()) {
                out.println("  " + v.level() + " " + v.field() + ": " + v.message()
                        + (v.examples().isEmpty() ? "" : "; e.g. " + String.join(", ", v.examples())));
            }
        }
        out.println();
        out.println("Catalog: " + result.catalog().label());
    }
}
