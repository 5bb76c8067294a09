package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.reporting.catalog.ApplicabilityRule;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.Note;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import dev.tandem.reporting.comparison.Comparison;
import dev.tandem.reporting.comparison.FrameworkComparison;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem frameworks list|show|compare}: the reporting catalog, and the EU–US comparison derived from it. */
@Command(name = "frameworks", mixinStandardHelpOptions = true,
        description = "The reporting frameworks in the catalog: list, show one, compare (field matrix, timing, alignments and divergences).",
        subcommands = {FrameworksCommand.ListFrameworks.class, FrameworksCommand.ShowFramework.class,
                FrameworksCommand.CompareFrameworks.class})
public final class FrameworksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, show or compare");
    }

    static LocalDate on(String text) {
        if (text == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--on '" + text + "' is not a date such as 2026-11-22");
        }
    }

    /** {@code tandem frameworks list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the frameworks, their stages and whether each is in force.")
    static final class ListFrameworks implements Callable<Integer> {
        enum Format { table, json, md }

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, json or md (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--on", paramLabel = "DATE", description = "Date for the in-force column (default: today, UTC).")
        String on;

        @Override
        public Integer call() throws Exception {
            ReportingCatalog catalog = IncidentInput.catalog();
            LocalDate day = on(on);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case json -> {
                    var root = ObligationsJson.MAPPER.createObjectNode();
                    var array = root.putArray("frameworks");
                    catalog.frameworks().forEach(f -> array.add(FrameworkJson.summary(f, day)));
                    out.print(ObligationsJson.MAPPER.writeValueAsString(root) + "\n");
                }
                case md -> {
                    out.print("| id | jurisdiction | name | in force on " + day + " | stages |\n|---|---|---|---|---|\n");
                    for (Framework f : catalog.frameworks()) {
                        out.print("| `" + f.id() + "` | " + f.jurisdiction() + " | " + ObligationsText.cell(f.name()) + " | "
                                + (f.inForce().on(day) ? "yes" : "no") + " (" + f.inForce().describe() + ") | "
                                + String.join(", ", f.stages().stream().map(Stage::id).toList()) + " |\n");
                    }
                }
                case table -> {
                    TextTable table = new TextTable("ID", "SIDE", "IN FORCE", "STAGES", "NAME");
                    for (Framework f : catalog.frameworks()) {
                        table.row(f.id(), f.jurisdiction(), (f.inForce().on(day) ? "yes" : "NO") + " (" + f.inForce().describe() + ")",
                                String.join(", ", f.stages().stream().map(Stage::id).toList()), f.name());
                    }
                    out.print(table.render());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code tandem frameworks show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one framework: applicability rules, stages, clock starts, periods, recipients, fields, sources.")
    static final class ShowFramework implements Callable<Integer> {
        enum Format { md, json }

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "Framework id, e.g. eu-nis2.")
        String id;

        @Option(names = "--format", defaultValue = "md", paramLabel = "FORMAT", description = "md or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--on", paramLabel = "DATE", description = "Date for the in-force line (default: today, UTC).")
        String on;

        @Override
        public Integer call() throws Exception {
            ReportingCatalog catalog = IncidentInput.catalog();
            Framework f = catalog.framework(id).orElseThrow(() -> new UsageException("unknown framework '" + id + "'; known: "
                    + catalog.frameworks().stream().map(Framework::id).toList()));
            LocalDate day = on(on);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.print(ObligationsJson.MAPPER.writeValueAsString(FrameworkJson.full(f, catalog, day)) + "\n");
            } else {
                out.print(markdown(f, catalog, day));
            }
            out.flush();
            return 0;
        }

        private static String markdown(Framework f, ReportingCatalog catalog, LocalDate day) {
            StringBuilder out = new StringBuilder();
            out.append("# ").append(f.name()).append(" (`").append(f.id()).append("`)\n\n");
            out.append("- Instrument: ").append(f.instrument()).append(" — ").append(f.url()).append('\n');
            out.append("- In force on ").append(day).append(": ").append(f.inForce().on(day) ? "yes" : "**no**").append(" (")
                    .append(f.inForce().describe()).append("; ").append(f.inForce().source()).append(' ')
                    .append(f.inForce().confidence().tag()).append(")").append(f.inForce().note() == null ? "" : ". " + f.inForce().note()).append('\n');
            out.append("- Periods counted in: ").append(f.timeZone()).append("; counting rule: ")
                    .append(f.countingRule() == null ? "none" : f.countingRule()).append("; calendar: ").append(f.calendar()).append("\n\n");
            out.append("## Applies when (all of)\n\n");
            for (ApplicabilityRule rule : f.applicability()) {
                out.append("- ").append(rule.text()).append(" — `").append(FrameworkJson.describe(rule.when())).append("` (")
                        .append(rule.source()).append(' ').append(rule.confidence().tag()).append(")\n");
            }
            out.append("\n## Stages\n\n");
            for (Stage stage : f.stages()) {
                out.append("### ").append(stage.name()).append(" (`").append(stage.id()).append("`)\n\n");
                out.append("- Due: ").append(stage.period().describe()).append(" after ").append(FrameworkJson.clockStart(stage));
                if (stage.cap() != null) {
                    out.append("; ").append(stage.cap().text()).append(" (").append(stage.cap().source()).append(' ')
                            .append(stage.cap().confidence().tag()).append(')');
                }
                out.append('\n');
                if (stage.when() != null) {
                    out.append("- Only when: `").append(FrameworkJson.describe(stage.when())).append("`\n");
                }
                out.append("- To: ").append(stage.recipient()).append(", via ").append(stage.channel()).append('\n');
                out.append("- Source: ").append(stage.source()).append(' ').append(stage.confidence().tag()).append("\n- Fields:\n");
                for (StageField field : stage.fields()) {
                    out.append("  - `").append(field.field()).append("` ").append(catalog.field(field.field()).map(d -> d.label()).orElse(""))
                            .append(field.condition() == null ? "" : " (" + field.condition() + ")").append(" — ")
                            .append(field.source()).append(' ').append(field.confidence().tag()).append('\n');
                }
                out.append('\n');
            }
            if (!f.notes().isEmpty()) {
                out.append("## Notes\n\n");
                for (Note note : f.notes()) {
                    out.append("- ").append(note.text()).append(" (").append(note.source()).append(' ').append(note.confidence().tag()).append(")\n");
                }
            }
            return out.toString();
        }
    }

    /** {@code tandem frameworks compare}. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare frameworks: field matrix, timing (fastest to slowest), alignments and divergences, with sources.")
    static final class CompareFrameworks implements Callable<Integer> {
        enum Format { md, html, csv, json }

        enum CsvTable { fields, timing }

        @Spec
        CommandSpec spec;

        @Option(names = "--frameworks", paramLabel = "ID,...", description = "Frameworks to compare (default: all).")
        String frameworks;

        @Option(names = "--format", defaultValue = "md", paramLabel = "FORMAT", description = "md, html, csv or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--csv-table", defaultValue = "fields", paramLabel = "TABLE", description = "With --format csv: fields or timing (default: ${DEFAULT-VALUE}).")
        CsvTable csvTable;

        @Option(names = "--on", paramLabel = "DATE", description = "Date for the in-force column (default: today, UTC).")
        String on;

        @Override
        public Integer call() throws Exception {
            List<String> ids = frameworks == null || frameworks.isBlank() ? List.of()
                    : Arrays.stream(frameworks.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            Comparison comparison;
            try {
                comparison = new FrameworkComparison(IncidentInput.catalog()).compare(ids, on(on));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(switch (format) {
                case md -> ComparisonRenderer.markdown(comparison);
                case html -> ComparisonRenderer.html(comparison);
                case csv -> csvTable == CsvTable.fields ? ComparisonRenderer.csvFields(comparison) : ComparisonRenderer.csvTiming(comparison);
                case json -> ComparisonRenderer.json(comparison);
            });
            out.flush();
            return 0;
        }
    }
}
