package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputDocument;
import dev.tandem.render.Formats;
import dev.tandem.render.reporting.ReportingFormats;
import dev.tandem.usecase.reporting.ExerciseRequest;
import dev.tandem.usecase.reporting.ExerciseResult;
import dev.tandem.usecase.reporting.ExerciseUseCase;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem exercise SCENARIO}: replay a scenario into one EU–US timeline; optionally a what-if with one event shifted. */
@Command(name = "exercise", mixinStandardHelpOptions = true,
        description = {"Replay a scenario into one timeline of every EU and US obligation, met or missed.",
                "Shows where the two sides diverge; --shift replays it with one event moved."})
public final class ExerciseCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Mixin
    CatalogOption catalog;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (JSON or YAML), e.g. examples/scenarios/ransomware-energy-eu-us.yaml.")
    Path scenario;

    @Option(names = "--shift", paramLabel = "EVENT=DURATION",
            description = "Replay again with a timeline event moved by an ISO-8601 duration, e.g. materialityDeterminedAt=P2D.")
    String shift;

    @Override
    public Formats<ExerciseResult> formats() {
        return ReportingFormats.EXERCISE;
    }

    @Override
    public Integer call() throws Exception {
        var renderer = format.pick(formats());
        ExerciseRequest request = new ExerciseRequest(InputDocument.read(scenario), OptionValues.shift(shift), Now.instant());
        ExerciseResult result = new ExerciseUseCase(catalog.knowledgeBase()).run(request);
        Console.warn(spec, result.warnings());
        Console.print(spec, renderer, result);
        return ExitCode.OK;
    }
}
