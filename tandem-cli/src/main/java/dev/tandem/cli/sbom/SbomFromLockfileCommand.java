package dev.tandem.cli.sbom;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.sbom.SbomFromLockfileFormats;
import dev.tandem.usecase.sbom.SbomFromLockfileRequest;
import dev.tandem.usecase.sbom.SbomFromLockfileResult;
import dev.tandem.usecase.sbom.SbomFromLockfileUseCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem sbom from-lockfile FILE...}: package managers' lockfiles in, one CycloneDX SBOM out. */
@Command(name = "from-lockfile", mixinStandardHelpOptions = true,
        description = {
                "Write the CycloneDX 1.6 SBOM of package managers' lockfiles: package-lock.json, yarn.lock, pnpm-lock.yaml,"
                        + " Cargo.lock, go.mod (with the go.sum beside it), poetry.lock, uv.lock, pip requirements files,"
                        + " composer.lock, Gemfile.lock, or the saved output of 'mvn dependency:list'.",
                "Every package becomes a component with its package URL; development dependencies are kept with the scope"
                        + " 'excluded'; the lockfile and line naming each package are its evidence.",
                "Exit codes: 0 written, 2 bad usage or input."})
public final class SbomFromLockfileCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Lockfiles; the format is told by the file name, else by the content.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--product", paramLabel = "NAME",
            description = "The product the SBOM describes (metadata.component). Without it, the project the lockfile names,"
                    + " when one lockfile is given or all name the same project.")
    String product;

    @Option(names = "--product-version", paramLabel = "VERSION", description = "The version of the product named by --product.")
    String productVersion;

    @Mixin
    FormatOption format;

    @Mixin
    OutputOption output;

    @Override
    public Formats<SbomFromLockfileResult> formats() {
        return SbomFromLockfileFormats.FROM_LOCKFILE;
    }

    @Override
    public Integer call() throws IOException, InputException {
        if (productVersion != null && product == null) {
            throw new UsageException("--product-version needs --product NAME");
        }
        if (product != null && product.isBlank()) {
            throw new UsageException("--product needs a name");
        }
        Renderer<SbomFromLockfileResult> renderer = format.pick(formats());
        SbomFromLockfileResult result = new SbomFromLockfileUseCase().run(new SbomFromLockfileRequest(
                LockfileFiles.read(files), product, productVersion, Now.instant()));
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(w -> err.println("tandem: warning: " + w));
        err.flush();
        output.write(renderer, result, spec);
        return ExitCode.OK;
    }
}
