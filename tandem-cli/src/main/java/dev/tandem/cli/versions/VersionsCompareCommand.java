package dev.tandem.cli.versions;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.versions.VersionsFormats;
import dev.tandem.usecase.scan.VersionArgumentException;
import dev.tandem.usecase.scan.VersionCompareRequest;
import dev.tandem.usecase.scan.VersionCompareResult;
import dev.tandem.usecase.scan.VersionCompareUseCase;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code tandem versions compare --ecosystem NAME A B}: prints {@code <}, {@code =} or {@code >}. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = "Print <, = or > on one line: how version A orders against version B in the ecosystem.")
final class VersionsCompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ecosystem", required = true, paramLabel = "NAME",
            description = "OSV ecosystem name, e.g. npm, PyPI, Maven, Go, Debian:12, Red Hat:enterprise_linux:9.")
    String ecosystem;

    @Parameters(index = "0", paramLabel = "A", description = "First version.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Second version.")
    String b;

    @Override
    public Integer call() {
        VersionCompareResult result;
        try {
            result = new VersionCompareUseCase().run(new VersionCompareRequest(ecosystem, a, b));
        } catch (VersionArgumentException e) {
            // The arguments themselves are wrong: a usage error, not a bad file.
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        ((TextRenderer<VersionCompareResult>) VersionsFormats.compare().find(null).orElseThrow()).render(result, out);
        out.flush();
        return ExitCode.OK;
    }
}
