package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.oscal.OscalCatalogExporter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem catalog list|show}: the bundled requirement catalogs. */
@Command(name = "catalog", description = "List and show the bundled requirement catalogs (CRA Annex I, NIST IR 8425, ETSI EN 303 645).",
        mixinStandardHelpOptions = true,
        subcommands = {CatalogCommand.ListCommand.class, CatalogCommand.ShowCommand.class})
public final class CatalogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or show");
    }

    /** Output formats of {@code catalog list}. */
    enum ListFormat { table, json }

    /** Output formats of {@code catalog show}. */
    enum ShowFormat { table, json, md, oscal }

    /** {@code tandem catalog list}. */
    @Command(name = "list", description = "List the catalogs with their requirement counts.", mixinStandardHelpOptions = true)
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE})")
        ListFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConformityKnowledgeBase kb = ConformityKnowledgeBase.bundled();
            if (format == ListFormat.json) {
                List<Map<String, Object>> items = kb.catalogs().stream().map(c -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", c.id());
                    item.put("title", c.title());
                    item.put("version", c.version());
                    item.put("requirements", c.assessed().size());
                    item.put("entries", c.requirements().size());
                    return item;
                }).toList();
                JsonOutput.print(out, Map.of("catalogs", items));
                return 0;
            }
            TextTable table = new TextTable("ID", "REQUIREMENTS", "ENTRIES", "VERSION", "TITLE");
            kb.catalogs().forEach(c -> table.row(c.id(), String.valueOf(c.assessed().size()),
                    String.valueOf(c.requirements().size()), c.version(), c.title()));
            out.print(table.render());
            out.println();
            out.println("Crosswalks:");
            kb.crosswalks().forEach(x -> out.println("  tandem crosswalk --from " + x.from() + " --to " + x.to()
                    + "   (" + x.mappings().size() + " entries, " + x.status() + ")"));
            out.flush();
            return 0;
        }
    }

    /** {@code tandem catalog show ID}. */
    @Command(name = "show", description = "Show every entry of one catalog with its source and confidence.", mixinStandardHelpOptions = true)
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "catalog id, see 'tandem catalog list'")
        String id;

        @Option(names = "--format", defaultValue = "table", description = "table, json, md or oscal (OSCAL 1.1.3 catalog JSON) (default: ${DEFAULT-VALUE})")
        ShowFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConformityKnowledgeBase kb = ConformityKnowledgeBase.bundled();
            RequirementCatalog catalog = kb.catalog(id.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new UsageException("unknown catalog '" + id
                    + "'; known: " + String.join(", ", kb.catalogs().stream().map(RequirementCatalog::id).toList())));
            switch (format) {
                case json -> JsonOutput.print(out, catalog);
                case oscal -> JsonOutput.print(out, OscalCatalogExporter.export(catalog));
                case md -> out.print(markdown(catalog));
                case table -> {
                    out.println(catalog.title() + " (" + catalog.version() + ")");
                    out.println("Source: " + catalog.source());
                    out.println();
                    TextTable table = new TextTable("ID", "KIND", "OBLIGATION", "CONFIDENCE", "TITLE");
                    for (Requirement r : catalog.requirements()) {
                        table.row(r.id(), r.kind(), obligation(r), r.confidence() == null ? "" : r.confidence().label(), r.title());
                    }
                    out.print(table.render());
                }
            }
            out.flush();
            return 0;
        }
    }

    static String obligation(Requirement r) {
        return r.obligation() + (r.isConditional() ? " (conditional)" : "");
    }

    static String markdown(RequirementCatalog catalog) {
        StringBuilder md = new StringBuilder("# ").append(catalog.title()).append("\n\n");
        md.append("Version: ").append(catalog.version()).append("  \nSource: ").append(catalog.source())
                .append("  \nTitles are paraphrases, not the normative text.\n\n");
        md.append("| ID | Kind | Obligation | Confidence | Title | Source |\n|---|---|---|---|---|---|\n");
        for (Requirement r : catalog.requirements()) {
            md.append("| ").append(r.id()).append(" | ").append(r.kind()).append(" | ").append(obligation(r)).append(" | ")
                    .append(r.confidence() == null ? "" : r.confidence().label()).append(" | ")
                    .append(cell(r.title() + (r.note() == null ? "" : " (" + r.note() + ")"))).append(" | ")
                    .append(cell(r.source())).append(" |\n");
        }
        return md.toString();
    }

    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
