package dev.tandem.cli;

import dev.tandem.cli.config.ConfigDefaults;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.exit.ExitCode;
import dev.tandem.input.InputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code tandem} command: lists the subcommands and maps errors to exit codes in one place. */
@Command(name = "tandem",
        mixinStandardHelpOptions = true,
        versionProvider = TandemVersion.class,
        description = "EU and US cyber-resilience evidence from one SBOM feed, one product profile, one incident record.")
public final class TandemCommand implements Runnable {

    /**
     * The subcommands, in the order the help lists them. Added in code, not in the annotation, so a
     * run of one command builds the model of that command alone (see {@link #commandLine(PrintWriter,
     * PrintWriter, String[])}): picocli's reflection over every command and the renderer registries of
     * their formats were a quarter of a short command's start-up (docs/performance.md, "Start-up").
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            dev.tandem.cli.conformity.CatalogCommand.class,
            dev.tandem.cli.conformity.CrosswalkCommand.class,
            dev.tandem.cli.conformity.AssessCommand.class,
            dev.tandem.cli.conformity.DeclarationCommand.class,
            dev.tandem.cli.conformity.AttestationCommand.class,
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
            dev.tandem.cli.audit.AuditCommand.class
    );

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read before parsing (see {@link ConfigDefaults}); declared so every command lists and accepts it. */
    @CommandLine.Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Read default options from FILE instead of tandem.yaml in the working directory; "
                    + "options given on the command line win.")
    Path config;

    /**
     * Runs one command line: the configuration file's defaults added for the options it leaves out,
     * then the command. Returns the exit code.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(out, err, args);
        String[] effective;
        try {
            effective = ConfigDefaults.apply(cli, args, Path.of("").toAbsolutePath());
        } catch (InputException e) {
            err.println("tandem: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        return cli.execute(effective);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** A configured command line writing to the given streams, with every subcommand. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(SUBCOMMANDS, out, err);
    }

    /**
     * The command line to run {@code args}: when they start with the name of a subcommand (other than
     * {@code help}) and no configuration file applies, the root with that subcommand alone, which parses,
     * runs, reports errors and prints help exactly as the whole tree does (nothing below a subcommand
     * looks at its siblings); for {@code --version} alone, the root alone; otherwise every subcommand
     * (the root's help and typo suggestions list them, and a configuration file is checked against all).
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        if (args.length == 0 || Files.isRegularFile(Path.of(ConfigDefaults.FILE_NAME))
                || java.util.Arrays.stream(args).anyMatch(a -> a.equals("--config") || a.startsWith("--config="))) {
            return commandLine(out, err);
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return configure(List.of(), out, err); // the version alone: no subcommand is looked at
        }
        for (Class<?> subcommand : SUBCOMMANDS) {
            Command command = subcommand.getAnnotation(Command.class);
            if (command.name().equals(args[0]) && !args[0].equals("help")) {
                return configure(List.of(subcommand), out, err);
            }
        }
        return commandLine(out, err);
    }

    private static CommandLine configure(List<Class<?>> subcommands, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new TandemCommand());
        for (Class<?> subcommand : subcommands) {
            // A CommandLine, not the class: addSubcommand(Class) skips the commands' model transformers
            // (db build's required --out), which the annotation's subcommands and this constructor apply.
            cli.addSubcommand(new CommandLine(subcommand));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        cli.setExecutionExceptionHandler(TandemCommand::handleExecutionException);
        cli.setParameterExceptionHandler(TandemCommand::handleParameterException);
        dev.tandem.cli.options.FormatOption.describeIn(cli);
        return cli;
    }

    /**
     * At most three subcommands close to {@code typed}: those within two edits (a swap of two
     * neighbouring letters is one: picocli's letter-pair similarity finds nothing for "sacn"), the
     * closest first; picocli's own suggestions when none is that close.
     */
    static List<String> suggestions(String typed, List<String> picocli, java.util.Set<String> commands) {
        String lower = typed.toLowerCase(java.util.Locale.ROOT);
        java.util.LinkedHashSet<String> ranked = new java.util.LinkedHashSet<>();
        commands.stream().filter(c -> !c.equals("help"))
                .map(c -> java.util.Map.entry(c, editDistance(lower, c.toLowerCase(java.util.Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.min(2, Math.max(1, lower.length() / 2)))
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().thenComparing(java.util.Map.Entry.comparingByKey()))
                .forEach(e -> ranked.add(e.getKey()));
        if (ranked.isEmpty()) {
            picocli.stream().filter(commands::contains).forEach(ranked::add); // only when no command is a typo away
        }
        return ranked.stream().limit(3).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !cli.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            // A mistyped subcommand: name it and offer the closest ones (picocli ranks them by similarity).
            String name = cli.getCommandSpec().qualifiedName();
            err.println("tandem: '" + unmatched.getUnmatched().get(0) + "' is not a command of '" + name + "'.");
            List<String> suggestions = suggestions(unmatched.getUnmatched().get(0), unmatched.getSuggestions(),
                    cli.getSubcommands().keySet());
            if (!suggestions.isEmpty()) {
                err.println("Did you mean " + String.join(" or ", suggestions.stream()
                        .map(s -> "'" + name + " " + s + "'").toList()) + "?");
            }
            err.println("Run '" + name + " --help' for the list of commands.");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        err.println("tandem: " + e.getMessage());
        err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static String fileProblem(java.nio.file.FileSystemException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "is in the way: a file exists where a folder is needed";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "is not a folder";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "is a folder that is not empty";
        }
        String reason = e.getReason();
        if (reason == null || reason.isBlank()) {
            return "cannot be used (" + e.getClass().getSimpleName() + ")";
        }
        return reason.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + reason.substring(1);
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
        if (cause instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            // Every file error names the path and says what was wrong with it, never the path alone.
            err.println("tandem: " + fs.getFile() + ": " + fileProblem(fs));
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
