package dev.tandem.cli.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tandem audit}: the server's audit log. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = "The server's append-only, hash-chained audit log.",
        subcommands = {AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify");
    }
}
