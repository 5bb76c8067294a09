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
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"}, new String[] {"sacn"},
                new String[] {"help", "db"})) {
            assertThat(run(args, false)).as(String.join(" ", args)).isEqualTo(run(args, true));
        }
    }
}
