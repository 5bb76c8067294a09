package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A run of one subcommand builds the root with that subcommand alone (a quarter of a short command's
 * start-up was picocli's model of every command): its help, errors and exit codes must be those of
 * the whole tree.
 */
class CommandTreeTest {

    /** What one command line printed and returned. */
    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String[] args, boolean whole) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cli = whole ? TandemCommand.commandLine(o, e) : TandemCommand.commandLine(o, e, args);
        int code = cli.execute(args);
        o.flush();
        e.flush();
        return new Outcome(code, out.toString(), err.toString());
    }

    private static List<String[]> commandLines() {
        List<String[]> lines = new ArrayList<>();
        CommandLine whole = TandemCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (Class<?> type : TandemCommand.SUBCOMMANDS) {
            String name = type.getAnnotation(Command.class).name();
            if (name.equals("help")) {
                continue;
            }
            lines.add(new String[] {name, "--help"});
            lines.add(new String[] {name, "--no-such-option"});
            lines.add(new String[] {name, "-h"});
            CommandLine command = whole.getSubcommands().get(name);
            if (!command.getSubcommands().isEmpty()) {
                lines.add(new String[] {name});
                lines.add(new String[] {name, "biuld"});
                for (String sub : command.getSubcommands().keySet()) {
                    lines.add(new String[] {name, sub, "--help"});
                    lines.add(new String[] {name, sub, "--no-such-option"});
                }
            }
        }
        return lines;
    }

    @Test
    void oneSubcommandRunsAsInTheWholeTree() {
        List<String[]> lines = commandLines();
        assertThat(lines).hasSizeGreaterThan(60);
        for (String[] args : lines) {
            assertThat(run(args, false)).as(String.join(" ", args)).isEqualTo(run(args, true));
        }
    }

    @Test
    void aRunOfOneSubcommandBuildsThatSubcommandAlone() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine scan = TandemCommand.commandLine(sink, sink, new String[] {"scan", "--sbom", "x.json"});
        assertThat(scan.getSubcommands().keySet()).containsExactly("scan");
        assertThat(scan.getSubcommands().get("scan").getCommandSpec().qualifiedName()).isEqualTo("tandem scan");
        assertThat(scan.getSubcommands().get("scan").getCommandSpec().findOption("--config")).as("inherited").isNotNull();
    }

    @Test
    void theRootItsHelpAndTyposGetTheWholeTree() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        int all = TandemCommand.SUBCOMMANDS.size();
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "scan"},
                new String[] {"sacn"}, new String[] {"--config", "x.yaml", "scan"}, new String[] {"scan", "--config=x.yaml"})) {
            assertThat(TandemCommand.commandLine(sink, sink, args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
        assertThat(TandemCommand.commandLine(sink, sink, new String[] {"--version"}).getSubcommands()).isEmpty();
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"}, new String[] {"sacn"},
                new String[] {"help", "db"}, new String[] {"--version"}, new String[] {"-V"}, new String[] {"--version", "scan"})) {
            assertThat(run(args, false)).as(String.join(" ", args)).isEqualTo(run(args, true));
        }
    }

    /** The root as it was declared before the subcommands were added in code: picocli builds them from the annotation. */
    @Command(name = "tandem", mixinStandardHelpOptions = true, subcommands = {
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
                dev.tandem.cli.audit.AuditCommand.class})
    static final class AnnotatedRoot {
        @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
                description = "Read default options from FILE instead of tandem.yaml in the working directory; "
                        + "options given on the command line win.")
        java.nio.file.Path config;
    }

    private static void sameModel(CommandLine declared, CommandLine added, List<String> differences) {
        var a = declared.getCommandSpec();
        var b = added.getCommandSpec();
        if (!declared.getUsageMessage(CommandLine.Help.Ansi.OFF).equals(added.getUsageMessage(CommandLine.Help.Ansi.OFF))) {
            differences.add(b.qualifiedName() + ": usage\n" + declared.getUsageMessage(CommandLine.Help.Ansi.OFF) + "\n---\n"
                    + added.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        for (var option : a.options()) {
            var other = b.findOption(option.longestName());
            if (other == null || option.required() != other.required() || !option.arity().equals(other.arity())
                    || !java.util.Objects.equals(option.defaultValue(), other.defaultValue())
                    || !option.splitRegex().equals(other.splitRegex()) || option.inherited() != other.inherited()) {
                differences.add(b.qualifiedName() + " " + option.longestName());
            }
        }
        if (a.options().size() != b.options().size() || a.positionalParameters().size() != b.positionalParameters().size()) {
            differences.add(b.qualifiedName() + ": number of options or parameters");
        }
        assertThat(added.getSubcommands().keySet()).as(b.qualifiedName()).containsExactlyElementsOf(declared.getSubcommands().keySet());
        for (String name : declared.getSubcommands().keySet()) {
            if (!name.equals("help")) {
                sameModel(declared.getSubcommands().get(name), added.getSubcommands().get(name), differences);
            }
        }
    }

    @Test
    void subcommandsAddedInCodeHaveTheModelOfTheAnnotation() {
        CommandLine declared = new CommandLine(new AnnotatedRoot());
        declared.setCaseInsensitiveEnumValuesAllowed(true);
        declared.setUsageHelpAutoWidth(true);
        dev.tandem.cli.options.FormatOption.describeIn(declared);
        CommandLine added = TandemCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> differences = new ArrayList<>();
        assertThat(added.getSubcommands().keySet()).containsExactlyElementsOf(declared.getSubcommands().keySet());
        for (String name : declared.getSubcommands().keySet()) {
            if (!name.equals("help")) {
                sameModel(declared.getSubcommands().get(name), added.getSubcommands().get(name), differences);
            }
        }
        assertThat(differences).isEmpty();
        CommandLine build = added.getSubcommands().get("db").getSubcommands().get("build");
        assertThat(build.getCommandSpec().findOption("--out").required()).as("db build's model transformer").isTrue();
    }
}
