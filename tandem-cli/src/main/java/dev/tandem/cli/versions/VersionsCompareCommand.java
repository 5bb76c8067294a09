package dev.tandem.cli.versions;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.Version;
import dev.tandem.version.VersionScheme;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        VersionScheme scheme = EcosystemScheme.resolve(ecosystem);
        int c = parse(scheme, a).compareTo(parse(scheme, b));
        spec.commandLine().getOut().println(c < 0 ? "<" : c == 0 ? "=" : ">");
        return ExitCode.OK;
    }

    private static Version parse(VersionScheme scheme, String text) {
        try {
            return scheme.parse(text);
        } catch (InvalidVersionException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
