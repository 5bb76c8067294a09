package dev.tandem.cli.config;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.YamlNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Default options from a configuration file: {@code tandem.yaml} in the working directory, or the
 * file {@code --config FILE} names. The file mirrors the commands (a mapping per command, nested
 * for subcommands: {@code scan:}, {@code db: {update: …}}) and names options by their long name
 * without dashes ({@code fail-on: [kev, epss:0.5]}). Every command and option in it must exist, so
 * a typo is an error, never silently ignored. An option the command line gives wins over the file;
 * options of the command that runs and that the command line leaves out are added from it.
 */
public final class ConfigDefaults {

    /** The file read from the working directory when {@code --config} is not given. */
    public static final String FILE_NAME = "tandem.yaml";

    private ConfigDefaults() {
    }

    /**
     * The arguments to run: {@code args} with the configured options it does not give added.
     *
     * @param workingDirectory where {@code tandem.yaml} is looked for
     * @throws InputException for a configuration file that is missing (when named), malformed, or
     *                        names a command, option or value that does not fit
     */
    public static String[] apply(CommandLine root, String[] args, Path workingDirectory) throws InputException {
        Path named = configOption(args);
        Path file = named != null ? named : workingDirectory.resolve(FILE_NAME);
        if (named == null && !Files.isRegularFile(file)) {
            return args;
        }
        String shown = named != null ? named.toString() : FILE_NAME;
        Path folder = file.toAbsolutePath().getParent();
        boolean here = named == null || folder.equals(workingDirectory.toAbsolutePath().normalize());
        return apply(root, args, new InputDocument(shown, InputDocument.read(file).content()), here ? null : folder);
    }

    /**
     * The arguments to run with the configuration {@code document} (the reader's entry point, fuzzed
     * like every reader: docs/hardening.md).
     *
     * @param folder the folder relative paths in the document are resolved against, or null to
     *               leave them relative (to the working directory)
     */
    public static String[] apply(CommandLine root, String[] args, InputDocument document, Path folder)
            throws InputException {
        String shown = document.source();
        YamlNode tree = YamlNode.parse(document);
        if (!(tree instanceof YamlNode.Mapping mapping)) {
            throw new InputException(shown, tree.position(), "a configuration file is a mapping of commands to their options");
        }
        validate(shown, root, mapping);
        Invocation invocation = Invocation.of(root, args);
        YamlNode.Mapping section = mapping;
        for (String command : invocation.path()) {
            YamlNode next = section.get(command).orElse(null);
            if (!(next instanceof YamlNode.Mapping nested)) {
                return args;
            }
            section = nested;
        }
        if (invocation.path().isEmpty() || invocation.path().get(0).equals("help")) {
            return args;
        }
        List<String> added = new ArrayList<>();
        CommandSpec spec = invocation.command().getCommandSpec();
        for (YamlNode.Entry entry : section.entries()) {
            OptionSpec option = spec.findOption("--" + entry.key());
            if (option == null || invocation.given().contains(option)) {
                continue; // a subcommand's section, or an option the command line gives: it wins
            }
            added.addAll(arguments(shown, option, entry, folder));
        }
        List<String> effective = new ArrayList<>(List.of(args).subList(0, invocation.end()));
        effective.addAll(added);
        effective.addAll(List.of(args).subList(invocation.end(), args.length));
        return effective.toArray(String[]::new);
    }

    /** The file {@code --config FILE} (or {@code --config=FILE}) names, before any {@code --}. */
    static Path configOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return null;
            }
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }

    /** Every key must be a command (then a mapping) or an option of the command it is under. */
    private static void validate(String source, CommandLine command, YamlNode.Mapping section) throws InputException {
        Map<String, CommandLine> subcommands = command.getSubcommands();
        CommandSpec spec = command.getCommandSpec();
        for (YamlNode.Entry entry : section.entries()) {
            CommandLine sub = subcommands.get(entry.key());
            if (sub != null && !entry.key().equals("help")) {
                if (!(entry.value() instanceof YamlNode.Mapping nested)) {
                    throw new InputException(source, entry.value().position(), "'" + entry.key() + "' is a command: give "
                            + "its options as a mapping, found " + YamlNode.describe(entry.value()));
                }
                validate(source, sub, nested);
                continue;
            }
            OptionSpec option = spec.findOption("--" + entry.key());
            String where = spec.qualifiedName();
            if (option == null || option.usageHelp() || option.versionHelp() || entry.key().equals("config")) {
                throw new InputException(source, entry.keyPosition(), "unknown key '" + entry.key() + "': '" + where
                        + "' has no such " + (subcommands.isEmpty() ? "option" : "command or option")
                        + suggestion(entry.key(), spec, subcommands));
            }
            arguments(source, option, entry, null); // checks the value's shape
        }
    }

    private static String suggestion(String key, CommandSpec spec, Map<String, CommandLine> subcommands) {
        List<String> names = new ArrayList<>(subcommands.keySet());
        for (OptionSpec option : spec.options()) {
            if (option.longestName().startsWith("--") && !option.usageHelp() && !option.versionHelp()) {
                names.add(option.longestName().substring(2));
            }
        }
        String best = null;
        int distance = 3;
        for (String name : names) {
            int d = distance(key.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < distance) {
                distance = d;
                best = name;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The command-line arguments one configured option stands for. */
    private static List<String> arguments(String source, OptionSpec option, YamlNode.Entry entry, Path folder)
            throws InputException {
        String name = option.longestName();
        YamlNode value = entry.value();
        if (option.arity().max() == 0) {
            if (!(value instanceof YamlNode.Scalar flag) || !(flag.text().equals("true") || flag.text().equals("false"))) {
                throw new InputException(source, value.position(), "'" + entry.key() + "' is a switch: true or false");
            }
            return flag.text().equals("true") ? List.of(name) : List.of();
        }
        List<YamlNode.Scalar> values = new ArrayList<>();
        if (value instanceof YamlNode.Sequence list) {
            if (!option.isMultiValue()) {
                throw new InputException(source, value.position(), "'" + entry.key() + "' takes one value, found a list");
            }
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlNode.Scalar scalar) || scalar.isEmpty()) {
                    throw new InputException(source, item.position(), "the values of '" + entry.key()
                            + "' are single values, found " + YamlNode.describe(item));
                }
                values.add(scalar);
            }
        } else if (value instanceof YamlNode.Scalar scalar && !scalar.isEmpty()) {
            values.add(scalar);
        } else {
            throw new InputException(source, value.position(), "'" + entry.key() + "' needs a value, found "
                    + YamlNode.describe(value));
        }
        boolean path = isPath(option);
        List<String> arguments = new ArrayList<>();
        for (YamlNode.Scalar scalar : values) {
            String text = scalar.text();
            if (path) {
                Path given;
                try {
                    given = Path.of(text);
                } catch (InvalidPathException e) {
                    throw new InputException(source, scalar.position(), "'" + entry.key() + "' is a path, but \""
                            + text.replace("\0", "\\0") + "\" cannot name a file (" + e.getReason() + ")");
                }
                if (folder != null && !given.isAbsolute()) {
                    text = folder.resolve(given).toString(); // relative to the configuration file, not to where tandem runs
                }
            }
            arguments.add(name);
            arguments.add(text);
        }
        return arguments;
    }

    private static boolean isPath(OptionSpec option) {
        if (option.type() == Path.class) {
            return true;
        }
        for (Class<?> type : option.auxiliaryTypes()) {
            if (type == Path.class) {
                return true;
            }
        }
        return false;
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * What a command line runs: the subcommand path, the command it ends at, the options it gives,
     * and where its options end (before {@code --}, or its end). Options' parameters are skipped by
     * their arity, as picocli counts them.
     */
    record Invocation(List<String> path, CommandLine command, Set<OptionSpec> given, int end) {

        static Invocation of(CommandLine root, String[] args) {
            List<String> path = new ArrayList<>();
            CommandLine current = root;
            Set<OptionSpec> given = new HashSet<>();
            int end = args.length;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--")) {
                    end = i;
                    break;
                }
                CommandLine sub = current.getSubcommands().get(arg);
                if (sub != null) {
                    current = sub;
                    path.add(arg);
                    given.clear();
                    continue;
                }
                if (!arg.startsWith("-") || arg.length() < 2) {
                    continue; // a positional parameter
                }
                boolean attached = arg.contains("=");
                String name = attached ? arg.substring(0, arg.indexOf('=')) : arg;
                OptionSpec option = current.getCommandSpec().findOption(name);
                if (option == null && !name.startsWith("--") && name.length() > 2) {
                    option = current.getCommandSpec().findOption(name.substring(0, 2)); // -oFILE
                    attached = option != null;
                }
                if (option == null) {
                    continue;
                }
                given.add(option);
                if (attached || option.arity().max() == 0) {
                    continue;
                }
                int taken = 0;
                int max = option.arity().max();
                while (i + 1 < args.length && taken < max) {
                    String next = args[i + 1];
                    boolean stops = next.equals("--") || current.getSubcommands().containsKey(next)
                            || (next.startsWith("-") && next.length() > 1 && current.getCommandSpec()
                            .findOption(next.contains("=") ? next.substring(0, next.indexOf('=')) : next) != null);
                    if (taken >= option.arity().min() && stops) {
                        break;
                    }
                    i++;
                    taken++;
                }
            }
            return new Invocation(List.copyOf(path), current, Set.copyOf(given), end);
        }
    }
}
