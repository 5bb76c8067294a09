package dev.tandem.cli.db;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tandem db}: the advisory snapshot family (build, info). */
@Command(name = "db",
        mixinStandardHelpOptions = true,
        description = {
                "Build and inspect advisory snapshots: OSV and KEV parsed once into one compact, checksummed",
                "file that 'tandem scan --db FILE' loads in well under a second."},
        subcommands = {DbBuildCommand.class, DbInfoCommand.class})
public final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: build or info");
    }
}
