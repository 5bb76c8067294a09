package dev.tandem.render.conformity;

import dev.tandem.ai.AiComponent;
import dev.tandem.render.ai.AiComponentsText;
import dev.tandem.conformity.assessment.AiAssessment;
import dev.tandem.conformity.assessment.PresumptionResult;
import dev.tandem.conformity.assessment.SecureByDesignCheck;
import dev.tandem.conformity.profile.ProductProfile;

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
        if (a.secureByDesign() != null) {
            List<List<String>> rows = new ArrayList<>();
            for (SecureByDesignCheck c : a.secureByDesign().checks()) {
                rows.add(List.of(c.id(), c.outcome().label(), checkBasis(c), String.join(", ", c.informs())));
            }
            sections.add(new Document.Section("Secure by Design: what Tandem checked itself", List.of(
                    new Block.Paragraph("Each check looks only at what Tandem was given; 'not determined' means it had nothing to look at."
                            + " A check stands for the requirements it informs when the profile gives no evidence of its own.", false),
                    new Block.Table(List.of("Check", "Outcome", "Basis", "Informs"), rows))));
        }
        if (a.ai() != null) {
            sections.add(aiSection(a.ai()));
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

    private static Document.Section aiSection(AiAssessment ai) {
        List<Block> blocks = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        for (ProductProfile.AiFunction f : ai.functions()) {
            facts.add("AI function: " + f.name() + (f.description() == null ? "" : " (" + f.description() + ")")
                    + (f.models().isEmpty() ? "" : "; models: " + String.join(", ", f.models())));
        }
        facts.add("High-risk AI system (the provider's classification under AI Act Article 6): " + (ai.highRisk() ? "yes" : "no")
                + (ai.highRiskBasis() == null ? "" : " (" + ai.highRiskBasis() + ")"));
        for (PresumptionResult p : ai.presumptions()) {
            facts.add(p.title() + " [" + p.source() + "]: " + p.finding()
                    + (p.applies() ? ". Conditions: " + String.join("; ", p.conditions()) : "") + ". Never covered: " + p.notCovered());
        }
        blocks.add(new Block.Bullets(facts));
        List<List<String>> rows = new ArrayList<>();
        for (AiComponent c : ai.components()) {
            rows.add(List.of(AiComponentsText.kind(c), c.label(), c.sbom(), AiComponentsText.facts(c), AiComponentsText.flags(c)));
        }
        blocks.add(new Block.Table(List.of("Kind", "Component", "SBOM", "What the SBOM says", "Flags"), rows));
        if (!ai.findings().isEmpty()) {
            blocks.add(new Block.Bullets(ai.findings()));
        }
        return new Document.Section("AI components and functions", blocks);
    }

    /** A check's basis with its findings, for every format. */
    static String checkBasis(SecureByDesignCheck c) {
        return c.findings().isEmpty() ? c.basis() : c.basis() + ": " + String.join("; ", c.findings());
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
        if (q.checkedBy() != null) {
            return "checked by Tandem (" + q.checkedBy() + ")";
        }
        if (q.presumedBy() != null) {
            return "presumed (" + q.presumedBy() + ")";
        }
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
