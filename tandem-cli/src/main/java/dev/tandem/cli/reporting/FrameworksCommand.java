package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.render.Formats;
import dev.tandem.render.reporting.ComparisonCsv;
import dev.tandem.render.reporting.ReportingFormats;
import dev.tandem.usecase.reporting.ComparisonRequest;
import dev.tandem.usecase.reporting.ComparisonResult;
import dev.tandem.usecase.reporting.ComparisonUseCase;
import dev.tandem.usecase.reporting.FrameworkListRequest;
import dev.tandem.usecase.reporting.FrameworkListResult;
import dev.tandem.usecase.reporting.FrameworkListUseCase;
import dev.tandem.usecase.reporting.FrameworkShowRequest;
import dev.tandem.usecase.reporting.FrameworkShowResult;
import dev.tandem.usecase.reporting.FrameworkShowUseCase;
import dev.tandem.usecase.reporting.UnknownIdException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** {@code tandem frameworks list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the frameworks, their stages and whether each is in force.")
    static final class ListFrameworks implements Callable<Integer>, RendersFormats {

        @Spec
        CommandSpec spec;

        @Mixin
        FormatOption format;

        @Mixin
        CatalogOption catalog;

        @Option(names = "--on", paramLabel = "DATE", description = "Date for the in-force column (default: today, UTC).")
        String on;

        @Override
        public Formats<FrameworkListResult> formats() {
            return ReportingFormats.FRAMEWORK_LIST;
        }

        @Override
        public Integer call() throws Exception {
            var renderer = format.pick(formats());
            FrameworkListResult result = new FrameworkListUseCase(catalog.knowledgeBase())
                    .run(new FrameworkListRequest(OptionValues.on(on)));
            Console.print(spec, renderer, result);
            return ExitCode.OK;
        }
    }

    /** {@code tandem frameworks show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one framework: applicability rules, stages, clock starts, periods, recipients, fields, sources.")
    static final class ShowFramework implements Callable<Integer>, RendersFormats {

        @Spec
        CommandSpec spec;

        @Mixin
        FormatOption format;

        @Mixin
        CatalogOption catalog;

        @Parameters(index = "0", paramLabel = "ID", description = "Framework id, e.g. eu-nis2.")
        String id;

        @Option(names = "--on", paramLabel = "DATE", description = "Date for the in-force line (default: today, UTC).")
        String on;

        @Override
        public Formats<FrameworkShowResult> formats() {
            return ReportingFormats.FRAMEWORK_SHOW;
        }

        @Override
        public Integer call() throws Exception {
            var renderer = format.pick(formats());
            FrameworkShowResult result;
            try {
                result = new FrameworkShowUseCase(catalog.knowledgeBase()).run(new FrameworkShowRequest(id, OptionValues.on(on)));
            } catch (UnknownIdException e) {
                throw new UsageException(e.getMessage());
            }
            Console.print(spec, renderer, result);
            return ExitCode.OK;
        }
    }

    /** {@code tandem frameworks compare}. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare frameworks: field matrix, timing (fastest to slowest), alignments and divergences, with sources.")
    static final class CompareFrameworks implements Callable<Integer>, RendersFormats {

        /** The table {@code --format csv} writes. */
        enum CsvTable {
            fields(ComparisonCsv.Table.FIELDS), timing(ComparisonCsv.Table.TIMING);

            final ComparisonCsv.Table table;

            CsvTable(ComparisonCsv.Table table) {
                this.table = table;
            }
        }

        @Spec
        CommandSpec spec;

        @Mixin
        FormatOption format;

        @Mixin
        CatalogOption catalog;

        @Option(names = "--frameworks", paramLabel = "ID,...", description = "Frameworks to compare (default: all).")
        String frameworks;

        @Option(names = "--csv-table", defaultValue = "fields", paramLabel = "TABLE", description = "With --format csv: fields or timing (default: ${DEFAULT-VALUE}).")
        CsvTable csvTable;

        @Option(names = "--on", paramLabel = "DATE", description = "Date for the in-force column (default: today, UTC).")
        String on;

        @Mixin
        OutputOption output;

        @Override
        public Formats<ComparisonResult> formats() {
            return csvTable == null ? ReportingFormats.COMPARISON : ReportingFormats.comparison(csvTable.table);
        }

        @Override
        public Integer call() throws Exception {
            var renderer = format.pick(formats());
            List<String> ids = frameworks == null || frameworks.isBlank() ? List.of()
                    : Arrays.stream(frameworks.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            ComparisonResult result;
            try {
                result = new ComparisonUseCase(catalog.knowledgeBase()).run(new ComparisonRequest(ids, OptionValues.on(on),
                        Now.instant()));
            } catch (UnknownIdException e) {
                throw new UsageException(e.getMessage());
            }
            output.write(renderer, result, spec);
            return ExitCode.OK;
        }
    }
}
