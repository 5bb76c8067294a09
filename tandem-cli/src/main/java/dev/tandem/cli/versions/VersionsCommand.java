package dev.tandem.cli.versions;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tandem versions}: compare and sort versions by an ecosystem's own ordering. */
@Command(name = "versions",
        mixinStandardHelpOptions = true,
        description = "Compare and sort versions the way the ecosystem's own tool does (npm, PyPI, Maven, Go, Debian, ...).",
        subcommands = {VersionsCompareCommand.class, VersionsSortCommand.class})
public final class VersionsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: compare or sort");
    }
}
