package dev.tandem.render.sbom;

import dev.tandem.render.html.Block;
import dev.tandem.render.html.LegalSources;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Tone;
import dev.tandem.sbom.quality.QualityReport;
import dev.tandem.usecase.sbom.SbomCheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An SBOM check as a document: the verdict, coverage of every field of the profile with its source, and each violation with examples. */
public final class SbomCheckPage {

    private SbomCheckPage() {
    }

    public static Page of(SbomCheckResult result) {
        QualityReport report = result.report();
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("Verdict", report.passed()
                ? new Block.Notice(Tone.OK, "Meets " + report.profileTitle(), Text.of("Every required field is present where the profile asks for it."))
                : new Block.Notice(Tone.BAD, "Below " + report.profileTitle(), Text.of(report.violations().size()
                        + " violation(s) of required fields; see below.")),
                new Block.Facts(null, List.of(new Block.Fact("SBOM", Text.ofCode(report.sbom()).plain(result.format() == null ? "" : ", " + result.format())),
                        new Block.Fact("Profile", Text.of(report.profileTitle() + " ").code(report.profile())),
                        new Block.Fact("Components", Text.of(String.valueOf(report.components())))))));
        List<Block.Row> rows = new ArrayList<>();
        for (QualityReport.FieldResult f : report.fields()) {
            boolean required = f.obligation().equals("required");
            Tone tone = !f.verifiable() ? Tone.NEUTRAL : f.coverage() >= 1 ? Tone.OK : required ? Tone.BAD : Tone.WARN;
            String coverage = f.verifiable() ? String.format(Locale.ROOT, "%.1f%%", f.coverage() * 100) : "cannot be checked";
            rows.add(new Block.Row(List.of(Text.of(f.title()).lineBreak().code(f.field()), Text.of(f.level()),
                    Text.of(required ? "required" : f.obligation()), Text.ofBadge(tone, coverage).lineBreak()
                            .muted(f.verifiable() ? f.covered() + " of " + f.total() : ""),
                    f.source() == null ? Text.empty() : LegalSources.link(f.source())), tone == Tone.BAD ? Tone.BAD : null));
        }
        sections.add(Section.of("Coverage of each field", new Block.Table("Fields of " + report.profileTitle(),
                List.of(Block.Column.wide("Field"), Block.Column.narrow("Level"), Block.Column.narrow("Obligation"),
                        Block.Column.narrow("Coverage"), Block.Column.of("Source")), rows, true, null)));
        List<Block.Row> violations = new ArrayList<>();
        for (QualityReport.Violation v : report.violations()) {
            violations.add(new Block.Row(List.of(Text.ofCode(v.field()), Text.of(v.level()), Text.of(v.message()),
                    Text.of(String.join(", ", v.examples()))), null));
        }
        sections.add(Section.of("Violations", new Block.Table("Each violation, with examples", List.of(Block.Column.narrow("Field"),
                Block.Column.narrow("Level"), Block.Column.wide("What is wrong"), Block.Column.wide("For example")), violations, false,
                "No violation.")));
        if (!result.warnings().isEmpty()) {
            sections.add(Section.of("Warnings", new Block.Bullets(result.warnings().stream().map(Text::of).toList())));
        }
        return new Page("SBOM check", report.sbom(), Text.of("Checked against " + report.profileTitle() + "."), null,
                result.provenance(), sections, List.of(
                        Legends.status(Tone.OK, "100.0%", "Every component (or the SBOM itself) has the field."),
                        Legends.status(Tone.BAD, "40.0%", "A required field is missing from some components."),
                        Legends.status(Tone.WARN, "40.0%", "A field the profile recommends is missing from some components."),
                        Legends.status(Tone.NEUTRAL, "cannot be checked", "The SBOM format cannot say whether the field holds.")));
    }
}
