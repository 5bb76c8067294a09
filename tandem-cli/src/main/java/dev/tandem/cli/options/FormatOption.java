package dev.tandem.cli.options;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The shared {@code --format} option. Its choices are the command's {@link Formats} registry, so a
 * format is offered exactly when a renderer exists; {@link #describeIn} writes them into the help.
 */
public final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format.")
    String name;

    /** The renderer the user asked for, or the registry's default. */
    public <M> Renderer<M> pick(Formats<M> formats) {
        return formats.find(name).orElseThrow(() -> new UsageException("unknown --format '" + name + "': choose "
                + choices(formats.names())));
    }

    /** The chosen format's name, lower case; the default when none was given. */
    public String name(Formats<?> formats) {
        return name == null ? formats.defaultName() : name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Rewrites the help of every {@code --format} option under {@code root} whose command implements
     * {@link RendersFormats}: the list of formats, the default, and shell completion candidates.
     */
    public static void describeIn(CommandLine root) {
        for (CommandLine command : root.getSubcommands().values()) {
            describeIn(command);
        }
        if (!(root.getCommand() instanceof RendersFormats rendered)) {
            return;
        }
        CommandSpec spec = root.getCommandSpec();
        OptionSpec option = spec.findOption("--format");
        if (option == null) {
            return;
        }
        Formats<?> formats = rendered.formats();
        spec.remove(option);
        spec.addOption(OptionSpec.builder(option)
                .description("Output format: " + choices(formats.names()) + " (default: " + formats.defaultName() + ").")
                .completionCandidates(formats.names())
                .build());
    }

    private static String choices(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
