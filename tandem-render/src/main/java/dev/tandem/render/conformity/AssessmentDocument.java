package dev.tandem.render.conformity;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Contradiction;
import dev.tandem.conformity.assessment.Derivation;
import dev.tandem.conformity.assessment.Gap;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.declaration.Block;
import dev.tandem.conformity.declaration.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An assessment laid out as a document (summary, gaps, one table per regime) for Markdown and HTML, and the cell texts every assessment format shares. */
final class AssessmentDocument {

    private AssessmentDocument() {
    }

    static Document of(Assessment a) {
        List<Document.Section> sections = new ArrayList<>();
        List<List<String>> summary = new ArrayList<>();
        for (RegimeResult r : a.regimes()) {
            summary.add(List.of(r.id(), market(r), percent(r.coverage()),
                    count(r, "met"), count(r, "partial"), count(r, "not met"), count(r, "not applicable"),
                    count(r, "not assessed"), count(r, "derived")));
        }
        sections.add(new Document.Section("Summary", List.of(
                new Block.Paragraph(a.product() + (a.version() == null ? "" : " " + a.version()) + ", " + a.manufacturer()
                        + "; markets: " + String.join(", ", a.markets()), false),
                new Block.Table(List.of("Regime", "Market", "Coverage", "Met", "Partial", "Not met", "N/A", "Not assessed", "Derived"), summary),
                new Block.Bullets(List.of(
                        "CRA class: " + classText(a) + (a.classification().findings().isEmpty() ? ""
                                : ". FINDING: " + String.join("; ", a.classification().findings())),
                        "Assessed against: " + (a.assessedAgainst().isEmpty() ? "(no standard with several editions)"
                                : String.join("; ", a.assessedAgainst().stream()
                                        .map(e -> e.standard() + " " + e.version() + " (" + e.basis() + ")").toList())),
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
        if (!a.contradictions().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Contradiction c : a.contradictions()) {
                rows.add(List.of(c.regime(), c.requirement(), c.assessed().label(), c.implied().label(), c.explanation()));
            }
            sections.add(new Document.Section("Contradictions", List.of(
                    new Block.Paragraph("The profile's evidence cannot all be true: correct it before relying on this assessment.", true),
                    new Block.Table(List.of("Regime", "Requirement", "Assessed", "Implied", "Because"), rows))));
        }
        for (RegimeResult r : a.regimes()) {
            List<List<String>> rows = new ArrayList<>();
            for (RequirementResult q : r.requirements()) {
                rows.add(List.of(q.id(), q.status().label(), how(q), title(q)));
            }
            sections.add(new Document.Section(r.id() + ": " + r.title() + (r.version() == null ? "" : " (" + r.version() + ")"), List.of(
                    new Block.Table(List.of("Requirement", "Status", "Assessed / derived", "Title (paraphrase)"), rows))));
        }
        if (!a.warnings().isEmpty()) {
            sections.add(new Document.Section("Warnings", List.of(new Block.Bullets(a.warnings()))));
        }
        return new Document("Conformity assessment: " + a.product(), sections);
    }

    /** The derived class and how it was reached, e.g. "important-i (derived from CRA-AIII-I-17 (...))". */
    static String classText(Assessment a) {
        return a.classification().craClass().label() + " (" + a.classification().basis() + ")";
    }

    /** The title, flagged when the catalog entry is not confirmed against a primary source. */
    static String title(RequirementResult q) {
        return q.confidence() != null && q.confidence().needsFlag() ? "[" + q.confidence().label() + "] " + q.title() : q.title();
    }

    /** "assessed", "derived from ... via ... (relationship)", or empty when nothing is known. */
    static String how(RequirementResult q) {
        Derivation d = q.derivedFrom();
        if (d == null) {
            return q.status().label().equals("not assessed") ? "" : "assessed";
        }
        return "derived from " + d.catalog() + " " + String.join("+", d.requirements()) + " via " + d.mapping()
                + " (" + d.relationship().label() + ")";
    }

    /** The market a regime serves, or "(standard)" for a standard either side may use. */
    static String market(RegimeResult r) {
        return r.market() == null ? "(standard)" : r.market();
    }

    static String percent(double coverage) {
        return String.format(Locale.ROOT, "%.1f%%", coverage * 100);
    }

    static String count(RegimeResult r, String key) {
        return String.valueOf(r.counts().getOrDefault(key, 0));
    }

    /** " — NOT ALLOWED: why" or " — allowed ..." after the chosen route, empty when none is named. */
    static String routeVerdict(Assessment a) {
        var route = a.conformityRoute();
        if (route.chosen() == null) {
            return "";
        }
        String verdict = Boolean.FALSE.equals(route.chosenAllowed()) ? "NOT ALLOWED: "
                : route.chosenAllowed() == null ? "UNRECOGNISED: " : "";
        return " — " + verdict + route.chosenFinding();
    }
}
