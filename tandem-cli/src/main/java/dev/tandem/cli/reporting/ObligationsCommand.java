package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputDocument;
import dev.tandem.render.Formats;
import dev.tandem.render.reporting.ReportingFormats;
import dev.tandem.usecase.reporting.IncidentInput;
import dev.tandem.usecase.reporting.ObligationsRequest;
import dev.tandem.usecase.reporting.ObligationsResult;
import dev.tandem.usecase.reporting.ObligationsUseCase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem obligations}: every report owed for an incident record, to whom, by when, with which fields. */
@Command(name = "obligations", mixinStandardHelpOptions = true,
        description = {"Which EU and US reports an incident record owes, to whom, by which instant, with which fields.",
                "Exit codes: 0 nothing in force is overdue; 1 an in-force report is overdue at --at; 2 bad input."})
public final class ObligationsCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Mixin
    CatalogOption catalog;

    @Mixin
    OutputOption output;

    @Option(names = "--incident", required = true, paramLabel = "FILE", description = "Incident record (JSON or YAML).")
    Path incident;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Evaluate as of this instant (ISO-8601 with offset; default: now).")
    String at;

    @Option(names = "--due-soon", defaultValue = "PT24H", paramLabel = "DURATION",
            description = "A stage due within this ISO-8601 duration is 'due-soon' (default: ${DEFAULT-VALUE}).")
    String dueSoon;

    @Option(names = "--strict", description = "Treat warnings about the record (unknown keys, doubtful timelines) as errors.")
    boolean strict;

    @Override
    public Formats<ObligationsResult> formats() {
        return ReportingFormats.OBLIGATIONS;
    }

    @Override
    public Integer call() throws Exception {
        var renderer = format.pick(formats());
        Instant now = Now.instant();
        ObligationsRequest request = new ObligationsRequest(IncidentInput.of(InputDocument.read(incident)), OptionValues.at(at, now),
                OptionValues.dueSoon(dueSoon), strict, now);
        ObligationsResult result = new ObligationsUseCase(catalog.knowledgeBase()).run(request);
        Console.warn(spec, result.warnings());
        output.write(renderer, result, spec);
        return result.overdue().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
