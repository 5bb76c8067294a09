package dev.tandem.render.pqc;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.Source;
import dev.tandem.pqc.classification.ClassifiedAsset;
import dev.tandem.pqc.plan.AppliedMilestone;
import dev.tandem.pqc.plan.PlanItem;
import dev.tandem.pqc.plan.PqcReport;
import dev.tandem.pqc.plan.ProductReadiness;
import dev.tandem.render.html.Block;
import dev.tandem.render.html.LegalSources;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Tone;
import dev.tandem.usecase.pqc.PqcPlanResult;
import java.util.ArrayList;
import java.util.List;

/** The post-quantum plan as a document: readiness per product, every asset ordered by deadline, the sources. */
public final class PqcPage {

    private PqcPage() {
    }

    public static Page of(PqcPlanResult result) {
        PqcReport report = result.report();
        java.util.Set<dev.tandem.catalog.Confidence> tags = java.util.EnumSet.noneOf(dev.tandem.catalog.Confidence.class);
        List<Block.Row> products = new ArrayList<>();
        for (ProductReadiness p : report.products()) {
            Text milestones = Text.empty();
            for (AppliedMilestone m : p.milestones()) {
                if (!milestones.isEmpty()) {
                    milestones.lineBreak();
                }
                milestones.code(m.when()).plain(" " + m.market().toUpperCase(java.util.Locale.ROOT) + ": " + m.label() + " ")
                        .append(Legends.tag(m.source().confidence())).muted(m.unconfirmed() ? " unconfirmed" : "");
                tags.add(m.source().confidence());
            }
            Text product = Text.of(p.product());
            for (int i = 0; i < p.sources().size(); i++) {
                // A source is a file's path: an identifier that may break anywhere.
                (i == 0 ? product.lineBreak() : product.plain(", ")).code(p.sources().get(i));
            }
            products.add(Block.Row.of(product,
                    Text.of(p.readinessPercent() == null ? "n/a" : p.readinessPercent() + "%")
                            .muted(p.libraryEvidenceOnly() ? " (library evidence only)" : ""),
                    count(p.quantumResistant(), Tone.OK), count(p.weakened(), Tone.WARN), count(p.quantumVulnerable(), Tone.BAD),
                    count(p.unknown(), Tone.NEUTRAL), milestones));
        }
        List<Block.Row> items = new ArrayList<>();
        for (PlanItem item : report.items()) {
            ClassifiedAsset a = item.asset();
            Text deadline = Text.of(PqcText.deadline(item));
            for (AppliedMilestone m : item.milestones()) {
                // The milestone's words are in the product's row above; here, which market's date it is.
                deadline.lineBreak().muted(m.market().toUpperCase(java.util.Locale.ROOT) + " " + m.when()
                        + (m.unconfirmed() ? " (unconfirmed)" : ""));
            }
            Text why = Text.of(LegalSources.withoutInternal(a.reason()));
            a.notes().forEach(n -> why.lineBreak().muted(LegalSources.withoutInternal(n)));
            Tone tone = tone(a.classification());
            items.add(new Block.Row(List.of(deadline, Text.ofBadge(tone, PqcText.classification(a)),
                    Text.ofCode(a.name()).lineBreak().muted(a.assetType()), Text.of(a.product()), Text.of(PqcText.evidence(a)),
                    Text.of(PqcText.replacement(item)), why), tone == Tone.BAD ? Tone.BAD : null));
        }
        List<Text> sources = new ArrayList<>();
        for (Source s : report.sources()) {
            String cite = LegalSources.withoutInternal(s.cite());
            sources.add(s.url() == null ? Text.of(cite) : Text.empty().link(cite, s.url()));
        }
        List<Page.LegendEntry> legend = new ArrayList<>(List.of(
                Legends.status(Tone.BAD, "quantum-vulnerable", "Broken by a large quantum computer (Shor): replace it."),
                Legends.status(Tone.WARN, "weakened", "Weakened (Grover) or classically weak: strengthen or replace."),
                Legends.status(Tone.OK, "quantum-resistant", "Considered resistant at its strength."),
                Legends.status(Tone.NEUTRAL, "unknown", "Not enough information to classify.")));
        legend.add(new Page.LegendEntry(Text.of("Evidence"), PqcText.EVIDENCE_LEGEND.replaceFirst("^Evidence: ", "")));
        legend.addAll(Legends.confidence(tags));
        return new Page("Post-quantum readiness", report.products().size() == 1 ? report.products().get(0).product()
                : report.products().size() + " products", Text.of("Markets: " + String.join(", ", report.scope().markets())
                + ". Sectors: " + String.join(", ", report.scope().sectors()) + ". Planned on " + result.on() + "."), null,
                result.provenance(), List.of(
                        Section.of("Products", new Block.Table("Readiness per product", List.of(Block.Column.wide("Product"),
                                Block.Column.narrow("Readiness"), Block.Column.narrow("Quantum-resistant"), Block.Column.narrow("Weakened"),
                                Block.Column.narrow("Quantum-vulnerable"), Block.Column.narrow("Unknown"), Block.Column.wide("Milestones")),
                                products, true, null)),
                        Section.of("Plan, ordered by deadline", new Block.Table("Every cryptographic asset", List.of(
                                Block.Column.of("Deadline"), Block.Column.narrow("Classification"), Block.Column.of("Asset"),
                                Block.Column.of("Product"), Block.Column.narrow("Evidence"), Block.Column.of("Replacement"),
                                Block.Column.wide("Why")), items, false, "No cryptographic asset found.")).inLandscape(),
                        Section.of("Sources", new Block.Bullets(sources))), legend);
    }

    private static Text count(int n, Tone tone) {
        return n > 0 ? Text.ofBadge(tone, String.valueOf(n)) : Text.of("0");
    }

    private static Tone tone(Classification c) {
        return switch (c) {
            case QUANTUM_VULNERABLE -> Tone.BAD;
            case WEAKENED -> Tone.WARN;
            case QUANTUM_RESISTANT -> Tone.OK;
            case UNKNOWN -> Tone.NEUTRAL;
        };
    }
}
