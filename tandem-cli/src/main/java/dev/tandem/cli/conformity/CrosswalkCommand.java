package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.conformity.oscal.OscalMappingExporter;
import java.io.PrintWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem crosswalk --from ID --to ID}: the mapping between two catalogs. */
@Command(name = "crosswalk", mixinStandardHelpOptions = true,
        description = "Show the crosswalk between two catalogs, each mapping with its NIST IR 8477 relationship, rationale and sources.")
public final class CrosswalkCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json, md, oscal }

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ID", description = "source catalog id")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ID", description = "target catalog id")
    String to;

    @Option(names = "--format", defaultValue = "table", description = "table, json, md or oscal (OSCAL 1.2 mapping-collection JSON) (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConformityKnowledgeBase kb = ConformityKnowledgeBase.bundled();
        // Catalog ids are lower case; accept any case, as --format does.
        from = from.strip().toLowerCase(Locale.ROOT);
        to = to.strip().toLowerCase(Locale.ROOT);
        for (String id : List.of(from, to)) {
            if (kb.catalog(id).isEmpty()) {
                throw new UsageException("unknown catalog '" + id + "'; see 'tandem catalog list'");
            }
        }
        Crosswalk crosswalk = kb.crosswalk(from, to).orElseThrow(() -> new UsageException(
                "no crosswalk between " + from + " and " + to + "; see 'tandem catalog list'"));
        switch (format) {
            case json -> JsonOutput.print(out, json(crosswalk));
            case oscal -> JsonOutput.print(out, OscalMappingExporter.export(crosswalk));
            case md -> out.print(markdown(crosswalk));
            case table -> {
                out.println(crosswalk.title() + (crosswalk.reversed() ? " (computed reversed view)" : ""));
                out.println("Relationship = how the source requirement relates to the union of its targets (NIST IR 8477); method: docs/conformity.md");
                out.println();
                TextTable table = new TextTable("SOURCE", "RELATIONSHIP", "TARGETS", "CONFIDENCE", "RATIONALE / REASON");
                for (Mapping m : crosswalk.mappings()) {
                    table.row(m.source(), m.relationship().label(), String.join(", ", m.targets()),
                            m.confidence() == null ? "" : m.confidence().label(), m.hasCounterpart() ? m.rationale() : m.reason());
                }
                out.print(table.render());
            }
        }
        out.flush();
        return 0;
    }

    /** One item per source/target pair (the JSON contract), each naming its whole entry's target set. */
    static ObjectNode json(Crosswalk crosswalk) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", crosswalk.id());
        doc.put("from", crosswalk.from());
        doc.put("to", crosswalk.to());
        doc.put("title", crosswalk.title());
        doc.put("matchingRationale", crosswalk.matchingRationale());
        doc.put("status", crosswalk.status());
        doc.put("reversed", crosswalk.reversed());
        doc.put("relationshipScope", "relationship of the source requirement to the union of the entry's targets (NIST IR 8477)");
        ArrayNode mappings = doc.putArray("mappings");
        for (Mapping m : crosswalk.mappings()) {
            List<String> targets = m.targets().isEmpty() ? java.util.Collections.singletonList(null) : m.targets();
            for (String target : targets) {
                ObjectNode item = mappings.addObject();
                item.put("source", m.source());
                item.put("target", target);
                item.put("relationship", m.relationship().label());
                item.put("entry", m.entryId(crosswalk.id()));
                m.targets().forEach(item.putArray("targets")::add);
                putIfPresent(item, "rationale", m.rationale());
                putIfPresent(item, "reason", m.reason());
                putIfPresent(item, "gap", m.gap());
                putIfPresent(item, "confidence", m.confidence() == null ? null : m.confidence().label());
                m.sources().forEach(item.putArray("sources")::add);
                putIfPresent(item, "reversedFrom", m.reversedFrom());
            }
        }
        return doc;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static String markdown(Crosswalk crosswalk) {
        StringBuilder md = new StringBuilder("# ").append(crosswalk.title()).append("\n\n");
        md.append("Not an official mapping. Relationship = how the source requirement relates to the union of its targets "
                + "(NIST IR 8477, ").append(crosswalk.matchingRationale()).append(" matching). Method: docs/conformity.md.\n\n");
        md.append("| Source | Relationship | Targets | Rationale / reason | Gap | Confidence | Sources |\n|---|---|---|---|---|---|---|\n");
        for (Mapping m : crosswalk.mappings()) {
            md.append("| ").append(m.source()).append(" | ").append(m.relationship().label()).append(" | ")
                    .append(String.join(", ", m.targets())).append(" | ")
                    .append(CatalogCommand.cell(m.hasCounterpart() ? m.rationale() : m.reason())).append(" | ")
                    .append(CatalogCommand.cell(m.gap())).append(" | ")
                    .append(m.confidence() == null ? "" : m.confidence().label()).append(" | ")
                    .append(CatalogCommand.cell(String.join("; ", m.sources()))).append(" |\n");
        }
        return md.toString();
    }
}
