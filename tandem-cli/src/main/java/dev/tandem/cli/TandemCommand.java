package dev.tandem.cli;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.exit.ExitCode;
import dev.tandem.input.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code tandem} command: lists the subcommands and maps errors to exit codes in one place. */
@Command(name = "tandem",
        mixinStandardHelpOptions = true,
        versionProvider = TandemVersion.class,
        description = "EU and US cyber-resilience evidence from one SBOM feed, one product profile, one incident record.",
        subcommands = {
                CommandLine.HelpCommand.class,
                dev.tandem.cli.conformity.CatalogCommand.class,
                dev.tandem.cli.conformity.CrosswalkCommand.class,
                dev.tandem.cli.conformity.AssessCommand.class,
                dev.tandem.cli.conformity.DeclarationCommand.class,
                dev.tandem.cli.conformity.RegistryEntryCommand.class,
                dev.tandem.cli.conformity.LabelCommand.class,
                dev.tandem.cli.sbom.SbomCommand.class,
                dev.tandem.cli.scan.ScanCommand.class,
                dev.tandem.cli.versions.VersionsCommand.class,
                dev.tandem.cli.pqc.PqcCommand.class,
                dev.tandem.cli.reporting.ObligationsCommand.class,
                dev.tandem.cli.reporting.ReportCommand.class,
                dev.tandem.cli.reporting.FrameworksCommand.class,
                dev.tandem.cli.reporting.ExerciseCommand.class,
                dev.tandem.cli.db.DbCommand.class,
                dev.tandem.cli.vex.AdvisoryCommand.class,
                dev.tandem.cli.vex.VexCommand.class,
                dev.tandem.cli.vex.CsafProviderCommand.class,
                dev.tandem.cli.vex.UserNoticeCommand.class,
                dev.tandem.cli.vex.SecurityTxtCommand.class,
                dev.tandem.cli.serve.ServeCommand.class,
                dev.tandem.cli.audit.AuditCommand.class,
        })
public final class TandemCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** A configured command line writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new TandemCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        cli.setExecutionExceptionHandler(TandemCommand::handleExecutionException);
        cli.setParameterExceptionHandler(TandemCommand::handleParameterException);
        dev.tandem.cli.options.FormatOption.describeIn(cli);
        return cli;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("tandem: " + e.getMessage());
        err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        Throwable cause = e;
        if (cause instanceof java.io.UncheckedIOException unchecked) {
            cause = unchecked.getCause();
        }
        if (cause instanceof InputException input) {
            err.println("tandem: " + input.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        if (cause instanceof UsageException usage) {
            err.println("tandem: " + usage.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        if (cause instanceof java.nio.file.NoSuchFileException missing) {
            err.println("tandem: " + missing.getFile() + ": no such file");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        if (cause instanceof java.nio.file.AccessDeniedException denied) {
            err.println("tandem: " + denied.getFile() + ": permission denied");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        if (cause instanceof java.io.IOException io) {
            err.println("tandem: " + io.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        err.println("tandem: internal error, please report it with the command line that caused it:");
        e.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL;
    }
}
