package dev.tandem.advisory;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads OSV advisories from files, directories and zip archives (as OSV publishes {@code all.zip}
 * per ecosystem), through {@link AdvisoryFiles}: files are parsed in parallel; the result keeps a
 * deterministic order: paths as given, directory entries sorted by relative path, archive entries
 * in archive order.
 *
 * <p>Archives are read in place, never extracted: entry names are only labels, entries with unsafe
 * names (absolute, {@code ..}) are refused, nested archives are skipped, and the entry count and
 * total uncompressed size are capped by {@link InputLimits}.
 */
public final class AdvisoryLoader {

    /** OSV records: JSON or YAML files. */
    public static final AdvisoryFiles.Kind OSV = new AdvisoryFiles.Kind("OSV", AdvisoryLoader::isOsvFile,
            ".json, .yaml, .yml");

    private AdvisoryLoader() {
    }

    /**
     * Loads every advisory under {@code paths}.
     *
     * @throws InputException in strict mode, the first bad record in load order (naming the file or
     *                        {@code archive.zip!/entry} and the position); in both modes, a path that
     *                        does not exist or is not an OSV file, directory or zip
     */
    public static AdvisoryLoad load(List<Path> paths, LoadOptions options, LoadListener listener)
            throws InputException {
        return load(paths, options, listener, AdvisoryRetention.ALL);
    }

    /**
     * Loads every advisory under {@code paths}, keeping of each what {@code retention} keeps (dropped
     * on the parsing thread, so the load never holds the rest of every advisory at once).
     */
    public static AdvisoryLoad load(List<Path> paths, LoadOptions options, LoadListener listener,
            AdvisoryRetention retention) throws InputException {
        return of(AdvisoryFiles.load(paths, OSV, options, listener,
                parser(options.limits(), retention, RepeatedValues.forLoad(retention))));
    }

    /**
     * Parses OSV documents held in memory (uploads, tests): each one record or a JSON array of
     * records, YAML when its name ends in {@code .yaml}/{@code .yml} or, for a name without one of
     * the OSV extensions, when its text does not start with a JSON object or array.
     *
     * @throws InputException in strict mode, the first bad record in document order
     */
    public static AdvisoryLoad read(List<InputDocument> documents, LoadOptions options) throws InputException {
        return read(documents, options, AdvisoryRetention.ALL);
    }

    /** As {@link #read(List, LoadOptions)}, keeping of each advisory what {@code retention} keeps. */
    public static AdvisoryLoad read(List<InputDocument> documents, LoadOptions options, AdvisoryRetention retention)
            throws InputException {
        long bytes = 0;
        for (InputDocument document : documents) {
            bytes += document.content().length;
        }
        return of(AdvisoryFiles.read(documents, options,
                parser(options.limits(), retention, RepeatedValues.forBytes(bytes))));
    }

    private static AdvisoryLoad of(AdvisoryFiles.Loaded<Advisory> loaded) {
        long withdrawn = loaded.records().stream().filter(Advisory::isWithdrawn).count();
        return new AdvisoryLoad(loaded.records(), loaded.problems(), loaded.skippedFiles(), withdrawn);
    }

    /** One load's parser: its records share the strings that recur across them (one table per load). */
    private static AdvisoryFiles.Parser<Advisory> parser(InputLimits limits, AdvisoryRetention retention,
            RepeatedValues repeated) {
        // The reader drops what the retention drops as it reads: those strings are never made.
        return new AdvisoryFiles.Parser<>() {
            @Override
            public List<Advisory> parse(String source, byte[] content, List<InputException> problems)
                    throws InputException {
                return OsvReader.readAll(source, content, isYaml(source, content), limits, problems, repeated,
                        retention);
            }

            @Override
            public List<Advisory> parse(String source, byte[] content, int length, List<InputException> problems)
                    throws InputException {
                // A JSON entry is read in place; anything else as its own array, as before.
                if (length == content.length || !endsWithIgnoreCase(source, ".json")) {
                    return AdvisoryFiles.Parser.super.parse(source, content, length, problems);
                }
                return OsvReader.readAll(source, content, length, limits, problems, repeated, retention);
            }
        };
    }

    /** Files and entries are told apart by name (OSV publishes them with their extension); an upload without one by its text. */
    private static boolean isYaml(String source, byte[] content) {
        // The name's end alone, compared ignoring case: lower-casing each entry's whole source showed in db build's profile.
        if (endsWithIgnoreCase(source, ".yaml") || endsWithIgnoreCase(source, ".yml")) {
            return true;
        }
        if (endsWithIgnoreCase(source, ".json")) {
            return false;
        }
        // An upload may have no useful name: JSON starts with an object or an array, YAML does not.
        for (byte b : content) {
            if (b == '{' || b == '[') {
                return false;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB
                    && (b & 0xFF) != 0xBF) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text.toLowerCase(Locale.ROOT).endsWith(suffix)} for a lower-case ASCII suffix, without the copy:
     * only ASCII letters compare to ASCII letters ignoring case (no other character lower-cases to one of these).
     */
    static boolean endsWithIgnoreCase(String text, String suffix) {
        int from = text.length() - suffix.length();
        if (from < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            char c = text.charAt(from + i);
            char s = suffix.charAt(i);
            if (c != s && !(s >= 'a' && s <= 'z' && c == s - 32)) {
                return false;
            }
        }
        return true;
    }

    /** Why an entry name is unsafe to carry around as a path, or null when it is fine. */
    static String unsafeEntryName(String name) {
        return AdvisoryFiles.unsafeEntryName(name);
    }

    static boolean isOsvFile(String lowerName) {
        return lowerName.endsWith(".json") || lowerName.endsWith(".yaml") || lowerName.endsWith(".yml");
    }
}
