package dev.tandem.render.scan;

import dev.tandem.advisory.cvss.Rating;
import dev.tandem.match.Finding;
import dev.tandem.match.SbomReport;
import dev.tandem.match.UndecidedMatch;
import dev.tandem.match.UnmatchedComponent;
import dev.tandem.render.html.Block;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Tone;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Subject;
import dev.tandem.usecase.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A scan as a document: known-exploited findings first across every SBOM with the CRA 24-hour early-warning
 * flag, a severity summary per product, then each product's findings with fixed versions, and the
 * components no advisory could name.
 */
public final class ScanPage {

    static final String CRA = "https://eur-lex.europa.eu/eli/reg/2024/2847/oj";

    private ScanPage() {
    }

    public static Page of(ScanResult result) {
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("At a glance", glance(result)));
        sections.add(Section.of("Known exploited: the CRA 24-hour early warning", exploited(result)));
        sections.add(Section.of("Severity per product", severity(result)));
        for (ScanResult.ScannedSbom scanned : result.sboms()) {
            sections.add(Section.of(product(scanned.report().sbom().subject()), product(result, scanned.report())));
        }
        sections.add(Section.of("Advisories used", advisories(result)));
        List<Page.LegendEntry> legend = new ArrayList<>();
        legend.add(Legends.status(Tone.BAD, "known exploited", "Listed in the CISA or EU known-exploited vulnerabilities catalogue."));
        legend.add(Legends.status(Tone.BAD, "critical", "CVSS base score 9.0 to 10.0 (high 7.0 to 8.9, medium 4.0 to 6.9, low 0.1 to 3.9)."));
        legend.add(Legends.status(Tone.NEUTRAL, "unknown", "No CVSS score in the advisories."));
        legend.add(Legends.status(Tone.NEUTRAL, "suppressed", "A triage statement (ignore entry, VEX, decision) takes the finding "
                + "out of what needs action; it stays listed, with who said so and why."));
        return new Page("Vulnerability scan", result.sboms().size() == 1 ? product(result.sboms().get(0).report().sbom().subject())
                : result.sboms().size() + " products", Text.of(result.findings().size() + " findings in " + result.componentCount()
                + " components of " + result.sboms().size() + " SBOM(s), " + result.knownExploitedCount()
                + " known to be exploited. Components are matched by package URL against OSV advisories; "
                + "known-exploited catalogues join through CVE aliases."), null, result.provenance(), sections, legend);
    }

    private static List<Block> glance(ScanResult r) {
        long critical = r.findings().stream().filter(f -> f.rating() == Rating.CRITICAL).count();
        long high = r.findings().stream().filter(f -> f.rating() == Rating.HIGH).count();
        return List.of(new Block.Figures("Findings across every SBOM", List.of(
                new Block.Figure(String.valueOf(r.knownExploitedCount()), "known exploited", r.knownExploitedCount() > 0 ? Tone.BAD : Tone.OK),
                new Block.Figure(String.valueOf(critical), "critical", critical > 0 ? Tone.BAD : Tone.OK),
                new Block.Figure(String.valueOf(high), "high", high > 0 ? Tone.WARN : Tone.OK),
                new Block.Figure(String.valueOf(r.findings().size()), "findings in all", Tone.INFO),
                new Block.Figure(String.valueOf(r.suppressedCount()), "suppressed by triage", Tone.NEUTRAL),
                new Block.Figure(String.valueOf(r.unmatchedCount()), "components no advisory can name", Tone.NEUTRAL))));
    }

    private static List<Block> exploited(ScanResult r) {
        List<Block> blocks = new ArrayList<>();
        List<Block.Row> rows = new ArrayList<>();
        for (SbomReport report : r.reports()) {
            for (Finding f : report.findings()) {
                if (f.knownExploited() && !r.suppressed(f)) {
                    rows.add(new Block.Row(List.of(Text.of(product(report.sbom().subject())), component(f), vulnerability(f),
                            severity(f), fixed(f), Text.of(FindingText.exploitation(f))), Tone.BAD));
                }
            }
        }
        long suppressed = r.findings().stream().filter(f -> f.knownExploited() && r.suppressed(f)).count();
        if (suppressed > 0) {
            blocks.add(new Block.Paragraph(Text.of(suppressed + " known-exploited finding(s) suppressed by triage statements "
                    + "are listed below with their product, with who suppressed them and why.")));
        }
        if (rows.isEmpty()) {
            blocks.add(new Block.Notice(Tone.OK, "No component is known to be exploited",
                    Text.of("None of the findings that need action is listed in the known-exploited catalogues given.")));
            return blocks;
        }
        blocks.add(new Block.Notice(Tone.BAD, rows.size() + " finding(s) known to be exploited",
                Text.of("For a product with digital elements made available in the EU, ")
                        .link("Regulation (EU) 2024/2847 (CRA) Art 14(1) and 14(2)(a)", CRA)
                        .plain(" require an early warning to the CSIRT coordinator and ENISA within 24 hours of becoming aware of "
                                + "an actively exploited vulnerability, from 11 September 2026. A catalogue listing is evidence of "
                                + "exploitation, not the awareness that starts the clock: record it in an incident record and run "
                                + "tandem obligations to count the deadline.")));
        blocks.add(new Block.Table("Known-exploited findings in every SBOM", List.of(Block.Column.of("Product"),
                Block.Column.of("Component"), Block.Column.of("Vulnerability"), Block.Column.narrow("Severity"),
                Block.Column.of("Fixed in"), Block.Column.of("Exploitation")), rows, false, null));
        return blocks;
    }

    private static List<Block> severity(ScanResult r) {
        List<Block.Row> rows = new ArrayList<>();
        for (SbomReport report : r.reports()) {
            List<Text> cells = new ArrayList<>();
            // The component counts go under the product, not in columns of their own: the severity columns then fit a
            // narrow screen with every header word whole.
            cells.add(Text.of(product(report.sbom().subject())).lineBreak().code(report.sbom().source()).lineBreak()
                    .muted(report.sbom().components().size() + " components, " + report.unmatched().size() + " not matched"));
            long kev = report.findings().stream().filter(Finding::knownExploited).count();
            cells.add(kev > 0 ? Text.ofBadge(Tone.BAD, String.valueOf(kev)) : Text.of("0"));
            for (Rating rating : List.of(Rating.CRITICAL, Rating.HIGH, Rating.MEDIUM, Rating.LOW, Rating.UNKNOWN)) {
                long n = report.findings().stream().filter(f -> f.rating() == rating
                        || (rating == Rating.UNKNOWN && f.rating() == Rating.NONE)).count();
                cells.add(n > 0 ? Text.ofBadge(tone(rating), String.valueOf(n)) : Text.of("0"));
            }
            rows.add(Block.Row.of(cells));
        }
        return List.of(new Block.Table("Findings by severity (a finding is one vulnerability in one component)",
                List.of(Block.Column.wide("Product, SBOM and components"), Block.Column.narrow("Known exploited"),
                        Block.Column.narrow("Critical"), Block.Column.narrow("High"), Block.Column.narrow("Medium"),
                        Block.Column.narrow("Low"), Block.Column.narrow("Unknown")),
                rows, true, null));
    }

    private static List<Block> product(ScanResult result, SbomReport report) {
        List<Block> blocks = new ArrayList<>();
        Subject s = report.sbom().subject();
        blocks.add(new Block.Facts(null, List.of(
                new Block.Fact("Product", Text.of(s.name().isEmpty() ? "(the SBOM names no product)" : s.name())),
                new Block.Fact("Version", Text.of(s.version().isEmpty() ? "not given" : s.version())),
                new Block.Fact("Manufacturer", Text.of(s.manufacturer().isEmpty() ? "not given" : s.manufacturer())),
                new Block.Fact("SBOM", Text.ofCode(report.sbom().source()).plain(", " + report.sbom().format().label()
                        + (report.sbom().specVersion().isEmpty() ? "" : " " + report.sbom().specVersion()) + ", "
                        + report.sbom().components().size() + " components")))));
        List<Block.Row> rows = new ArrayList<>();
        for (Finding f : report.findings()) {
            Text summary = Text.of(FindingText.summary(f.vulnerability()));
            if (!f.note().isEmpty()) {
                summary.lineBreak().muted(f.note());
            }
            if (result.suppressed(f)) {
                summary.lineBreak().append(suppression(result, f));
            }
            rows.add(new Block.Row(List.of(component(f), vulnerability(f), severity(f), fixed(f), summary),
                    result.suppressed(f) ? Tone.NEUTRAL : f.knownExploited() ? Tone.BAD : null));
        }
        blocks.add(new Block.Table("Findings, known-exploited first", List.of(Block.Column.of("Component"),
                Block.Column.of("Vulnerability"), Block.Column.narrow("Severity"), Block.Column.of("Fixed in"),
                Block.Column.wide("Summary")), rows, false, "No known vulnerabilities in " + report.sbom().components().size()
                + " components."));
        if (!report.undecided().isEmpty()) {
            List<Block.Row> undecided = new ArrayList<>();
            for (UndecidedMatch u : report.undecided()) {
                undecided.add(Block.Row.of(Text.ofCode(u.component().label()), Text.empty().link(u.vulnerabilityId(),
                        FindingText.osvUrl(u.advisoryId() == null ? u.vulnerabilityId() : u.advisoryId())), Text.of(u.reason())));
            }
            blocks.add(new Block.Table("Not decided: an advisory names the package but the version could not be evaluated",
                    List.of(Block.Column.of("Component"), Block.Column.of("Advisory"), Block.Column.wide("Why")), undecided, false, null));
        }
        if (!report.unmatched().isEmpty()) {
            List<Block.Row> unmatched = new ArrayList<>();
            for (UnmatchedComponent u : report.unmatched()) {
                unmatched.add(Block.Row.of(Text.ofCode(u.component().label()), Text.of(u.reason())));
            }
            blocks.add(new Block.Table("Not matched: no advisory can name these components", List.of(Block.Column.wide("Component"),
                    Block.Column.wide("Why")), unmatched, false, null));
        }
        return blocks;
    }

    private static List<Block> advisories(ScanResult r) {
        ScanResult.AdvisorySummary a = r.advisories();
        return List.of(new Block.Facts(null, List.of(
                new Block.Fact("Advisories", Text.of(a.advisories() + " read (" + a.withdrawn() + " withdrawn, ignored), forming "
                        + a.vulnerabilities() + " vulnerabilities")),
                new Block.Fact("Known-exploited entries", Text.of(a.kevEntries() + ", of which " + a.kevMatched() + " matched an advisory")),
                new Block.Fact("Advisory sources", Text.of(String.join(", ", a.sources()))),
                new Block.Fact("Known-exploited catalogues", Text.of(a.kevSources().isEmpty() ? "none" : String.join(", ", a.kevSources()))))));
    }

    /** Why a finding is suppressed: each statement that takes it out of what needs action, with who said it and where. */
    private static Text suppression(ScanResult result, Finding f) {
        Text text = Text.ofBadge(Tone.NEUTRAL, "suppressed");
        result.triage().about(f.findingId()).stream().filter(dev.tandem.triage.Statement::suppresses)
                .forEach(s -> text.plain(" ").muted(Justifications.text(s)));
        return text;
    }

    private static Text component(Finding f) {
        Text text = Text.ofCode(f.component().label());
        String kind = f.component().dependency() == DependencyKind.DIRECT ? "direct dependency"
                : f.component().dependency() == DependencyKind.TRANSITIVE ? "transitive dependency" : "";
        return kind.isEmpty() ? text : text.lineBreak().muted(kind);
    }

    private static Text vulnerability(Finding f) {
        Text text = Text.empty().link(f.vulnerability().id(), FindingText.osvUrl(f.vulnerability().id()));
        if (f.knownExploited()) {
            text.plain(" ").badge(Tone.BAD, "known exploited");
        }
        if (!f.vulnerability().aliases().isEmpty()) {
            text.lineBreak().muted("also " + String.join(", ", f.vulnerability().aliases()));
        }
        return text;
    }

    private static Text severity(Finding f) {
        String score = FindingText.score(f);
        return Text.ofBadge(tone(f.rating()), FindingText.severityLabel(f) + (score.isEmpty() ? "" : " " + score));
    }

    private static Text fixed(Finding f) {
        return f.fixedIn().isEmpty() ? Text.of("no fix listed") : Text.ofCode(String.join(", ", f.fixedIn()));
    }

    private static Tone tone(Rating rating) {
        return switch (rating) {
            case CRITICAL -> Tone.BAD;
            case HIGH -> Tone.WARN;
            case MEDIUM -> Tone.INFO;
            case LOW, NONE, UNKNOWN -> Tone.NEUTRAL;
        };
    }

    static String product(Subject subject) {
        if (subject.name().isEmpty()) {
            return "(SBOM names no product)";
        }
        return subject.name() + (subject.version().isEmpty() ? "" : " " + subject.version());
    }
}
