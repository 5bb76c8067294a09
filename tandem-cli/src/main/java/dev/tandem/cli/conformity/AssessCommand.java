package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.conformity.AssessRequest;
import dev.tandem.usecase.conformity.AssessResult;
import dev.tandem.usecase.conformity.AssessUseCase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem assess --product FILE}: the product's standing under the CRA and the US Cyber Trust Mark. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess a product profile once and see its status in every regime, with derived statuses, coverage and gaps.")
public final class AssessCommand implements Callable<Integer>, RendersFormats {

    /** When the command exits with code 1. */
    enum FailOn { none, gaps }

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "The product profile (YAML or JSON).")
    Path product;

    @Option(names = ProfileFiles.ALLOW_OUTSIDE, description = "Read SBOMs the profile names outside its folder"
            + " (by default a path leaving the folder, absolute or through a symbolic link, is not read).")
    boolean allowSbomOutside;

    @Mixin
    FormatOption format;

    @Option(names = "--fail-on", defaultValue = "none", description = "When to exit 1: gaps (a requirement of a market the product is sold in is not met, or the profile's evidence contradicts itself) or none (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Mixin
    CatalogOption catalog;

    @Mixin
    OutputOption output;

    @Override
    public Formats<?> formats() {
        return ConformityFormats.ASSESSMENT;
    }

    @Override
    public Integer call() throws InputException, java.io.IOException {
        Renderer<AssessResult> renderer = format.pick(ConformityFormats.ASSESSMENT);
        ProfileFiles files = ProfileFiles.read(product, allowSbomOutside);
        Instant now = Instant.now();
        AssessResult result = new AssessUseCase(catalog.knowledgeBase())
                .run(new AssessRequest(files.profile(), files.sboms(), LocalDate.ofInstant(now, ZoneOffset.UTC), now));
        CommandStreams.warn(result.warnings(), spec);
        output.write(renderer, result, spec);
        boolean findings = result.hasGaps() || result.assessment().hasContradictions();
        return failOn == FailOn.gaps && findings ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
