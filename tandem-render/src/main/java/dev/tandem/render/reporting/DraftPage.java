package dev.tandem.render.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.catalog.Confidence;
import dev.tandem.render.html.Block;
import dev.tandem.render.html.LegalSources;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Tone;
import dev.tandem.reporting.catalog.Notice;
import dev.tandem.reporting.draft.DraftField;
import dev.tandem.reporting.draft.DraftNotice;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.usecase.reporting.ReportDraftResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report draft as a document: always a DRAFT until every field is reviewed; where and when it goes, then
 * every field in the authority's order, structured values (products, contacts) as small tables, missing
 * ones flagged with the record path to fill, then the notices the stage requires.
 */
public final class DraftPage {

    private DraftPage() {
    }

    public static Page of(ReportDraftResult result) {
        ReportDraft draft = result.draft();
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("Where and when it goes", header(draft)));
        if (!draft.warnings().isEmpty()) {
            List<Block> warnings = new ArrayList<>();
            draft.warnings().forEach(w -> warnings.add(new Block.Notice(Tone.WARN, "Check before sending", Text.of(w))));
            sections.add(Section.of("Warnings", warnings));
        }
        long missing = draft.fields().stream().filter(DraftField::missing).count();
        List<Block> content = new ArrayList<>();
        content.add(new Block.Paragraph(Text.of(draft.fields().size() + " fields in the order the authority asks for them; "
                + (missing == 0 ? "all filled from the incident record." : missing + " missing from the incident record."))));
        Set<Confidence> tags = EnumSet.noneOf(Confidence.class);
        for (DraftField field : draft.fields()) {
            content.addAll(field(field));
            tags.add(field.confidence());
        }
        sections.add(Section.of("Report content", content));
        for (DraftNotice drafted : draft.notices()) {
            Notice notice = drafted.notice();
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Paragraph(Text.of(notice.text())));
            if (!drafted.fields().isEmpty()) {
                blocks.add(new Block.Heading("Draft notice to users"));
                drafted.fields().forEach(f -> blocks.addAll(field(f)));
            }
            blocks.add(new Block.Paragraph(Text.empty().muted("Source: ").append(ObligationsPage.source(notice.source(), notice.confidence()))));
            tags.add(notice.confidence());
            sections.add(Section.of(notice.title(), blocks));
        }
        tags.add(draft.stage().confidence());
        List<Page.LegendEntry> legend = new ArrayList<>();
        legend.add(Legends.status(Tone.BAD, "missing", "The incident record has no value for a required field: add it at the record path shown."));
        legend.addAll(Legends.confidence(tags));
        return new Page("Report draft", draft.framework().name() + ": " + draft.stage().name(),
                Text.of("Prepared by Tandem from the incident record. Review every field before submitting it to the authority."),
                missing > 0 ? missing + " required field(s) missing; review every field before submitting."
                        : "Review every field before submitting.",
                result.provenance(), sections, legend);
    }

    private static List<Block> header(ReportDraft draft) {
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact("Regime", Text.of(draft.framework().name() + " ").code(draft.framework().id()).lineBreak()
                .link(draft.framework().instrument(), draft.framework().url())));
        facts.add(new Block.Fact("Stage", Text.of(draft.stage().name() + " ").code(draft.stage().id()).lineBreak()
                .append(ObligationsPage.source(draft.stage().source(), draft.stage().confidence()))));
        facts.add(new Block.Fact("Reporter", draft.reporter() == null ? Text.ofBadge(Tone.BAD, "missing") : Text.of(draft.reporter())));
        Obligation o = draft.obligation();
        facts.add(new Block.Fact("To", Text.of(o != null ? o.recipient() : draft.stage().recipient()).lineBreak()
                .muted("via " + draft.stage().channel())));
        if (o != null) {
            facts.add(new Block.Fact("Due", o.due() == null ? Text.of("waits for ").code(o.waitingFor())
                    : Text.ofCode(Times.utc(o.due())).plain(" UTC, " + Times.local(o.due(), o.timeZone())
                            + (o.provisional() ? " (provisional)" : "")).lineBreak().muted(o.countedAs())));
            facts.add(new Block.Fact("Status", ObligationsPage.status(o)));
        }
        facts.add(new Block.Fact("In force", (draft.assessment().inForce() ? Text.ofBadge(Tone.OK, "yes") : Text.ofBadge(Tone.BAD, "no"))
                .plain(" " + draft.framework().inForce().describe() + " ")
                .append(ObligationsPage.source(draft.framework().inForce().source(), draft.framework().inForce().confidence()))));
        return List.of(new Block.Facts(null, facts));
    }

    private static List<Block> field(DraftField field) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(field.label() + (field.condition() == null ? "" : " (" + field.condition() + ")")));
        if (field.missing()) {
            blocks.add(new Block.Paragraph(Text.ofBadge(Tone.BAD, "missing").plain(" add ").code(field.recordPath())
                    .plain(" to the incident record.")));
        } else {
            blocks.add(value(field.value()));
        }
        blocks.add(new Block.Paragraph(Text.empty().muted("Field ").code(field.id()).muted(", required by ")
                .append(LegalSources.link(field.source())).plain(" ").append(Legends.tag(field.confidence()))));
        return blocks;
    }

    /** A value as the reader expects it: text, a list, a small table of labelled values, or a table of records. */
    static Block value(JsonNode node) {
        if (node.isValueNode()) {
            return new Block.Paragraph(Text.of(node.asText()));
        }
        if (node.isObject()) {
            List<Block.Fact> facts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                facts.add(new Block.Fact(words(e.getKey()), inline(e.getValue())));
            }
            return new Block.Facts(null, facts);
        }
        boolean records = node.size() > 0;
        for (JsonNode item : node) {
            records &= item.isObject();
        }
        if (!records) {
            List<Text> items = new ArrayList<>();
            node.forEach(item -> items.add(inline(item)));
            return new Block.Bullets(items);
        }
        Set<String> keys = new LinkedHashSet<>();
        node.forEach(item -> item.fieldNames().forEachRemaining(keys::add));
        List<Block.Column> columns = keys.stream().map(k -> Block.Column.of(words(k))).toList();
        List<Block.Row> rows = new ArrayList<>();
        for (JsonNode item : node) {
            List<Text> cells = new ArrayList<>();
            for (String key : keys) {
                cells.add(item.has(key) ? inline(item.get(key)) : Text.empty());
            }
            rows.add(Block.Row.of(cells));
        }
        return new Block.Table(node.size() + (node.size() == 1 ? " entry" : " entries"), columns, rows, false, null);
    }

    /** A nested value inside a cell: scalars as text, lists joined, objects as "key: value" lines. */
    private static Text inline(JsonNode node) {
        if (node.isValueNode()) {
            return Text.of(node.asText());
        }
        Text text = Text.empty();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!text.isEmpty()) {
                    text.lineBreak();
                }
                text.append(inline(item));
            }
            return text;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!text.isEmpty()) {
                text.lineBreak();
            }
            text.muted(words(e.getKey()) + ": ").append(inline(e.getValue()));
        }
        return text;
    }

    /** "affectedVersions" or "affected_versions" as "affected versions". */
    static String words(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase(java.util.Locale.ROOT);
        return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
