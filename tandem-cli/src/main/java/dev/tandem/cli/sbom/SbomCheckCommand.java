package dev.tandem.cli.sbom;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.sbom.SbomCheckFormats;
import dev.tandem.usecase.sbom.SbomCheckRequest;
import dev.tandem.usecase.sbom.SbomCheckResult;
import dev.tandem.usecase.sbom.SbomCheckUseCase;
import dev.tandem.usecase.sbom.UnknownProfileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem sbom check FILE}: per-field coverage and violations against BSI TR-03183-2 or NTIA. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check an SBOM's fields against BSI TR-03183-2 v2.1 or the NTIA minimum elements; exit 1 below the profile.")
public final class SbomCheckCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The SBOM file (CycloneDX JSON/XML, SPDX 2.3 JSON/tag-value).")
    Path file;

    @Option(names = "--profile", defaultValue = SbomCheckRequest.DEFAULT_PROFILE, paramLabel = "PROFILE",
            description = "The profile to check against: tr-03183-2 or ntia (default: ${DEFAULT-VALUE}).")
    String profile;

    @Mixin
    FormatOption format;

    @Mixin
    CatalogOption catalog;

    @Override
    public Formats<?> formats() {
        return SbomCheckFormats.CHECK;
    }

    @Override
    public Integer call() throws InputException {
        Renderer<SbomCheckResult> renderer = format.pick(SbomCheckFormats.CHECK);
        SbomCheckUseCase check = new SbomCheckUseCase(catalog.knowledgeBase());
        SbomCheckResult result;
        try {
            result = check.run(new SbomCheckRequest(InputDocument.read(file), profile, Now.instant()));
        } catch (UnknownProfileException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(w -> err.println("tandem: warning: " + w));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        ((TextRenderer<SbomCheckResult>) renderer).render(result, out);
        out.flush();
        return result.passed() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
