package dev.tandem.lockfile;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.sbom.SbomFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The entry point for reading lockfiles: tells the format by the file name, then by the content where
 * names vary (a renamed lockfile, the saved output of {@code mvn dependency:list}), and reads it with
 * that format's reader. A file that is none of them is refused with the list of what is read.
 */
public final class Lockfiles {

    private static final Map<SbomFormat, LockfileReader> READERS = new EnumMap<>(SbomFormat.class);

    static {
        for (LockfileReader reader : List.of(new PackageLockReader(), new YarnLockReader(), new PnpmLockReader(),
                new CargoLockReader(), new GoModReader(), new PoetryLockReader(), new UvLockReader(),
                new RequirementsReader(), new ComposerLockReader(), new GemfileLockReader(),
                new MavenDependencyListReader())) {
            READERS.put(reader.format(), reader);
        }
    }

    /** What is read, for messages. */
    static final String READ = "package-lock.json (or npm-shrinkwrap.json), yarn.lock, pnpm-lock.yaml, Cargo.lock, go.mod"
            + " (with its go.sum), poetry.lock, uv.lock, a pip requirements file, composer.lock, Gemfile.lock, or the"
            + " output of mvn dependency:list";

    private static final Map<String, SbomFormat> BY_NAME = Map.ofEntries(
            Map.entry("package-lock.json", SbomFormat.NPM_PACKAGE_LOCK),
            Map.entry("npm-shrinkwrap.json", SbomFormat.NPM_PACKAGE_LOCK),
            Map.entry(".package-lock.json", SbomFormat.NPM_PACKAGE_LOCK),
            Map.entry("yarn.lock", SbomFormat.YARN_LOCK),
            Map.entry("pnpm-lock.yaml", SbomFormat.PNPM_LOCK),
            Map.entry("pnpm-lock.yml", SbomFormat.PNPM_LOCK),
            Map.entry("cargo.lock", SbomFormat.CARGO_LOCK),
            Map.entry("go.mod", SbomFormat.GO_MOD),
            Map.entry("poetry.lock", SbomFormat.POETRY_LOCK),
            Map.entry("uv.lock", SbomFormat.UV_LOCK),
            Map.entry("composer.lock", SbomFormat.COMPOSER_LOCK),
            Map.entry("gemfile.lock", SbomFormat.GEMFILE_LOCK),
            Map.entry("gems.locked", SbomFormat.GEMFILE_LOCK));

    /** {@code requirements.txt}, {@code requirements-dev.txt}, {@code dev-requirements.txt}, {@code requirements.prod.txt}, … */
    private static final Pattern REQUIREMENTS_NAME = Pattern.compile(".*requirements.*\\.(txt|in)$");

    private Lockfiles() {
    }

    /** Reads one lockfile, alone. */
    public static Lockfile read(InputDocument document) throws InputException {
        return read(LockfileDocuments.of(document));
    }

    /**
     * Reads one lockfile with its companions.
     *
     * @throws InputException when the file is none of the formats read (the message lists them), or
     *                        malformed, hostile or over the limits (naming the file and line)
     */
    public static Lockfile read(LockfileDocuments documents) throws InputException {
        InputDocument document = documents.lockfile();
        if (isGoSum(document.source())) {
            throw new InputException(document.source(), InputPosition.UNKNOWN, "go.sum lists the checksums of every"
                    + " module version the go command considered, not the versions a build uses: it is read beside"
                    + " its go.mod; give the go.mod of the same folder");
        }
        SbomFormat format = detect(document);
        return READERS.get(format).read(document, documents.companions());
    }

    /**
     * Groups documents into lockfiles and companions: a go.sum goes with the go.mod of the same folder.
     *
     * @throws InputException for a go.sum without a go.mod beside it
     */
    public static List<LockfileDocuments> group(List<InputDocument> documents) throws InputException {
        Map<String, InputDocument> sums = new LinkedHashMap<>();
        List<InputDocument> lockfiles = new ArrayList<>();
        for (InputDocument document : documents) {
            if (isGoSum(document.source())) {
                sums.putIfAbsent(folder(document.source()), document);
            } else {
                lockfiles.add(document);
            }
        }
        List<LockfileDocuments> grouped = new ArrayList<>();
        for (InputDocument lockfile : lockfiles) {
            InputDocument sum = fileName(lockfile.source()).equals("go.mod") ? sums.remove(folder(lockfile.source())) : null;
            grouped.add(new LockfileDocuments(lockfile, sum == null ? List.of() : List.of(sum)));
        }
        if (!sums.isEmpty()) {
            InputDocument orphan = sums.values().iterator().next();
            throw new InputException(orphan.source(), InputPosition.UNKNOWN, "go.sum is read beside its go.mod, and no"
                    + " go.mod of the same folder was given: give the go.mod");
        }
        return grouped;
    }

    /** The go.sum a go.mod may have beside it ({@code dir/go.mod} → {@code dir/go.sum}); empty for any other file. */
    public static Optional<String> companionName(String source) {
        if (!fileName(source).equals("go.mod")) {
            return Optional.empty();
        }
        return Optional.of(source.substring(0, source.length() - "go.mod".length()) + "go.sum");
    }

    /**
     * The format of a lockfile: by its file name, else by its content.
     *
     * @throws InputException when it is none of the formats read
     */
    public static SbomFormat detect(InputDocument document) throws InputException {
        String name = fileName(document.source());
        SbomFormat byName = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return byName;
        }
        if (REQUIREMENTS_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            return SbomFormat.PIP_REQUIREMENTS;
        }
        Optional<SbomFormat> byContent = ContentSniffer.detect(document.content());
        if (byContent.isPresent()) {
            return byContent.get();
        }
        throw new InputException(document.source(), InputPosition.UNKNOWN, ContentSniffer.describe(document.content())
                + "; Tandem reads " + READ + " (told by the file name, else by the content)");
    }

    /** The reader of one lockfile format (tests read fixtures whose names say nothing). */
    static LockfileReader reader(SbomFormat format) {
        LockfileReader reader = READERS.get(format);
        if (reader == null) {
            throw new IllegalArgumentException(format.label() + " is not a lockfile format");
        }
        return reader;
    }

    private static boolean isGoSum(String source) {
        return fileName(source).equals("go.sum");
    }

    static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(slash + 1);
    }

    private static String folder(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash < 0 ? "" : source.substring(0, slash);
    }

    static String text(byte[] content, int max) {
        return new String(content, 0, Math.min(content.length, max), StandardCharsets.UTF_8);
    }
}
