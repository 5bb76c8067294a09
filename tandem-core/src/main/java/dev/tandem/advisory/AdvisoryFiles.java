package dev.tandem.advisory;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads record files of one kind (OSV advisories, NVD and CVE records) from files, directories and
 * zip archives, and parses them in parallel while keeping a deterministic order: paths as given,
 * directory entries sorted by relative path, archive entries in archive order.
 *
 * <p>Archives are read in place, never extracted: entry names are only labels, entries with unsafe
 * names (absolute, {@code ..}) are refused, nested archives are skipped, and the entry count and
 * total uncompressed size are capped by {@link InputLimits}. A {@code .gz} file or entry (the NVD
 * feeds' packaging) is inflated in memory up to the document limit; one that inflates further is
 * refused as a bomb.
 */
public final class AdvisoryFiles {

    /**
     * A kind of record file: its name in messages ("OSV", "NVD or CVE"), which file names hold such
     * records, and how to describe them.
     *
     * @param recognised true for a lower-case file name the kind reads
     * @param extensions the extensions as messages list them, e.g. ".json, .yaml, .yml"
     */
    public record Kind(String name, Predicate<String> recognised, String extensions) {
        public Kind {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(recognised, "recognised");
            Objects.requireNonNull(extensions, "extensions");
        }
    }

    /** Parses the records of one file or entry; with {@code problems} not null, a bad record inside it is added there. */
    @FunctionalInterface
    public interface Parser<T> {
        List<T> parse(String source, byte[] content, List<InputException> problems) throws InputException;

        /**
         * As {@link #parse(String, byte[], List)}, the document being the first {@code length} bytes of
         * {@code content} (an array the load reuses for the next entry once this returns).
         */
        default List<T> parse(String source, byte[] content, int length, List<InputException> problems)
                throws InputException {
            return parse(source, length == content.length ? content : java.util.Arrays.copyOf(content, length),
                    problems);
        }
    }

    /** What a load read: the records in load order, the bad ones of a lenient load, and the files skipped. */
    public record Loaded<T>(List<T> records, List<InputException> problems, long skippedFiles) {
        public Loaded {
            records = List.copyOf(records);
            problems = List.copyOf(problems);
        }
    }

    private AdvisoryFiles() {
    }

    /**
     * Loads every record under {@code paths}.
     *
     * @throws InputException in strict mode, the first bad record in load order (naming the file or
     *                        {@code archive.zip!/entry} and the position); in both modes, a path that
     *                        does not exist or is not a file of the kind, a directory or a zip
     */
    public static <T> Loaded<T> load(List<Path> paths, Kind kind, LoadOptions options, LoadListener listener,
            Parser<T> parser) throws InputException {
        LoadListener progress = listener == null ? LoadListener.NONE : listener;
        // Paths are listed in parallel (an archive's central directory is read and checked whole),
        // then joined in the order given; the first path that cannot be listed is the error.
        Listing[] listings = new Listing[paths.size()];
        // Largest first, taken from one counter by as many threads as there are cores: the listing ends
        // when the largest archive's does, not when the half of the paths that holds it is done (issue 20).
        int[] order = largestFirst(paths);
        AtomicInteger nextPath = new AtomicInteger();
        int listers = Math.max(1, Math.min(paths.size(), ForkJoinPool.getCommonPoolParallelism() + 1));
        IntStream.range(0, listers).parallel().forEach(lister -> {
            for (int k = nextPath.getAndIncrement(); k < order.length; k = nextPath.getAndIncrement()) {
                listings[order[k]] = Listing.of(paths.get(order[k]), kind, options.limits());
            }
        });
        try {
            List<Unit> units = new ArrayList<>();
            long skipped = 0;
            for (Listing listing : listings) {
                if (listing.error() != null) {
                    throw listing.error();
                }
                units.addAll(listing.units());
                skipped += listing.skipped();
            }
            return parse(units, options, progress, skipped, parser);
        } finally {
            for (Listing listing : listings) {
                for (ZipArchive archive : listing == null ? List.<ZipArchive>of() : listing.archives()) {
                    archive.close();
                }
            }
        }
    }

    /** The indices of {@code paths}, directories first (their size is unknown), then files by size, largest first. */
    private static int[] largestFirst(List<Path> paths) {
        long[] sizes = new long[paths.size()];
        for (int i = 0; i < sizes.length; i++) {
            Path path = paths.get(i);
            try {
                sizes[i] = Files.isDirectory(path) ? Long.MAX_VALUE : Files.size(path);
            } catch (IOException | RuntimeException e) {
                sizes[i] = 0; // listed last; its listing reports the problem
            }
        }
        return IntStream.range(0, sizes.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> sizes[i]).reversed().thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** What one path holds: its units in load order, the files skipped, the archives opened, or why it cannot be listed. */
    private record Listing(List<Unit> units, long skipped, List<ZipArchive> archives, InputException error) {

        static Listing of(Path path, Kind kind, InputLimits limits) {
            List<Unit> units = new ArrayList<>();
            long[] skipped = {0};
            List<ZipArchive> archives = new ArrayList<>();
            try {
                enumerate(path, kind, limits, units, skipped, archives);
                return new Listing(units, skipped[0], archives, null);
            } catch (InputException e) {
                return new Listing(List.of(), 0, archives, e);
            }
        }
    }

    /** Parses documents held in memory (uploads, tests), each one or more records. */
    public static <T> Loaded<T> read(List<InputDocument> documents, LoadOptions options, Parser<T> parser)
            throws InputException {
        List<Unit> units = new ArrayList<>(documents.size());
        for (InputDocument document : documents) {
            units.add(new DocumentUnit(document, options.limits()));
        }
        return parse(units, options, LoadListener.NONE, 0, parser);
    }

    private static void enumerate(Path path, Kind kind, InputLimits limits, List<Unit> units, long[] skipped,
            List<ZipArchive> archives) throws InputException {
        if (Files.isDirectory(path)) {
            int before = units.size();
            long skippedBefore = skipped[0];
            directory(path, kind, limits, units, skipped);
            if (units.size() == before) {
                units.add(new Failed(path.toString(), new InputException(path, InputPosition.UNKNOWN,
                        "the directory contains no " + kind.name() + " files (" + kind.extensions() + ")"
                                + (skipped[0] > skippedBefore ? "; " + (skipped[0] - skippedBefore) + " other files skipped" : ""))));
            }
            return;
        }
        if (!Files.exists(path)) {
            throw new InputException(path, InputPosition.UNKNOWN, "no such file or directory");
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            archive(path, kind, limits, units, skipped, archives);
        } else if (kind.recognised().test(name)) {
            units.add(new FileUnit(path, path.toString(), limits));
        } else {
            throw new InputException(path, InputPosition.UNKNOWN, "not an " + kind.name() + " file: expected "
                    + describeExtensions(kind) + ", a directory or a .zip archive");
        }
    }

    private static String describeExtensions(Kind kind) {
        String[] parts = kind.extensions().split(", ");
        if (parts.length == 1) {
            return "a " + parts[0] + " file";
        }
        return "a " + String.join(", ", List.of(parts).subList(0, parts.length - 1)) + " or " + parts[parts.length - 1]
                + " file";
    }

    private static void directory(Path root, Kind kind, InputLimits limits, List<Unit> units, long[] skipped)
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
            if (!kind.recognised().test(file.getFileName().toString().toLowerCase(Locale.ROOT))) {
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

    /** Version-control and tool folders (.git, .github) hold no records; they are not walked. */
    private static boolean insideDotDirectory(Path root, Path path) {
        Path relative = root.relativize(path);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void archive(Path path, Kind kind, InputLimits limits, List<Unit> units, long[] skipped,
            List<ZipArchive> archives) {
        ZipArchive zip;
        try {
            // Before anything is inflated: the directory inside the file, no entry outside the data,
            // no two entries sharing bytes (overlapping entries are zip bombs).
            zip = ZipArchive.open(path, limits.maxArchiveEntries());
        } catch (InputException e) {
            units.add(new Failed(path.toString(), e));
            return;
        }
        archives.add(zip);
        List<Unit> entries = new ArrayList<>();
        AtomicLong inflated = new AtomicLong();
        long declaredBytes = 0;
        long skippedHere = 0;
        String prefix = path + "!/";
        for (ZipArchive.Entry entry : zip.entries()) {
            if (entry.isDirectory()) {
                continue;
            }
            String name = entry.name();
            String source = prefix + name;
            String unsafe = unsafeEntryName(name);
            if (unsafe != null) {
                entries.add(new Failed(source, new InputException(source, InputPosition.UNKNOWN,
                        "unsafe archive entry name (" + unsafe + "); the entry was not read")));
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (!kind.recognised().test(lower)) {
                // Nested archives are never opened: one level of zip is what the feeds publish.
                skippedHere++;
                continue;
            }
            String refused = refusal(entry);
            if (refused != null) {
                entries.add(new Failed(source, new InputException(source, InputPosition.UNKNOWN, refused)));
                continue;
            }
            long size = entry.size();
            if (size > limits.maxDocumentBytes()) {
                entries.add(new Failed(source, new InputException(source, InputPosition.UNKNOWN,
                        "the entry declares " + size + " bytes, more than the limit of " + limits.maxDocumentBytes())));
                continue;
            }
            declaredBytes += size;
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

    /** Why an entry the kind would read cannot be read at all, or null. */
    private static String refusal(ZipArchive.Entry entry) {
        if (entry.badName()) {
            return "the entry name is not valid UTF-8 (shown with replacement characters); the entry was not read";
        }
        if (entry.size() < 0) {
            return "the entry declares an impossible size (" + entry.size() + " bytes); the entry was not read";
        }
        if (entry.isEncrypted()) {
            return "the entry is encrypted; the entry was not read";
        }
        if (entry.method() != ZipArchive.STORED && entry.method() != ZipArchive.DEFLATED) {
            return "the entry is compressed with method " + entry.method()
                    + " (only stored and deflated entries are read); the entry was not read";
        }
        return null;
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
        // A segment (between '/' or '\\' separators) that is exactly "..".
        int segmentStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '/' || name.charAt(i) == '\\') {
                if (i - segmentStart == 2 && name.charAt(segmentStart) == '.' && name.charAt(segmentStart + 1) == '.') {
                    return "path traversal with ..";
                }
                segmentStart = i + 1;
            }
        }
        return null;
    }

    private static <T> Loaded<T> parse(List<Unit> units, LoadOptions options, LoadListener listener, long skipped,
            Parser<T> parser) throws InputException {
        int total = units.size();
        Object[] results = new Object[total];
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        Progress progress = new Progress(listener, total);
        progress.start();
        int[] runs = runs(units);
        int runCount = runs.length - 1;
        int[] order = samplesFirst(units, runs);
        // Runs are taken in load order (each archive's sample first) from one counter by as many workers
        // as the common pool has threads (plus the caller's): both cores stay busy to the last run, and a
        // strict load that fails stops after the failure's run.
        AtomicInteger nextRun = new AtomicInteger();
        int workers = Math.max(1, Math.min(runCount, ForkJoinPool.getCommonPoolParallelism() + 1));
        IntStream.range(0, workers).parallel().forEach(worker -> {
            // Each worker reads archive entries with its own buffer and Inflater, reused from run to run.
            try (EntryReader reader = new EntryReader()) {
                for (int next = nextRun.getAndIncrement(); next < runCount; next = nextRun.getAndIncrement()) {
                    int run = order[next];
                    reader.startRun(span(units, runs[run], runs[run + 1]));
                    parseRun(units, runs[run], runs[run + 1], options, parser, results, firstFailure, progress, reader);
                }
            }
        });
        List<T> records = new ArrayList<>(total);
        List<InputException> problems = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof InputException e) {
                if (!options.isLenient()) {
                    throw e;
                }
                problems.add(e);
            } else if (result instanceof Parsed<?> parsed) {
                @SuppressWarnings("unchecked")
                Parsed<T> typed = (Parsed<T>) parsed;
                if (typed.records().size() == 1) {
                    records.add(typed.records().get(0)); // most files hold one record: no array made to add it
                } else {
                    records.addAll(typed.records());
                }
                if (!typed.problems().isEmpty()) {
                    problems.addAll(typed.problems());
                }
            }
        }
        return new Loaded<>(records, problems, skipped);
    }

    /**
     * Reads and parses the units {@code [from, to)}, recording each unit's result in {@code results}: a
     * run of archive entries is brought in with one positional read and inflated by one Inflater.
     */
    private static <T> void parseRun(List<Unit> units, int from, int to, LoadOptions options, Parser<T> parser,
            Object[] results, AtomicInteger firstFailure, Progress progress, EntryReader reader) {
        for (int i = from; i < to; i++) {
            // Strict loads stop early, but never before every earlier unit is parsed, so the error
            // reported is always the first one in load order.
            if (!options.isLenient() && i > firstFailure.get()) {
                return;
            }
            Unit unit = units.get(i);
            try {
                List<InputException> recordProblems = options.isLenient() ? new ArrayList<>() : null;
                List<T> records;
                if (unit instanceof ZipUnit entry && !isGzip(entry.source())) {
                    // Inflated into the worker's reused array: parsed before the next entry is read.
                    int length = entry.readReused(reader);
                    records = parser.parse(unit.source(), reader.window().content(), length, recordProblems);
                } else {
                    records = parser.parse(unit.source(), unit.read(reader), recordProblems);
                }
                results[i] = new Parsed<>(records, recordProblems == null ? List.of() : recordProblems);
            } catch (InputException e) {
                results[i] = e;
                if (!options.isLenient()) {
                    firstFailure.accumulateAndGet(i, Math::min);
                }
            }
            progress.step();
        }
    }

    /**
     * Entries in the first run of each archive: the archives' samples, parsed before the rest
     * ({@link #samplesFirst}).
     */
    static final int SAMPLE = 256;

    /**
     * Splits the units into runs: consecutive entries of one archive whose bytes lie one after the
     * other within {@link ZipArchive#WINDOW} form one run, the archive's first {@link #SAMPLE} entries
     * a run of their own; any other unit is a run of its own. Returns the runs' boundaries (run
     * {@code r} is {@code [runs[r], runs[r + 1])}).
     */
    static int[] runs(List<? extends Unit> units) {
        int[] boundaries = new int[units.size() + 1];
        int count = 0;
        int i = 0;
        while (i < units.size()) {
            boundaries[count++] = i;
            int end = i + 1;
            if (units.get(i) instanceof ZipUnit first) {
                long start = first.entry().offset();
                long previousLimit = first.zip().limit(first.entry());
                int cap = startsArchive(units, i) ? i + SAMPLE : Integer.MAX_VALUE;
                while (end < units.size() && end < cap && units.get(end) instanceof ZipUnit next
                        && next.zip() == first.zip() && next.entry().offset() >= previousLimit
                        && next.zip().limit(next.entry()) - start <= ZipArchive.WINDOW) {
                    previousLimit = next.zip().limit(next.entry());
                    end++;
                }
            }
            i = end;
        }
        boundaries[count++] = units.size();
        return java.util.Arrays.copyOf(boundaries, count);
    }

    /** Whether unit {@code i} is an archive's first entry to read. */
    private static boolean startsArchive(List<? extends Unit> units, int i) {
        return units.get(i) instanceof ZipUnit entry
                && (i == 0 || !(units.get(i - 1) instanceof ZipUnit previous) || previous.zip() != entry.zip());
    }

    /**
     * The order to parse the runs in: the run that starts each archive (its {@link #SAMPLE}) first, then
     * every other run, each group in load order. The parsing code is compiled for what it met before: in load
     * order, the 110,000 Alpine and Debian advisories of the 500k corpus came first, without SEMVER or GIT
     * ranges, a range's repo or an affected package's versions, and each of those first met later threw
     * compiled code away to compile it again (issue 20). The records and the problem reported are in load
     * order whatever the parse order.
     */
    static int[] samplesFirst(List<? extends Unit> units, int[] runs) {
        int runCount = runs.length - 1;
        int[] order = new int[runCount];
        int at = 0;
        for (int run = 0; run < runCount; run++) {
            if (startsArchive(units, runs[run])) {
                order[at++] = run;
            }
        }
        for (int run = 0; run < runCount; run++) {
            if (!startsArchive(units, runs[run])) {
                order[at++] = run;
            }
        }
        return order;
    }

    /** The bytes a run of units spans in its archive (0 for units that are not archive entries). */
    private static long span(List<? extends Unit> units, int from, int to) {
        if (units.get(from) instanceof ZipUnit first && units.get(to - 1) instanceof ZipUnit last) {
            return last.zip().limit(last.entry()) - first.entry().offset();
        }
        return 0;
    }

    /** What one worker reads archive entries with: a window on the archive and an Inflater, made when first needed. */
    static final class EntryReader implements AutoCloseable {
        private final ZipArchive.Window window = new ZipArchive.Window();
        private Inflater inflater;

        /** The next run spans {@code span} bytes of its archive: one read brings in that much (at most a window). */
        void startRun(long span) {
            window.reach((int) Math.min(span, ZipArchive.WINDOW));
        }

        ZipArchive.Window window() {
            return window;
        }

        Inflater inflater() {
            if (inflater == null) {
                inflater = new Inflater(true);
            }
            return inflater;
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /** The records of one file or entry, and (lenient loads) the bad records in it. */
    private record Parsed<T>(List<T> records, List<InputException> problems) {
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
    sealed interface Unit permits FileUnit, ZipUnit, DocumentUnit, Failed {
        String source();

        byte[] read(EntryReader reader) throws InputException;
    }

    /** A file to read at {@code path}, named {@code source} (the path as the user gave its folder). */
    private record FileUnit(Path path, String source, InputLimits limits) implements Unit {
        @Override
        public byte[] read(EntryReader reader) throws InputException {
            byte[] content = bytes(path, limits);
            return isGzip(source()) ? gunzip(source(), content, limits) : content;
        }
    }

    /** An archive entry; {@code inflated} counts the bytes inflated from the whole archive so far. */
    record ZipUnit(ZipArchive zip, ZipArchive.Entry entry, String source, InputLimits limits, AtomicLong inflated)
            implements Unit {
        @Override
        public byte[] read(EntryReader reader) throws InputException {
            long declared = entry.size();
            // Never more than the central directory declares: an entry that inflates beyond it is a
            // forged header (zip bomb), not a record.
            // The message is made only when it is needed: a number made into text per entry showed in db build's profile.
            byte[] content = zip.read(entry, source, declared, () -> "the entry inflates to more than its declared "
                    + declared + " bytes", reader.window(), reader.inflater());
            countInflated(content.length);
            return isGzip(source) ? gunzip(source, content, limits) : content;
        }

        /** As {@link #read}, into the reader's reused array ({@link ZipArchive.Window#content()}); not for a .gz entry. */
        int readReused(EntryReader reader) throws InputException {
            long declared = entry.size();
            int length = zip.readReused(entry, source, declared, () -> "the entry inflates to more than its declared "
                    + declared + " bytes", reader.window(), reader.inflater());
            countInflated(length);
            return length;
        }

        /** The bytes actually inflated from one archive are bounded too, whatever the headers say. */
        private void countInflated(int length) throws InputException {
            if (inflated.addAndGet(length) > limits.maxArchiveBytes()) {
                throw new InputException(source, InputPosition.UNKNOWN, "the archive inflates to more than "
                        + limits.maxArchiveBytes() + " bytes (limit); the entry was not read");
            }
        }
    }

    private record DocumentUnit(InputDocument document, InputLimits limits) implements Unit {
        @Override
        public String source() {
            return document.source();
        }

        @Override
        public byte[] read(EntryReader reader) throws InputException {
            if (document.content().length > InputLimits.DEFAULT.maxDocumentBytes()) {
                throw new InputException(source(), InputPosition.UNKNOWN, "the document is over the limit of "
                        + InputLimits.DEFAULT.maxDocumentBytes() + " bytes");
            }
            byte[] content = document.content();
            return isGzip(source()) || startsLikeGzip(content) ? gunzip(source(), content, limits) : content;
        }
    }

    private record Failed(String source, InputException problem) implements Unit {
        @Override
        public byte[] read(EntryReader reader) throws InputException {
            throw problem;
        }
    }

    /** Reads a file through the one bounded reader ({@link InputDocument#read(Path, long)}): pipes and special files included. */
    static byte[] bytes(Path file, InputLimits limits) throws InputException {
        return InputDocument.read(file, limits.maxDocumentBytes()).content();
    }

    private static boolean isGzip(String source) {
        // The end alone, ignoring case: lower-casing every entry's whole source showed in db build's profile.
        return AdvisoryLoader.endsWithIgnoreCase(source, ".gz");
    }

    private static boolean startsLikeGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xFF) == 0x1F && (content[1] & 0xFF) == 0x8B;
    }

    /**
     * Inflates gzip data up to the document limit, and never past what this JVM may hold for one
     * document ({@link InputLimits#memoryCeiling()}); more is a bomb, not a record.
     */
    static byte[] gunzip(String source, byte[] compressed, InputLimits limits) throws InputException {
        long cap = Math.min(limits.maxDocumentBytes(), InputLimits.memoryCeiling());
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            byte[] content = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 16));
            if (content.length > cap) {
                throw new InputException(source, InputPosition.UNKNOWN,
                        "the gzip data inflates to more than the limit of " + cap + " bytes; it was not read");
            }
            return content;
        } catch (ZipException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "not readable gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot inflate the gzip data: " + e.getMessage(), e);
        }
    }
}
