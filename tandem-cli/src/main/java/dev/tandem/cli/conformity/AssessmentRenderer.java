package dev.tandem.cli.conformity;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Derivation;
import dev.tandem.conformity.assessment.Gap;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.assessment.SbomReferenceResult;
import dev.tandem.conformity.declaration.Block;
import dev.tandem.conformity.declaration.Document;
import dev.tandem.conformity.declaration.HtmlRenderer;
import dev.tandem.conformity.declaration.MarkdownRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders an {@link Assessment} as a terminal table, Markdown or HTML (JSON is the record itself). */
final class AssessmentRenderer {

    private AssessmentRenderer() {
    }

    static String table(Assessment a) {
        StringBuilder out = new StringBuilder();
        out.append(a.product()).append(a.version() == null ? "" : " " + a.version()).append(" — ").append(a.manufacturer())
                .append(" — markets: ").append(String.join(", ", a.markets())).append("\n\n");
        TextTable regimes = new TextTable("REGIME", "MARKET", "COVERAGE", "MET", "PARTIAL", "NOT MET", "N/A", "NOT ASSESSED", "DERIVED");
        for (RegimeResult r : a.regimes()) {
            regimes.row(r.id(), r.market() == null ? "(standard)" : r.market(), percent(r.coverage()),
                    count(r, "met"), count(r, "partial"), count(r, "not met"), count(r, "not applicable"),
                    count(r, "not assessed"), count(r, "derived"));
        }
        out.append(regimes.render()).append('\n');
        for (RegimeResult r : a.regimes()) {
            out.append(r.id()).append(" — ").append(r.title()).append('\n');
            TextTable reqs = new TextTable("ID", "STATUS", "HOW", "TITLE");
            r.requirements().forEach(q -> reqs.row(q.id(), q.status().label(), how(q), title(q)));
            out.append(reqs.render()).append('\n');
        }
        out.append("CRA conformity route (").append(a.conformityRoute().craClass()).append("): ")
                .append(String.join(" | ", a.conformityRoute().allowedRoutes())).append('\n');
        if (a.conformityRoute().confidence() != null && a.conformityRoute().confidence().needsFlag()) {
            out.append("  (").append(a.conformityRoute().confidence().label()).append(": ").append(a.conformityRoute().note()).append(")\n");
        }
        out.append("  chosen: ").append(a.conformityRoute().chosen() == null ? "(none in profile)" : a.conformityRoute().chosen())
                .append(routeVerdict(a)).append('\n');
        out.append("Support period (Art. 13(8)): ").append(a.supportPeriod().compliant() ? "OK — " : "PROBLEM — ")
                .append(a.supportPeriod().finding()).append('\n');
        for (SbomReferenceResult s : a.sbom()) {
            out.append("SBOM: ").append(s.reference() == null ? "" : s.reference() + " — ").append(s.finding()).append('\n');
        }
        out.append('\n').append("Gaps (").append(a.gaps().size()).append("):\n");
        TextTable gaps = new TextTable("REGIME", "REQUIREMENT", "STATUS", "MISSING");
        a.gaps().forEach(g -> gaps.row(g.regime(), g.requirement(), g.status().label(), g.missing()));
        out.append(gaps.render());
        return out.toString();
    }

    static String markdown(Assessment a) {
        return MarkdownRenderer.render(document(a));
    }

    static String html(Assessment a) {
        return HtmlRenderer.render(document(a));
    }

    private static Document document(Assessment a) {
        List<Document.Section> sections = new ArrayList<>();
        List<List<String>> summary = new ArrayList<>();
        for (RegimeResult r : a.regimes()) {
            summary.add(List.of(r.id(), r.market() == null ? "(standard)" : r.market(), percent(r.coverage()),
                    count(r, "met"), count(r, "partial"), count(r, "not met"), count(r, "not applicable"),
                    count(r, "not assessed"), count(r, "derived")));
        }
        sections.add(new Document.Section("Summary", List.of(
                new Block.Paragraph(a.product() + (a.version() == null ? "" : " " + a.version()) + ", " + a.manufacturer()
                        + "; markets: " + String.join(", ", a.markets()), false),
                new Block.Table(List.of("Regime", "Market", "Coverage", "Met", "Partial", "Not met", "N/A", "Not assessed", "Derived"), summary),
                new Block.Bullets(List.of(
                        "CRA class " + a.conformityRoute().craClass() + ", allowed routes: " + String.join("; ", a.conformityRoute().allowedRoutes())
                                + (a.conformityRoute().chosen() == null ? "" : "; chosen: " + a.conformityRoute().chosen()
                                        + routeVerdict(a)),
                        "Support period (Art. 13(8)): " + (a.supportPeriod().compliant() ? "OK, " : "PROBLEM, ") + a.supportPeriod().finding(),
                        "SBOM: " + String.join("; ", a.sbom().stream().map(s -> (s.reference() == null ? "" : s.reference() + ": ") + s.finding()).toList()))))));
        List<List<String>> gapRows = new ArrayList<>();
        for (Gap g : a.gaps()) {
            gapRows.add(List.of(g.regime(), g.requirement(), g.status().label(), g.missing()));
        }
        sections.add(new Document.Section("Gaps", List.of(new Block.Table(List.of("Regime", "Requirement", "Status", "Missing evidence"), gapRows))));
        for (RegimeResult r : a.regimes()) {
            List<List<String>> rows = new ArrayList<>();
            for (RequirementResult q : r.requirements()) {
                rows.add(List.of(q.id(), q.status().label(), how(q), title(q)));
            }
            sections.add(new Document.Section(r.id() + ": " + r.title(), List.of(
                    new Block.Table(List.of("Requirement", "Status", "Assessed / derived", "Title (paraphrase)"), rows))));
        }
        if (!a.warnings().isEmpty()) {
            sections.add(new Document.Section("Warnings", List.of(new Block.Bullets(a.warnings()))));
        }
        return new Document("Conformity assessment: " + a.product(), sections);
    }

    /** The title, flagged when the catalog entry is not confirmed against a primary source. */
    static String title(RequirementResult q) {
        return q.confidence() != null && q.confidence().needsFlag() ? "[" + q.confidence().label() + "] " + q.title() : q.title();
    }

    static String how(RequirementResult q) {
        Derivation d = q.derivedFrom();
        if (d == null) {
            return q.status().label().equals("not assessed") ? "" : "assessed";
        }
        return "derived from " + d.catalog() + " " + String.join("+", d.requirements()) + " via " + d.mapping()
                + " (" + d.relationship().label() + ")";
    }

    private static String percent(double coverage) {
        return String.format(Locale.ROOT, "%.1f%%", coverage * 100);
    }

    private static String count(RegimeResult r, String key) {
        return String.valueOf(r.counts().getOrDefault(key, 0));
    }

    /** " — NOT ALLOWED: why" or " — allowed ..." after the chosen route, empty when none is named. */
    private static String routeVerdict(Assessment a) {
        var route = a.conformityRoute();
        if (route.chosen() == null) {
            return "";
        }
        String verdict = Boolean.FALSE.equals(route.chosenAllowed()) ? "NOT ALLOWED: "
                : route.chosenAllowed() == null ? "UNRECOGNISED: " : "";
        return " — " + verdict + route.chosenFinding();
    }
}
