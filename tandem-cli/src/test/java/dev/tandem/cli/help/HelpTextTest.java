package dev.tandem.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.CliRun;
import dev.tandem.cli.TandemCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help reads as sentences: every command's description lines and every option's description are
 * complete sentences, so a parent's command list (which shows only a command's first line) never
 * shows half a sentence, and a mistyped subcommand gets the closest one suggested.
 */
class HelpTextTest {

    /** A capital letter or a quoted name first; a full stop (maybe inside a closing bracket or quote) last. */
    private static final Pattern SENTENCE = Pattern.compile("^[\"'`A-Z0-9].*[.?!][)\"']?$", Pattern.DOTALL);

    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        root.getSubcommands().values().stream().filter(c -> c != root && !c.getCommandName().equals("help"))
                .distinct().forEach(c -> all.addAll(commands(c)));
        return all;
    }

    private static CommandLine tandem() {
        return TandemCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void everyCommandDescriptionLineIsACompleteSentence() {
        List<String> broken = new ArrayList<>();
        for (CommandLine command : commands(tandem())) {
            CommandSpec spec = command.getCommandSpec();
            for (String line : spec.usageMessage().description()) {
                if (!SENTENCE.matcher(line.strip()).matches()) {
                    broken.add(spec.qualifiedName() + ": \"" + line + "\"");
                }
            }
        }
        assertThat(broken).as("description lines that are not complete sentences").isEmpty();
    }

    @Test
    void everyOptionAndParameterDescriptionIsACompleteSentence() {
        List<String> broken = new ArrayList<>();
        for (CommandLine command : commands(tandem())) {
            CommandSpec spec = command.getCommandSpec();
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                String text = String.join(" ", arg.description()).strip();
                if (!SENTENCE.matcher(text).matches()) {
                    String name = arg instanceof CommandLine.Model.OptionSpec option ? option.longestName() : arg.paramLabel();
                    broken.add(spec.qualifiedName() + " " + name + ": \"" + text + "\"");
                }
            }
        }
        assertThat(broken).as("option descriptions that are not complete sentences").isEmpty();
    }

    @Test
    void theCommandListShowsWholeSentences() {
        // The list shows each command's first description line, wrapped: it ends where its sentence ends.
        String help = CliRun.of("db", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("build Parse OSV advisories (with KEV catalogues and EPSS scores) once into a compact, "
                + "checksummed snapshot.").contains("info Verify a snapshot (checksum, format version) and print what it holds.");
    }

    @Test
    void aMistypedSubcommandSuggestsTheClosestOne() {
        CliRun scan = CliRun.of("scna", "--sbom", "x.json");
        assertThat(scan.exitCode()).isEqualTo(2);
        assertThat(scan.err()).isEqualTo("tandem: 'scna' is not a command of 'tandem'.\nDid you mean 'tandem scan'?\n"
                + "Run 'tandem --help' for the list of commands.\n");
        CliRun db = CliRun.of("db", "updte");
        assertThat(db.exitCode()).isEqualTo(2);
        assertThat(db.err()).contains("Did you mean 'tandem db update'?");
        CliRun sbom = CliRun.of("sbom", "chek");
        assertThat(sbom.err()).contains("Did you mean").contains("check");
        // Two letters swapped share no letter pair with the command: found by edit distance.
        assertThat(CliRun.of("sacn", "--sbom", "x.json").err()).contains("Did you mean 'tandem scan'?");
        assertThat(CliRun.of("db", "ifno", "x.tdb").err()).contains("Did you mean 'tandem db info'?");
        assertThat(CliRun.of("obligatoins").err()).contains("Did you mean 'tandem obligations'?");
        assertThat(CliRun.of("zzzzzz").err()).doesNotContain("Did you mean");
    }
}
