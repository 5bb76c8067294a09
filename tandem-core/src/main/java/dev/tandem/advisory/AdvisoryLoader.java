package dev.tandem.advisory;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.ZipDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Loads OSV advisories from files, directories and zip archives (as OSV publishes {@code all.zip}
 * per ecosystem). Files are parsed in parallel; the result keeps a deterministic order: paths as
 * given, directory entries sorted by relative path, archive entries in archive order.
 *
 * <p>Archives are read in place, never extracted: entry names are only labels, entries with unsafe
 * names (absolute, {@code ..}) are refused, nested archives are skipped, and the entry count and
 * total uncompressed size are capped by {@link InputLimits}.
 */
public final class AdvisoryLoader {

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
        LoadListener progress = listener == null ? LoadListener.NONE : listener;
        List<Unit> units = new ArrayList<>();
        long[] skipped = {0};
        List<ZipFile> archives = new ArrayList<>();
        try {
            for (Path path : paths) {
                enumerate(path, options.limits(), units, skipped, archives);
            }
            return parse(units, options, progress, skipped[0]);
        } finally {
            for (ZipFile archive : archives) {
                try {
                    archive.close();
                } catch (IOException ignored) {
                    // Closing a read-only archive cannot lose data.
                }
            }
        }
    }

    /**
     * Parses OSV documents held in memory (uploads, tests): each one record or a JSON array of
     * records, YAML when its name ends in {@code .yaml}/{@code .yml} or, for a name without one of
     * the OSV extensions, when its text does not start with a JSON object or array.
     *
     * @throws InputException in strict mode, the first bad record in document order
     */
    public static AdvisoryLoad read(List<InputDocument> documents, LoadOptions options) throws InputException {
        List<Unit> units = new ArrayList<>(documents.size());
        for (InputDocument document : documents) {
            units.add(new DocumentUnit(document));
        }
        return parse(units, options, LoadListener.NONE, 0);
    }

    private static void enumerate(Path path, InputLimits limits, List<Unit> units, long[] skipped,
            List<ZipFile> archives) throws InputException {
        if (Files.isDirectory(path)) {
            int before = units.size();
            long skippedBefore = skipped[0];
            directory(path, limits, units, skipped);
            if (units.size() == before) {
                units.add(new Failed(path.toString(), new InputException(path, InputPosition.UNKNOWN,
                        "the directory contains no OSV files (.json, .yaml, .yml)"
                                + (skipped[0] > skippedBefore ? "; " + (skipped[0] - skippedBefore) + " other files skipped" : ""))));
            }
            return;
        }
        if (!Files.exists(path)) {
            throw new InputException(path, InputPosition.UNKNOWN, "no such file or directory");
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            archive(path, limits, units, skipped, archives);
        } else if (isOsvFile(name)) {
            units.add(new FileUnit(path, path.toString(), limits));
        } else {
            throw new InputException(path, InputPosition.UNKNOWN,
                    "not an OSV file: expected a .json, .yaml or .yml file, a directory or a .zip archive");
        }
    }

    private static void directory(Path root, InputLimits limits, List<Unit> units, long[] skipped)
            throws InputException {
        List<Path> files;
        Path real;
        // The root itself may be a symbolic link to the folder (a mounted mirror): walk what it points
        // to, but keep naming files under the path the user gave. Links below the root are not followed
        // out of it. Paths are resolved as paths, never through their text, so a name that is not valid
        // in the platform's encoding still names the same file (and is reported below).
        try (Stream<Path> walk = Files.walk(root.toRealPath())) {
            real = root.toRealPath();
            Path base = real;
            files = walk.filter(p -> !insideDotDirectory(base, p))
                    .filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
                    .sorted(Comparator.comparing(p -> base.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new InputException(root, InputPosition.UNKNOWN, "cannot list the directory: " + e.getMessage(), e);
        }
        for (Path file : files) {
            Path shown = root.resolve(real.relativize(file));
            if (!isOsvFile(file.getFileName().toString().toLowerCase(Locale.ROOT))) {
                skipped[0]++;
                continue;
            }
            String problem = refusal(real, file);
            if (problem != null) {
                units.add(new Failed(shown.toString(), new InputException(shown, InputPosition.UNKNOWN, problem)));
            } else {
                units.add(new FileUnit(file, shown.toString(), limits));
            }
        }
    }

    /** Why a file found in a directory walk is not read, or null when it is read. */
    private static String refusal(Path realRoot, Path file) {
        if (!file.equals(Path.of(file.toString()))) {
            return "the file name is not valid UTF-8 (or not valid in this system's file-name encoding), shown here"
                    + " with replacement characters: rename the file; it was not read";
        }
        if (Files.isSymbolicLink(file)) {
            try {
                Path target = file.toRealPath();
                if (!target.startsWith(realRoot)) {
                    return "a symbolic link to " + target + ", outside the directory: not followed";
                }
                if (!Files.isRegularFile(target)) {
                    return "a symbolic link to something that is not a file: not followed";
                }
            } catch (IOException e) {
                return "a symbolic link whose target cannot be reached: not followed";
            }
        }
        return null;
    }

    /** Version-control and tool folders (.git, .github) hold no advisories; they are not walked. */
    private static boolean insideDotDirectory(Path root, Path path) {
        Path relative = root.relativize(path);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void archive(Path path, InputLimits limits, List<Unit> units, long[] skipped,
            List<ZipFile> archives) {
        try {
            // Before anything is inflated: the directory inside the file, no entry outside the data,
            // no two entries sharing bytes (overlapping entries are zip bombs).
            ZipDirectory.check(path, limits.maxArchiveEntries());
        } catch (InputException e) {
            units.add(new Failed(path.toString(), e));
            return;
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            units.add(new Failed(path.toString(), new InputException(path, InputPosition.UNKNOWN,
                    "not a readable zip archive: " + e.getMessage(), e)));
            return;
        } catch (IOException e) {
            units.add(new Failed(path.toString(), new InputException(path, InputPosition.UNKNOWN,
                    "cannot read: " + e.getMessage(), e)));
            return;
        }
        archives.add(zip);
        List<Unit> entries = new ArrayList<>();
        AtomicLong inflated = new AtomicLong();
        long count = 0;
        long declaredBytes = 0;
        long skippedHere = 0;
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            count++;
            if (count > limits.maxArchiveEntries()) {
                units.add(new Failed(path.toString(), new InputException(path, InputPosition.UNKNOWN,
                        "the archive has more than " + limits.maxArchiveEntries() + " entries (limit); it was not read")));
                return;
            }
            if (entry.isDirectory()) {
                continue;
            }
            String name = entry.getName();
            String source = path + "!/" + name;
            String unsafe = unsafeEntryName(name);
            if (unsafe != null) {
                entries.add(new Failed(source, new InputException(source, InputPosition.UNKNOWN,
                        "unsafe archive entry name (" + unsafe + "); the entry was not read")));
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (!isOsvFile(lower)) {
                // Nested archives are never opened: one level of zip is what OSV publishes.
                skippedHere++;
                continue;
            }
            long size = entry.getSize();
            if (size > limits.maxDocumentBytes()) {
                entries.add(new Failed(source, new InputException(source, InputPosition.UNKNOWN,
                        "the entry declares " + size + " bytes, more than the limit of " + limits.maxDocumentBytes())));
                continue;
            }
            declaredBytes += Math.max(size, 0);
            if (declaredBytes > limits.maxArchiveBytes()) {
                units.add(new Failed(path.toString(), new InputException(path, InputPosition.UNKNOWN,
                        "the archive's entries add up to more than " + limits.maxArchiveBytes()
                                + " uncompressed bytes (limit); it was not read")));
                return;
            }
            entries.add(new ZipUnit(zip, entry, source, limits, inflated));
        }
        skipped[0] += skippedHere;
        units.addAll(entries);
    }

    /** Why an entry name is unsafe to carry around as a path, or null when it is fine. */
    static String unsafeEntryName(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (name.indexOf('\0') >= 0) {
            return "NUL character";
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "absolute path";
        }
        if (name.length() > 1 && name.charAt(1) == ':') {
            return "drive letter";
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return "path traversal with ..";
            }
        }
        return null;
    }

    static boolean isOsvFile(String lowerName) {
        return lowerName.endsWith(".json") || lowerName.endsWith(".yaml") || lowerName.endsWith(".yml");
    }

    private static AdvisoryLoad parse(List<Unit> units, LoadOptions options, LoadListener listener, long skipped)
            throws InputException {
        int total = units.size();
        Object[] results = new Object[total];
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        Progress progress = new Progress(listener, total);
        progress.start();
        IntStream.range(0, total).parallel().forEach(i -> {
            // Strict loads stop early, but never before every earlier unit is parsed, so the error
            // reported is always the first one in load order.
            if (!options.isLenient() && i > firstFailure.get()) {
                return;
            }
            Unit unit = units.get(i);
            try {
                List<InputException> recordProblems = options.isLenient() ? new ArrayList<>() : null;
                byte[] content = unit.read();
                List<Advisory> records = OsvReader.readAll(unit.source(), content, unit.isYaml(content),
                        options.limits(), recordProblems);
                results[i] = new Parsed(records, recordProblems == null ? List.of() : recordProblems);
            } catch (InputException e) {
                results[i] = e;
                if (!options.isLenient()) {
                    firstFailure.accumulateAndGet(i, Math::min);
                }
            }
            progress.step();
        });
        List<Advisory> advisories = new ArrayList<>();
        List<InputException> problems = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof InputException e) {
                if (!options.isLenient()) {
                    throw e;
                }
                problems.add(e);
            } else if (result instanceof Parsed parsed) {
                advisories.addAll(parsed.advisories());
                problems.addAll(parsed.problems());
            }
        }
        long withdrawn = advisories.stream().filter(Advisory::isWithdrawn).count();
        return new AdvisoryLoad(advisories, problems, skipped, withdrawn);
    }

    /** The records of one file or entry, and (lenient loads) the bad records of a JSON array in it. */
    private record Parsed(List<Advisory> advisories, List<InputException> problems) {
    }

    /** Serialises progress calls so a listener never sees them overlap or go backwards. */
    private static final class Progress {
        private final LoadListener listener;
        private final long total;
        private long done;

        Progress(LoadListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        synchronized void start() {
            listener.progress(0, total);
        }

        synchronized void step() {
            done++;
            listener.progress(done, total);
        }
    }

    /** One file or archive entry to parse. */
    private sealed interface Unit permits FileUnit, ZipUnit, DocumentUnit, Failed {
        String source();

        byte[] read() throws InputException;

        /** Files and entries are told apart by name: OSV publishes them with their extension. */
        default boolean isYaml(byte[] content) {
            return OsvReader.isYaml(source());
        }
    }

    /** A file to read at {@code path}, named {@code source} (the path as the user gave its folder). */
    private record FileUnit(Path path, String source, InputLimits limits) implements Unit {

        @Override
        public byte[] read() throws InputException {
            return OsvReader.bytes(path, limits);
        }
    }

    /** An archive entry; {@code inflated} counts the bytes inflated from the whole archive so far. */
    private record ZipUnit(ZipFile zip, ZipEntry entry, String source, InputLimits limits, AtomicLong inflated)
            implements Unit {
        @Override
        public byte[] read() throws InputException {
            long declared = entry.getSize();
            long cap = declared >= 0 ? declared : limits.maxDocumentBytes();
            try (InputStream in = zip.getInputStream(entry)) {
                // Read one byte past the declared size: an entry that inflates beyond what the
                // central directory says is a forged header (zip bomb), not an advisory.
                byte[] content = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 16));
                if (content.length > cap) {
                    throw new InputException(source, InputPosition.UNKNOWN, declared >= 0
                            ? "the entry inflates to more than its declared " + declared + " bytes"
                            : "the entry is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
                }
                // The bytes actually inflated from one archive are bounded too, whatever the headers say.
                if (inflated.addAndGet(content.length) > limits.maxArchiveBytes()) {
                    throw new InputException(source, InputPosition.UNKNOWN, "the archive inflates to more than "
                            + limits.maxArchiveBytes() + " bytes (limit); the entry was not read");
                }
                return content;
            } catch (IOException e) {
                throw new InputException(source, InputPosition.UNKNOWN, "cannot read the entry: " + e.getMessage(), e);
            }
        }
    }

    private record DocumentUnit(InputDocument document) implements Unit {
        @Override
        public String source() {
            return document.source();
        }

        @Override
        public byte[] read() throws InputException {
            if (document.content().length > InputLimits.DEFAULT.maxDocumentBytes()) {
                throw new InputException(source(), InputPosition.UNKNOWN, "the document is over the limit of "
                        + InputLimits.DEFAULT.maxDocumentBytes() + " bytes");
            }
            return document.content();
        }

        @Override
        public boolean isYaml(byte[] content) {
            String name = source().toLowerCase(Locale.ROOT);
            if (isOsvFile(name)) {
                return OsvReader.isYaml(name);
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
    }

    private record Failed(String source, InputException problem) implements Unit {
        @Override
        public byte[] read() throws InputException {
            throw problem;
        }
    }
}
