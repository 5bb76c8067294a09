package dev.tandem.cli.pqc;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.InputFiles;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.pqc.Classification;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.pqc.PqcFormats;
import dev.tandem.usecase.pqc.PqcPlanRequest;
import dev.tandem.usecase.pqc.PqcPlanResult;
import dev.tandem.usecase.pqc.PqcPlanUseCase;
import dev.tandem.usecase.pqc.UnknownScopeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tandem pqc}: the cryptographic inventory, the migration plan ordered by deadline, and readiness per product. */
@Command(name = "pqc",
        mixinStandardHelpOptions = true,
        description = {
                "Post-quantum readiness: classify the cryptographic assets of CycloneDX CBOMs (and, as weaker evidence, "
                        + "the crypto libraries of ordinary SBOMs) and plan their replacement by market and sector.",
                "Exit codes: 0 nothing at or above --fail-on, 1 assets at or above it, 2 bad usage or input."})
public final class PqcCommand implements Callable<Integer>, RendersFormats {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sbom", arity = "1..*", required = true, paramLabel = "FILE",
            description = "CycloneDX 1.6 CBOM or CycloneDX/SPDX JSON SBOM; repeat or list several.")
    List<Path> sboms;

    @Option(names = "--market", split = ",", paramLabel = "MARKET", defaultValue = "eu,us",
            description = "Markets whose dates apply: eu, us (default: ${DEFAULT-VALUE}).")
    List<String> markets;

    @Option(names = "--sector", split = ",", paramLabel = "SECTOR", defaultValue = "general",
            description = "Sectors: general, critical-infrastructure (or energy, health, finance, ...), nss, nss-networking, nss-web-cloud, nss-os, nss-niche (default: ${DEFAULT-VALUE}).")
    List<String> sectors;

    @Mixin
    FormatOption format;

    @Option(names = "--fail-on", paramLabel = "CLASSIFICATION",
            description = "Exit with 1 when an asset is at or above: quantum-vulnerable or weakened.")
    String failOn;

    @Mixin
    CatalogOption catalog;

    @Override
    public Formats<?> formats() {
        return PqcFormats.PLAN;
    }

    @Override
    public Integer call() throws InputException {
        Renderer<PqcPlanResult> renderer = format.pick(PqcFormats.PLAN);
        Classification threshold = threshold();
        PqcPlanUseCase plan = new PqcPlanUseCase(catalog.knowledgeBase());
        List<InputDocument> documents = InputFiles.read(sboms);
        PqcPlanResult result;
        try {
            java.time.Instant now = Now.instant();
            result = plan.run(new PqcPlanRequest(documents, markets, sectors, LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), now));
        } catch (UnknownScopeException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(w -> err.println("tandem: warning: " + w));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        ((TextRenderer<PqcPlanResult>) renderer).render(result, out);
        out.flush();
        return threshold != null && result.anyAtOrAbove(threshold) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private Classification threshold() {
        if (failOn == null) {
            return null;
        }
        return switch (failOn.toLowerCase(Locale.ROOT)) {
            case "quantum-vulnerable" -> Classification.QUANTUM_VULNERABLE;
            case "weakened" -> Classification.WEAKENED;
            default -> throw new UsageException("--fail-on must be quantum-vulnerable or weakened, not '" + failOn + "'");
        };
    }
}
