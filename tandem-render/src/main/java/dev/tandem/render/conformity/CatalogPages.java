package dev.tandem.render.conformity;

import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.render.html.Block;
import dev.tandem.render.html.LegalSources;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Tone;
import dev.tandem.usecase.conformity.CatalogListResult;
import dev.tandem.usecase.conformity.CatalogShowResult;
import dev.tandem.usecase.conformity.CrosswalkResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The knowledge base as documents: the list of catalogs and crosswalks, one catalog's entries, one crosswalk's mappings. */
public final class CatalogPages {

    private CatalogPages() {
    }

    /** Every requirement catalog and crosswalk. */
    public static Page list(CatalogListResult result) {
        List<Block.Row> catalogs = new ArrayList<>();
        for (RequirementCatalog c : result.catalogs()) {
            long assessed = c.requirements().stream().filter(Requirement::assessed).count();
            catalogs.add(Block.Row.of(Text.ofCode(c.id()), Text.empty().link(c.title(), c.url()), Text.of(c.version()),
                    Text.of(c.publisher()), Text.of(assessed + " requirements, " + c.requirements().size() + " entries")));
        }
        List<Block.Row> crosswalks = new ArrayList<>();
        for (Crosswalk x : result.crosswalks()) {
            crosswalks.add(Block.Row.of(Text.ofCode(x.id()), Text.of(x.title()), Text.ofCode(x.from()).plain(" → ").code(x.to()),
                    Text.of(x.mappings().size() + " mappings"), Text.of(x.status() == null ? "" : x.status())));
        }
        return new Page("Knowledge base", "Requirement catalogs and crosswalks", Text.of("The catalogs Tandem assesses products "
                + "against, and the reviewed mappings between them."), null, result.provenance(), List.of(
                Section.of("Catalogs", new Block.Table("Requirement catalogs", List.of(Block.Column.narrow("Id"),
                        Block.Column.wide("Title"), Block.Column.narrow("Version"), Block.Column.of("Publisher"),
                        Block.Column.of("Entries")), catalogs, true, null)),
                Section.of("Crosswalks", new Block.Table("Stored crosswalks (the opposite direction is computed)", List.of(
                        Block.Column.narrow("Id"), Block.Column.wide("Title"), Block.Column.of("From → to"),
                        Block.Column.narrow("Size"), Block.Column.narrow("Status")), crosswalks, true, null))), List.of());
    }

    /** Every entry of one catalog, grouped as the catalog groups them, each with its source and confidence. */
    public static Page show(CatalogShowResult result) {
        RequirementCatalog c = result.catalog();
        Set<Confidence> tags = EnumSet.noneOf(Confidence.class);
        Map<String, List<Block.Row>> groups = new LinkedHashMap<>();
        for (Requirement r : c.requirements()) {
            Text title = Text.of(r.title());
            if (r.note() != null && !r.note().isBlank() && !LegalSources.publicNote(r.note()).isEmpty()) {
                title.lineBreak().muted(LegalSources.publicNote(r.note()));
            }
            Text source = r.source() == null ? Text.empty() : LegalSources.link(r.source(), c.url());
            if (r.confidence() != null) {
                source.plain(" ").append(Legends.tag(r.confidence()));
                tags.add(r.confidence());
            }
            groups.computeIfAbsent(r.group() == null || r.group().isBlank() ? "Entries" : r.group(), g -> new ArrayList<>())
                    .add(Block.Row.of(Text.ofCode(r.id()), title, Text.of(r.kind()),
                            Text.of((r.obligation() == null ? "" : r.obligation()) + (Boolean.TRUE.equals(r.conditional()) ? ", conditional" : "")),
                            source));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("About this catalog", new Block.Facts(null, List.of(
                new Block.Fact("Title", Text.empty().link(c.title(), c.url())),
                new Block.Fact("Version", Text.of(c.version())),
                new Block.Fact("Publisher", Text.of(c.publisher())),
                new Block.Fact("Source", LegalSources.link(c.source(), c.url()))))));
        groups.forEach((group, rows) -> sections.add(Section.of(group, new Block.Table(rows.size() + " entries", List.of(
                Block.Column.narrow("Id"), Block.Column.wide("Title (paraphrase)"), Block.Column.narrow("Kind"),
                Block.Column.narrow("Obligation"), Block.Column.of("Source")), rows, true, null))));
        return new Page("Requirement catalog", c.title(), Text.of("Every entry of the catalog ").code(c.id())
                .plain(", paraphrased; the source is the text to rely on."), null, result.provenance(), sections, Legends.confidence(tags));
    }

    /** One crosswalk: every mapping with its NIST IR 8477 relationship, rationale, known differences and sources. */
    public static Page crosswalk(CrosswalkResult result) {
        Crosswalk x = result.crosswalk();
        Set<Confidence> tags = EnumSet.noneOf(Confidence.class);
        List<Block.Row> rows = new ArrayList<>();
        for (Mapping m : x.mappings()) {
            Text why = Text.of(m.rationale() == null ? (m.reason() == null ? "" : m.reason()) : m.rationale());
            if (m.gap() != null && !m.gap().isBlank()) {
                why.lineBreak().muted("Known differences: " + m.gap());
            }
            Text sources = Text.empty();
            for (String s : m.sources()) {
                if (!sources.isEmpty()) {
                    sources.lineBreak();
                }
                sources.append(LegalSources.link(s));
            }
            if (m.confidence() != null) {
                sources.plain(" ").append(Legends.tag(m.confidence()));
                tags.add(m.confidence());
            }
            Text targets = m.targets().isEmpty() ? Text.ofBadge(Tone.NEUTRAL, "none") : Text.ofCode(String.join(", ", m.targets()));
            rows.add(new Block.Row(List.of(Text.ofCode(m.source()), Text.ofBadge(tone(m), m.relationship().label()), targets, why,
                    sources), m.targets().isEmpty() ? Tone.NEUTRAL : null));
        }
        List<Page.LegendEntry> legend = new ArrayList<>(List.of(
                Legends.status(Tone.OK, "equivalent", "The two say the same thing (NIST IR 8477 set relationship)."),
                Legends.status(Tone.INFO, "subset / superset", "One requirement is contained in the other."),
                Legends.status(Tone.WARN, "intersects", "They overlap only in part: see the known differences."),
                Legends.status(Tone.NEUTRAL, "no relationship", "Nothing in the other catalog corresponds.")));
        legend.addAll(Legends.confidence(tags));
        return new Page("Crosswalk", x.title(), Text.of("From ").code(x.from()).plain(" to ").code(x.to())
                .plain(x.reversed() ? " (computed by reversing the stored crosswalk)." : ".")
                .plain(rationale(x.matchingRationale())), null, result.provenance(),
                List.of(Section.of("Mappings", new Block.Table(x.mappings().size() + " mappings", List.of(Block.Column.narrow("From"),
                        Block.Column.narrow("Relationship"), Block.Column.narrow("To"), Block.Column.wide("Rationale"),
                        Block.Column.of("Sources")), rows, true, null))), legend);
    }

    private static Tone tone(Mapping m) {
        return switch (m.relationship()) {
            case EQUIVALENT -> Tone.OK;
            case SUBSET, SUPERSET -> Tone.INFO;
            case INTERSECTS -> Tone.WARN;
            case NO_RELATIONSHIP -> Tone.NEUTRAL;
        };
    }

    /** The NIST IR 8477 matching rationale of a crosswalk, in words. */
    private static String rationale(String rationale) {
        if (rationale == null) {
            return "";
        }
        return switch (rationale) {
            case "semantic" -> " Requirements are matched by meaning (the semantic rationale of NIST IR 8477).";
            case "syntactic" -> " Requirements are matched by wording (the syntactic rationale of NIST IR 8477).";
            case "functional" -> " Requirements are matched by what they achieve (the functional rationale of NIST IR 8477).";
            default -> " Matching rationale: " + rationale + ".";
        };
    }
}
