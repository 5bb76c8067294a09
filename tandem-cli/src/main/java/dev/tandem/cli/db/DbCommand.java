package dev.tandem.cli.db;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tandem db}: the advisory snapshot family (build, info). */
@Command(name = "db",
        mixinStandardHelpOptions = true,
        description = {
                "Build, refresh and inspect advisory snapshots (OSV, NVD, KEV and EPSS in one checksummed file).",
                "A snapshot is parsed once; 'tandem scan --db FILE' loads it in well under a second."},
        subcommands = {DbBuildCommand.class, DbUpdateCommand.class, DbInfoCommand.class})
public final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: build, update or info");
    }
}
