package dev.tandem.render.conformity;

import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Gap;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.assessment.RouteResult;
import dev.tandem.conformity.assessment.SbomReferenceResult;
import dev.tandem.render.html.Block;
import dev.tandem.render.html.LegalSources;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Tone;
import dev.tandem.usecase.conformity.AssessResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The assessment as a document: standing per regime, the gaps, the route, then every requirement with its status, justification and evidence. */
public final class AssessmentPage {

    private AssessmentPage() {
    }

    public static Page of(AssessResult result) {
        Assessment a = result.assessment();
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("Product", product(a)));
        sections.add(Section.of("Standing in each regime", standing(a)));
        sections.add(Section.of("Gaps to close", gaps(a)));
        if (a.hasContradictions()) {
            List<Block.Row> rows = new ArrayList<>();
            for (var x : a.contradictions()) {
                rows.add(new Block.Row(List.of(Text.ofCode(x.regime()).plain(" ").code(x.requirement()), ConformityText.status(x.assessed()),
                        ConformityText.status(x.implied()).lineBreak().muted("from " + x.evidenceCatalog() + " "
                                + String.join(", ", x.evidenceRequirements()) + " through " + x.mapping() + " (" + x.relationship().label() + ")"),
                        Text.of(x.explanation())), Tone.WARN));
            }
            sections.add(Section.of("Contradictions to resolve", new Block.Table("Evidence that disagrees with what the crosswalks imply",
                    List.of(Block.Column.narrow("Requirement"), Block.Column.narrow("Assessed"), Block.Column.of("Implied"),
                            Block.Column.wide("Why it matters")), rows, false, null)));
        }
        sections.add(Section.of("Conformity route, support period and SBOM", route(a)));
        Set<Confidence> tags = EnumSet.noneOf(Confidence.class);
        for (RegimeResult r : a.regimes()) {
            List<Block.Row> rows = new ArrayList<>();
            for (RequirementResult q : r.requirements()) {
                rows.add(new Block.Row(List.of(ConformityText.requirement(q), ConformityText.status(q.status()),
                        ConformityText.evidence(q)), q.status() == dev.tandem.conformity.profile.Status.NOT_MET ? Tone.BAD : null));
                if (q.confidence() != null && q.confidence().needsFlag()) {
                    tags.add(q.confidence());
                }
            }
            sections.add(Section.of(r.title(), new Block.Paragraph(Text.of("Catalog ").code(r.id()).plain(", market: "
                    + market(r) + ". Coverage " + AssessmentDocument.percent(r.coverage()) + " of the applicable requirements.")),
                    new Block.Table("Every requirement of " + r.id(), List.of(Block.Column.wide("Requirement (paraphrase)"),
                            Block.Column.narrow("Status"), Block.Column.wide("Justification and evidence")), rows, false,
                            "The catalog has no requirement.")));
        }
        if (!a.warnings().isEmpty()) {
            sections.add(Section.of("Warnings", new Block.Bullets(a.warnings().stream().map(Text::of).toList())));
        }
        List<Page.LegendEntry> legend = new ArrayList<>(ConformityText.statusLegend());
        legend.addAll(Legends.confidence(tags));
        return new Page("Conformity assessment", a.product() + (a.version() == null ? "" : " " + a.version()),
                Text.of("Assessed on " + result.assessedOn() + " from the product profile and the SBOMs it names, against "
                        + a.regimes().size() + " requirement catalogs. Statuses come from the manufacturer's evidence; "
                        + "Tandem checks what it can (SBOM, support period, route) and derives the rest through the crosswalks."),
                null, result.provenance(), sections, legend);
    }

    private static List<Block> product(Assessment a) {
        List<Block.Fact> facts = new ArrayList<>(List.of(
                new Block.Fact("Product", Text.of(a.product())),
                new Block.Fact("Version", Text.of(a.version() == null ? "not given" : a.version())),
                new Block.Fact("Manufacturer", Text.of(a.manufacturer())),
                new Block.Fact("Markets", Text.of(String.join(", ", a.markets())))));
        if (a.classification() != null) {
            Text cra = Text.of(a.classification().craClass().label() + (a.classification().derived() ? " (derived)" : ""));
            if (a.classification().basis() != null) {
                cra.lineBreak().muted(a.classification().basis());
            }
            facts.add(new Block.Fact("CRA class", cra));
        }
        for (var edition : a.assessedAgainst()) {
            facts.add(new Block.Fact("Assessed against", Text.of(edition.standard() + " " + edition.version() + " ").code(edition.catalog())
                    .lineBreak().muted(edition.basis())));
        }
        return List.of(new Block.Facts("The product as its profile describes it", facts));
    }

    private static String market(RegimeResult r) {
        return r.market() == null ? "a standard either market may use" : r.market();
    }

    private static List<Block> standing(Assessment a) {
        List<Block.Row> rows = new ArrayList<>();
        for (RegimeResult r : a.regimes()) {
            int notMet = r.counts().getOrDefault("not met", 0);
            int partial = r.counts().getOrDefault("partial", 0);
            Tone tone = notMet > 0 ? Tone.BAD : partial > 0 ? Tone.WARN : Tone.OK;
            rows.add(Block.Row.of(Text.of(r.title()).lineBreak().code(r.id()), Text.of(market(r)),
                    Text.ofBadge(tone, AssessmentDocument.percent(r.coverage())),
                    Text.of(AssessmentDocument.count(r, "met")), Text.of(AssessmentDocument.count(r, "partial")),
                    Text.of(AssessmentDocument.count(r, "not met")), Text.of(AssessmentDocument.count(r, "not applicable")),
                    Text.of(AssessmentDocument.count(r, "not assessed")), Text.of(AssessmentDocument.count(r, "derived"))));
        }
        return List.of(new Block.Table("Coverage is the share of applicable requirements met, directly or derived",
                List.of(Block.Column.wide("Regime"), Block.Column.of("Market"), Block.Column.narrow("Coverage"),
                        Block.Column.narrow("Met"), Block.Column.narrow("Partial"), Block.Column.narrow("Not met"),
                        Block.Column.narrow("N/A"), Block.Column.narrow("Not assessed"), Block.Column.narrow("Derived")),
                rows, true, null));
    }

    private static List<Block> gaps(Assessment a) {
        if (a.gaps().isEmpty()) {
            return List.of(new Block.Notice(Tone.OK, "No gaps", Text.of("Every requirement of the markets the product is sold in is met.")));
        }
        List<Block.Row> rows = new ArrayList<>();
        for (Gap g : a.gaps()) {
            rows.add(new Block.Row(List.of(Text.ofCode(g.regime()), Text.ofCode(g.requirement()).plain(" " + g.title()),
                    ConformityText.status(g.status()), Text.of(g.missing())), ConformityText.tone(g.status()) == Tone.BAD ? Tone.BAD : null));
        }
        return List.of(new Block.Table("Requirements of the markets the product is sold in that are not met yet",
                List.of(Block.Column.narrow("Regime"), Block.Column.wide("Requirement"), Block.Column.narrow("Status"),
                        Block.Column.wide("What is missing")), rows, false, null));
    }

    private static List<Block> route(Assessment a) {
        RouteResult route = a.conformityRoute();
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact("CRA class", Text.of(route.craClass() + (route.title() == null ? "" : ": " + route.title()))));
        facts.add(new Block.Fact("Allowed routes", Text.of(String.join("; ", route.allowedRoutes()))));
        if (route.chosen() != null) {
            Tone tone = Boolean.TRUE.equals(route.chosenAllowed()) ? Tone.OK : Boolean.FALSE.equals(route.chosenAllowed()) ? Tone.BAD : Tone.WARN;
            String word = Boolean.TRUE.equals(route.chosenAllowed()) ? "allowed" : Boolean.FALSE.equals(route.chosenAllowed()) ? "not allowed" : "not recognised";
            facts.add(new Block.Fact("Chosen route", Text.of(route.chosen() + " ").badge(tone, word).lineBreak().plain(route.chosenFinding())));
        }
        if (route.source() != null) {
            facts.add(new Block.Fact("Source", LegalSources.link(route.source()).plain(" ").append(Legends.tag(route.confidence()))));
        }
        var support = a.supportPeriod();
        facts.add(new Block.Fact("Support period", Text.ofBadge(support.compliant() ? Tone.OK : Tone.BAD, support.compliant() ? "OK" : "problem")
                .plain(" " + support.finding()).lineBreak().append(LegalSources.link(support.source()))));
        for (SbomReferenceResult s : a.sbom()) {
            facts.add(new Block.Fact("SBOM" + (s.reference() == null ? "" : " " + s.reference()),
                    Text.ofBadge(s.found() ? Tone.OK : Tone.BAD, s.found() ? "found" : "missing").plain(" " + s.finding())));
        }
        return List.of(new Block.Facts(null, facts));
    }
}
