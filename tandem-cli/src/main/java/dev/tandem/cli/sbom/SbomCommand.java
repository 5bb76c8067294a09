package dev.tandem.cli.sbom;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem sbom}: check an SBOM file, or write one from lockfiles. */
@Command(name = "sbom", mixinStandardHelpOptions = true, description = "Check an SBOM, or write one from package managers' lockfiles.",
        subcommands = {SbomCheckCommand.class, SbomFromLockfileCommand.class})
public final class SbomCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or from-lockfile");
    }
}
