package dev.tandem.render.scan;

import dev.tandem.advisory.EpssProvenance;
import dev.tandem.advisory.EpssScore;
import dev.tandem.match.Finding;
import dev.tandem.match.SbomReport;
import dev.tandem.match.UndecidedMatch;
import dev.tandem.match.UnmatchedComponent;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.text.TextTable;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Subject;
import dev.tandem.triage.Statement;
import dev.tandem.usecase.scan.BaselineComparison;
import dev.tandem.usecase.scan.BaselineFinding;
import dev.tandem.usecase.scan.Coverage;
import dev.tandem.usecase.scan.ScanResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A terminal report: what the advisories covered, the known-exploited findings of every SBOM first,
 * then per SBOM the findings grouped by component, known-exploited components first. Columns are
 * as wide as their widest cell and two spaces apart, so long ids never run into the next column.
 */
final class TableRenderer implements TextRenderer<ScanResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(ScanResult result, PrintWriter out) {
        long suppressed = result.suppressedCount();
        out.printf(Locale.ROOT, "Tandem scan: %d SBOM(s), %,d components, %,d findings (%,d known exploited%s), %,d unmatched components%n",
                result.sboms().size(), result.componentCount(), result.findings().size(), result.knownExploitedCount(),
                suppressed == 0 ? "" : ", " + suppressed + " suppressed", result.unmatchedCount());
        ScanResult.AdvisorySummary counts = result.advisories();
        out.printf(Locale.ROOT, "Advisories: %,d read (%,d withdrawn, ignored) forming %,d vulnerabilities%n",
                counts.advisories(), counts.withdrawn(), counts.vulnerabilities());
        out.printf(Locale.ROOT, "KEV: %,d %s naming %,d %s: %,d %s an advisory, %,d matched none%n",
                counts.kevEntries(), counts.kevEntries() == 1 ? "entry" : "entries", counts.kevCves(),
                counts.kevCves() == 1 ? "CVE" : "CVEs", counts.kevMatched(),
                counts.kevMatched() == 1 ? "CVE matched" : "CVEs matched", counts.kevUnmatched());
        EpssProvenance epss = result.epss();
        if (epss != null) {
            out.printf(Locale.ROOT, "EPSS: %,d scores%s%s, from %s%n", epss.count(),
                    epss.scoreDate() == null ? "" : " of " + epss.scoreDate(),
                    epss.modelVersion().isEmpty() ? "" : " (model " + epss.modelVersion() + ")", epss.source());
        }
        BaselineComparison baseline = result.baseline();
        if (baseline != null) {
            out.printf(Locale.ROOT, "Baseline: %s%s: %,d new, %,d unchanged, %,d fixed or gone%n", baseline.source(),
                    baseline.previousScannedAt() == null ? "" : " (" + baseline.previousScannedAt() + ")",
                    baseline.newCount(), baseline.unchangedCount(), baseline.fixed().size());
        }
        coverage(result.coverage(), out);
        knownExploited(result, out);
        for (int i = 0; i < result.sboms().size(); i++) {
            renderReport(result.reports().get(i), result.coverage().sboms().get(i), result, out);
        }
        if (baseline != null && !baseline.fixed().isEmpty()) {
            out.println();
            out.println("Fixed or gone since the baseline (" + baseline.fixed().size() + "):");
            TextTable table = TextTable.of("id", "component", "product").stripTrailingSpaces();
            for (BaselineFinding fixed : baseline.fixed()) {
                table.row(fixed.id() + (fixed.knownExploited() ? " (was known exploited)" : ""), fixed.purl(),
                        fixed.product());
            }
            table.render().lines().forEach(line -> out.println("   " + line));
        }
    }

    /** Per ecosystem what the scan could check; the gaps stand out. */
    private static void coverage(Coverage coverage, PrintWriter out) {
        if (coverage.ecosystems().isEmpty() && coverage.unmatched() == 0) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Coverage.Ecosystem ecosystem : coverage.ecosystems()) {
            parts.add(ecosystem.ecosystem() + " " + count(ecosystem.components(), "component") + " against "
                    + count(ecosystem.advisories(), "advisory") + (ecosystem.checked() ? "" : " (NOT CHECKED)"));
        }
        if (coverage.unmatched() > 0) {
            parts.add(count(coverage.unmatched(), "component") + " not matched");
        }
        out.println("Coverage: " + (coverage.complete() ? "complete: " : "INCOMPLETE: ") + String.join("; ", parts));
    }

    /** "1 component", "1,204 components", "0 advisories". */
    private static String count(long n, String noun) {
        String plural = n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return String.format(Locale.ROOT, "%,d %s", n, plural);
    }

    /** Every known-exploited finding of every SBOM, before the per-SBOM detail: the CRA's 24-hour trigger. */
    private static void knownExploited(ScanResult result, PrintWriter out) {
        List<ScanResult.Located> exploited = result.located().stream()
                .filter(l -> l.finding().knownExploited() && !result.suppressed(l.finding())).toList();
        if (exploited.isEmpty()) {
            return;
        }
        out.println();
        out.println("Known exploited, in all SBOMs (" + exploited.size() + "): act on these first");
        TextTable table = TextTable.of("id", "component", "product", "exploited").stripTrailingSpaces();
        for (ScanResult.Located located : exploited) {
            Finding finding = located.finding();
            table.row(finding.vulnerability().id(), finding.component().label(),
                    product(located.sbom().sbom().subject()), FindingText.exploitation(finding));
        }
        table.render().lines().forEach(line -> out.println("   " + line));
    }

    private void renderReport(SbomReport report, Coverage.Sbom coverage, ScanResult result, PrintWriter out) {
        out.println();
        out.println("== " + product(report.sbom().subject()) + "  [" + report.sbom().source() + ", "
                + report.sbom().format().label() + (report.sbom().specVersion().isEmpty() ? "" : " " + report.sbom().specVersion()) + "]");
        List<Finding> open = report.findings().stream().filter(f -> !result.suppressed(f)).toList();
        List<Finding> suppressed = report.findings().stream().filter(result::suppressed).toList();
        int components = report.sbom().components().size();
        if (report.findings().isEmpty()) {
            if (coverage.complete() && report.undecided().isEmpty()) {
                out.println("   No known vulnerabilities in " + components + " components.");
            } else {
                out.println("   No findings in " + components + " components, but not every component could be checked: "
                        + gaps(coverage, report) + ".");
            }
        } else if (!coverage.complete()) {
            out.println("   Not every component could be checked: " + gaps(coverage, report) + ".");
        }
        Columns columns = new Columns(open, result);
        for (Map.Entry<Component, List<Finding>> group : byComponent(open).entrySet()) {
            Component component = group.getKey();
            boolean exploited = group.getValue().stream().anyMatch(Finding::knownExploited);
            out.println();
            out.println((exploited ? " ! " : "   ") + component.label() + dependency(component.dependency()));
            for (Finding finding : group.getValue()) {
                out.println("     " + columns.line(finding, result));
                String summary = FindingText.summary(finding.vulnerability());
                if (!summary.equals(finding.vulnerability().id())) {
                    out.println("       " + summary);
                }
                if (finding.knownExploited()) {
                    out.println("       exploited: " + FindingText.exploitation(finding));
                }
                if (!finding.vulnerability().aliases().isEmpty()) {
                    out.println("       aliases: " + String.join(", ", finding.vulnerability().aliases()));
                }
                String severities = FindingText.otherSeverities(finding);
                if (!severities.isEmpty()) {
                    out.println("       cvss: " + severities);
                }
                if (!finding.note().isEmpty()) {
                    out.println("       note: " + finding.note());
                }
            }
        }
        if (!suppressed.isEmpty()) {
            out.println();
            out.println("   Suppressed (" + suppressed.size() + "): shown for the record, not counted against the failure threshold");
            for (Finding finding : suppressed) {
                out.println("     " + finding.component().label() + "  " + finding.vulnerability().id());
                result.triage().about(finding.findingId()).stream().filter(Statement::suppresses)
                        .forEach(s -> out.println("       " + Justifications.text(s)));
            }
        }
        if (!report.undecided().isEmpty()) {
            out.println();
            out.println("   Not decided (" + report.undecided().size() + "): an advisory names the package but the version could not be evaluated");
            for (UndecidedMatch undecided : report.undecided()) {
                out.println("     " + undecided.component().label() + "  " + undecided.vulnerabilityId() + "  " + undecided.reason());
            }
        }
        if (!report.unmatched().isEmpty()) {
            out.println();
            out.println("   Not matched (" + report.unmatched().size() + " components): no advisory can name them");
            for (UnmatchedComponent unmatched : report.unmatched()) {
                out.println("     " + unmatched.component().label() + "  (" + unmatched.reason() + ")");
            }
        }
    }

    /** "12 npm components had no advisories to check against; 2 components could not be matched". */
    private static String gaps(Coverage.Sbom coverage, SbomReport report) {
        List<String> gaps = new ArrayList<>();
        for (Coverage.Ecosystem ecosystem : coverage.ecosystems()) {
            if (!ecosystem.checked()) {
                gaps.add(ecosystem.components() + " " + ecosystem.ecosystem() + " component"
                        + (ecosystem.components() == 1 ? "" : "s") + " had no advisories to check against");
            }
        }
        if (coverage.unmatched() > 0) {
            gaps.add(coverage.unmatched() + " component" + (coverage.unmatched() == 1 ? "" : "s") + " could not be matched");
        }
        if (!report.undecided().isEmpty()) {
            gaps.add(report.undecided().size() + " match" + (report.undecided().size() == 1 ? "" : "es") + " could not be decided");
        }
        return String.join("; ", gaps);
    }

    /**
     * The columns of one SBOM's finding lines (id, exploited marker and severity, score, EPSS,
     * baseline state, fix), each as wide as its widest cell, two spaces apart.
     */
    private static final class Columns {
        private final int id;
        private final int severity;
        private final int score;
        private final int epss;
        private final boolean baseline;

        Columns(List<Finding> findings, ScanResult result) {
            int idWidth = 0;
            int severityWidth = 0;
            int scoreWidth = 0;
            int epssWidth = 0;
            for (Finding finding : findings) {
                idWidth = Math.max(idWidth, finding.vulnerability().id().length());
                severityWidth = Math.max(severityWidth, severity(finding).length());
                scoreWidth = Math.max(scoreWidth, FindingText.score(finding).length());
                epssWidth = Math.max(epssWidth, epss(result.epssOf(finding).orElse(null), result.epss() != null).length());
            }
            this.id = idWidth;
            this.severity = severityWidth;
            this.score = scoreWidth;
            this.epss = epssWidth;
            this.baseline = result.baseline() != null;
        }

        String line(Finding finding, ScanResult result) {
            StringBuilder line = new StringBuilder();
            cell(line, finding.vulnerability().id(), id);
            cell(line, severity(finding), severity);
            if (score > 0) {
                line.append(" ".repeat(score - FindingText.score(finding).length())).append(FindingText.score(finding)).append("  ");
            }
            if (epss > 0) {
                cell(line, epss(result.epssOf(finding).orElse(null), result.epss() != null), epss);
            }
            if (baseline) {
                cell(line, result.baseline().isNew(finding.findingId()) ? "NEW" : "", 3);
            }
            line.append(FindingText.fixedIn(finding));
            return line.toString();
        }

        private static void cell(StringBuilder line, String text, int width) {
            line.append(text).append(" ".repeat(width - text.length())).append("  ");
        }

        private static String severity(Finding finding) {
            return (finding.knownExploited() ? "KNOWN EXPLOITED " : "")
                    + FindingText.severityLabel(finding).toUpperCase(Locale.ROOT);
        }

        private static String epss(EpssScore score, boolean loaded) {
            if (!loaded) {
                return "";
            }
            return score == null ? "EPSS -" : String.format(Locale.ROOT, "EPSS %.3f (%.0f%%)", score.score(),
                    Math.floor(score.percentile() * 100));
        }
    }

    /** Components in the order of their worst finding (the result is already sorted exploited-first). */
    private static Map<Component, List<Finding>> byComponent(List<Finding> findings) {
        Map<Component, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            groups.computeIfAbsent(finding.component(), c -> new ArrayList<>()).add(finding);
        }
        return groups;
    }

    private static String product(Subject subject) {
        if (subject.name().isEmpty()) {
            return "(SBOM names no product)";
        }
        String text = subject.name() + (subject.version().isEmpty() ? "" : " " + subject.version());
        return subject.manufacturer().isEmpty() ? text : text + " by " + subject.manufacturer();
    }

    private static String dependency(DependencyKind kind) {
        return switch (kind) {
            case DIRECT -> "  (direct dependency)";
            case TRANSITIVE -> "  (transitive dependency)";
            case UNKNOWN -> "";
        };
    }
}
