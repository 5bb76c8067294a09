package dev.tandem.render.scan;

import dev.tandem.match.Finding;
import dev.tandem.match.MatchSource;
import dev.tandem.match.SbomReport;
import dev.tandem.match.UndecidedMatch;
import dev.tandem.match.UnmatchedComponent;
import dev.tandem.render.TextRenderer;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Subject;
import dev.tandem.triage.Statement;
import dev.tandem.usecase.scan.ScanResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A terminal report: per SBOM, findings grouped by component, known-exploited components first. */
final class TableRenderer implements TextRenderer<ScanResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(ScanResult result, PrintWriter out) {
        long suppressed = result.suppressedCount();
        out.printf(Locale.ROOT, "Tandem scan: %d SBOM(s), %d components, %d findings (%d known exploited%s), %d unmatched components%n",
                result.sboms().size(), result.componentCount(), result.findings().size(), result.knownExploitedCount(),
                suppressed == 0 ? "" : ", " + suppressed + " suppressed", result.unmatchedCount());
        ScanResult.AdvisorySummary counts = result.advisories();
        out.printf(Locale.ROOT, "Advisories: %d read (%d withdrawn, ignored) forming %d vulnerabilities; KEV: %d entries, %d matched an advisory%n",
                counts.advisories(), counts.withdrawn(), counts.vulnerabilities(), counts.kevEntries(), counts.kevMatched());
        if (!counts.recordSources().isEmpty() || counts.records() > 0) {
            out.printf(Locale.ROOT, "NVD/CVE records: %d read (%d rejected, ignored), naming %d CPE products as vulnerable%n",
                    counts.records(), counts.rejectedRecords(), counts.cpeProducts());
        }
        for (SbomReport report : result.reports()) {
            renderReport(report, result, out);
        }
    }

    private void renderReport(SbomReport report, ScanResult result, PrintWriter out) {
        out.println();
        out.println("== " + product(report.sbom().subject()) + "  [" + report.sbom().source() + ", "
                + report.sbom().format().label() + (report.sbom().specVersion().isEmpty() ? "" : " " + report.sbom().specVersion()) + "]");
        List<Finding> open = report.findings().stream().filter(f -> !result.suppressed(f)).toList();
        List<Finding> suppressed = report.findings().stream().filter(result::suppressed).toList();
        if (report.findings().isEmpty()) {
            out.println("   No known vulnerabilities in " + report.sbom().components().size() + " components.");
        }
        for (Map.Entry<Component, List<Finding>> group : byComponent(open).entrySet()) {
            Component component = group.getKey();
            boolean exploited = group.getValue().stream().anyMatch(Finding::knownExploited);
            out.println();
            out.println((exploited ? " ! " : "   ") + component.label() + dependency(component.dependency()));
            for (Finding finding : group.getValue()) {
                String marker = finding.knownExploited() ? "KNOWN EXPLOITED " : "";
                out.printf(Locale.ROOT, "     %-20s %s%-8s %4s  %s%n", finding.vulnerability().id(), marker,
                        FindingText.severityLabel(finding).toUpperCase(Locale.ROOT), FindingText.score(finding),
                        FindingText.fixedIn(finding));
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
                if (finding.cpe() != null) {
                    boolean ownRecord = finding.cpe().records().equals(List.of(finding.vulnerability().id()));
                    out.println("       " + (finding.matchedBy() == MatchSource.CPE ? "matched by CPE " : "also matched by CPE ")
                            + finding.cpe().cpe() + (finding.cpe().inferred() ? " (inferred from "
                            + finding.cpe().inferredBy() + ")" : "") + (ownRecord ? ""
                            : " in " + String.join(", ", finding.cpe().records())));
                }
                if (finding.matchedBy() == MatchSource.CPE && finding.severity() != null
                        && !finding.severity().source().isEmpty()) {
                    out.println("       severity from " + finding.severity().source());
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
            out.println("   Not decided (" + report.undecided().size() + "): an advisory names the component but whether it is affected could not be decided");
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
