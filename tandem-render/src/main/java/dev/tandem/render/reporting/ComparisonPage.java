package dev.tandem.render.reporting;

import dev.tandem.catalog.Confidence;
import dev.tandem.render.html.Block;
import dev.tandem.render.html.LegalSources;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Tone;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.comparison.FieldRow;
import dev.tandem.reporting.comparison.Finding;
import dev.tandem.reporting.comparison.FindingKind;
import dev.tandem.reporting.comparison.Requirement;
import dev.tandem.reporting.comparison.TimingRow;
import dev.tandem.usecase.reporting.ComparisonResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The comparison as a document on landscape pages: the frameworks by name, timing fastest first, the field
 * matrix (fields down, frameworks across, headers repeated on every printed page), then the alignments and
 * divergences with their evidence.
 */
public final class ComparisonPage {

    private ComparisonPage() {
    }

    public static Page of(ComparisonResult c) {
        Set<Confidence> tags = EnumSet.noneOf(Confidence.class);
        List<Section> sections = new ArrayList<>();
        List<Block.Row> frameworks = new ArrayList<>();
        for (Framework f : c.frameworks()) {
            boolean inForce = f.inForce().on(c.on());
            frameworks.add(Block.Row.of(Text.ofCode(f.id()), Text.of(f.name()), Text.of(f.jurisdiction()),
                    Text.empty().link(f.instrument(), f.url()),
                    (inForce ? Text.ofBadge(Tone.OK, "in force") : Text.ofBadge(Tone.NEUTRAL, "not in force"))
                            .lineBreak().muted(f.inForce().describe())));
        }
        sections.add(Section.of("Frameworks compared", new Block.Table("In force as of " + c.on(),
                List.of(Block.Column.narrow("Id"), Block.Column.wide("Name"), Block.Column.narrow("Side"),
                        Block.Column.wide("Legal instrument"), Block.Column.of("In force")), frameworks, true, null)));
        List<String> sides = ComparisonText.jurisdictions(c);
        List<Block> timingTables = new ArrayList<>();
        for (String side : sides) {
            List<Block.Row> timing = new ArrayList<>();
            for (TimingRow t : c.timing()) {
                if (!t.jurisdiction().equals(side)) {
                    continue;
                }
                Text period = Text.of(t.period().describe());
                for (var v : t.variants()) {
                    period.lineBreak().muted(v.period().describe() + " for " + v.text() + " ").append(LegalSources.link(v.source()))
                            .plain(" ").append(Legends.tag(v.confidence()));
                    tags.add(v.confidence());
                }
                if (t.cap() != null) {
                    period.lineBreak().muted(t.cap().text());
                }
                Framework framework = c.frameworks().stream().filter(f -> f.id().equals(t.framework())).findFirst().orElse(null);
                Text who = Text.of(framework == null ? t.framework() : framework.name()).lineBreak()
                        .strong(framework == null ? t.stage() : framework.stage(t.stage()).map(s -> s.name()).orElse(t.stage()))
                        .lineBreak().code(t.framework() + " / " + t.stage());
                Text flags = t.inForce() ? Text.ofBadge(Tone.OK, "in force") : Text.ofBadge(Tone.NEUTRAL, "not in force");
                if (t.firstReport()) {
                    flags.lineBreak().badge(Tone.INFO, "first report");
                }
                timing.add(new Block.Row(List.of(who, period,
                        Text.of(t.clockStart()), flags, ObligationsPage.source(t.source(), t.confidence())),
                        t.inForce() ? null : Tone.NEUTRAL));
                tags.add(t.confidence());
            }
            timingTables.add(new Block.Table(side + ": every stage's period and how it is counted",
                    List.of(Block.Column.wide("Framework and stage"), Block.Column.of("Period"), Block.Column.of("Clock starts at"),
                            Block.Column.narrow("Standing"), Block.Column.of("Legal source")),
                    timing, false, null));
        }
        sections.add(Section.of("Timing, fastest to slowest", timingTables).inLandscape());
        List<Block.Column> columns = new ArrayList<>();
        columns.add(Block.Column.wide("Field"));
        sides.forEach(side -> columns.add(Block.Column.of(side)));
        List<Block.Row> matrix = new ArrayList<>();
        for (FieldRow row : c.fields()) {
            List<Text> cells = new ArrayList<>();
            cells.add(Text.of(row.field().label()).lineBreak().code(row.field().id()));
            for (String side : sides) {
                Text cell = Text.empty();
                for (Requirement r : row.requiredBy()) {
                    if (r.jurisdiction().equals(side)) {
                        if (!cell.isEmpty()) {
                            cell.lineBreak();
                        }
                        cell.code(r.framework() + "/" + r.stage()).plain(r.condition() == null ? "" : " (" + r.condition() + ")")
                                .plain(" ").append(Legends.tag(r.confidence()));
                        Text source = LegalSources.link(r.source());
                        if (!source.isEmpty()) {
                            cell.plain(" ").append(source);
                        }
                        tags.add(r.confidence());
                    }
                }
                cells.add(cell);
            }
            matrix.add(Block.Row.of(cells));
        }
        sections.add(Section.of("Field matrix", new Block.Paragraph(Text.of("A cell names each framework and stage of that "
                + "jurisdiction whose report asks for the field, the confidence of that requirement and its legal source.")),
                new Block.Table("Fields down, jurisdictions across", columns, matrix, true, null)).inLandscape());
        for (FindingKind kind : FindingKind.values()) {
            List<Text> items = new ArrayList<>();
            for (Finding finding : c.findings()) {
                if (finding.kind() == kind) {
                    Text item = Text.of(finding.text()).lineBreak().muted("Evidence: ");
                    List<String> evidence = ComparisonText.evidence(finding);
                    for (int i = 0; i < evidence.size(); i++) {
                        item.append(i == 0 ? Text.empty() : Text.of("; ")).append(LegalSources.link(evidence.get(i)));
                    }
                    items.add(item);
                }
            }
            sections.add(Section.of(ComparisonText.heading(kind), items.isEmpty()
                    ? List.of(new Block.Paragraph(Text.of("None.")))
                    : List.of(new Block.Bullets(items))));
        }
        return new Page("Framework comparison", ComparisonText.TITLE, Text.of(ComparisonText.INTRO), null, c.provenance(),
                sections, Legends.confidence(tags));
    }
}
