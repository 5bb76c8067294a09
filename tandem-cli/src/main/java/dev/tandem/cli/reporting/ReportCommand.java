package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputDocument;
import dev.tandem.render.Formats;
import dev.tandem.render.reporting.ReportingFormats;
import dev.tandem.usecase.reporting.IncidentInput;
import dev.tandem.usecase.reporting.ReportDraftRequest;
import dev.tandem.usecase.reporting.ReportDraftResult;
import dev.tandem.usecase.reporting.ReportDraftUseCase;
import dev.tandem.usecase.reporting.UnknownIdException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem report}: the draft of one stage's report, filled from the incident record. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draft one stage's report from an incident record, in the authority's order.",
                "Every required field is filled from the record or flagged missing; with the CRA Art 14(8) user notice and, for ransom payments, the Counter Ransomware Initiative statement."})
public final class ReportCommand implements Callable<Integer>, RendersFormats {

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

    @Option(names = "--framework", required = true, paramLabel = "ID", description = "Framework id, e.g. eu-cra-vulnerability.")
    String framework;

    @Option(names = "--stage", required = true, paramLabel = "ID", description = "Stage id, e.g. notification.")
    String stage;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Evaluate the deadline as of this instant (default: now).")
    String at;

    @Option(names = "--strict", description = "Treat warnings about the record as errors.")
    boolean strict;

    @Override
    public Formats<ReportDraftResult> formats() {
        return ReportingFormats.REPORT_DRAFT;
    }

    @Override
    public Integer call() throws Exception {
        var renderer = format.pick(formats());
        Instant now = Now.instant();
        ReportDraftRequest request = new ReportDraftRequest(IncidentInput.of(InputDocument.read(incident)), framework, stage,
                OptionValues.at(at, now), strict, now);
        ReportDraftResult result;
        try {
            result = new ReportDraftUseCase(catalog.knowledgeBase()).run(request);
        } catch (UnknownIdException e) {
            throw new UsageException(e.getMessage());
        }
        Console.warn(spec, result.warnings());
        output.write(renderer, result, spec);
        return ExitCode.OK;
    }
}
