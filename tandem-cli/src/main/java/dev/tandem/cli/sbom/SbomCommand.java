package dev.tandem.cli.sbom;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem sbom}: commands on one SBOM file. */
@Command(name = "sbom", mixinStandardHelpOptions = true, description = "Work with one SBOM file.",
        subcommands = {SbomCheckCommand.class})
public final class SbomCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check");
    }
}
