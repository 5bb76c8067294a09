package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reviewed snapshots of whole outputs under {@code src/test/resources/snapshots/}. Values that change
 * from run to run (the instant of a scan, a random serial number, a temporary folder), Tandem's own
 * version (a jar says 0.1.0, classes say "development"), and the bundled
 * catalog's content hash (which changes with every catalog edit) are normalised before comparing. After an intended change, run with {@code -Dsnapshots.update=true} and review the
 * diff; {@code SnapshotFilesTest} fails on snapshot files that no test names any more.
 */
public final class Snapshots {

    /** Where snapshot files live, relative to the module. */
    public static final Path ROOT = Path.of("src/test/resources/snapshots");

    private static final Pattern[] VOLATILE = {
            Pattern.compile("(\"(?:scannedAt|builtAt|timestamp|toolVersion)\"\\s*:\\s*\")[^\"]+(\")"),
            Pattern.compile("(urn:uuid:)[0-9a-f-]{36}()"),
            Pattern.compile("(Built:\\s+)\\S+()"),
            Pattern.compile("(\\(\\d[\\d,]* bytes\\) in )[\\d.]+( s)"),
            Pattern.compile("(crc32c:|CRC32C )[0-9a-f]{8}()"),
            // A snapshot records the version of Tandem that built it, so its size follows the version's length.
            Pattern.compile("(Format:\\s+version \\d+, )[\\d,]+( bytes)"),
            Pattern.compile("(\"(?:size|bytes)\"\\s*:\\s*)\\d+()"),
            Pattern.compile("(\"semanticVersion\"\\s*:\\s*\")[^\"]+(\")"),
            // A snapshot written into a temporary folder records its paths, so its size follows the folder's name.
            Pattern.compile("(Wrote \\S+ \\()[\\d,]+( bytes\\))"),
            Pattern.compile("(Baseline: \\S+ \\()[^)]+(\\))"),
            // The instant a document was generated (a clock reading, always with a fraction of a second; the
            // instants of the examples and of --at never have one).
            Pattern.compile("()\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{1,9}Z()"),
    };

    /** The bundled catalog's hash changes with every catalog edit; snapshots show a placeholder instead. */
    private static final String CATALOG_SHA256;
    /** The bundled catalog's version: raised with each catalog release, shown as a placeholder too. */
    private static final String CATALOG_VERSION;

    static {
        try {
            dev.tandem.catalog.CatalogFingerprint bundled =
                    dev.tandem.catalog.CatalogFingerprint.of(dev.tandem.catalog.CatalogSource.bundled());
            CATALOG_SHA256 = bundled.sha256();
            CATALOG_VERSION = bundled.version();
        } catch (dev.tandem.input.InputException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The last dash run of a table's rule line (runs of dashes separated by two spaces). */
    private static final Pattern TABLE_RULE_END = Pattern.compile("(?m)^((?:-+  )+)-+[ \\t]*$");

    private Snapshots() {
    }

    /** Replaces run-dependent values and the given temporary folder by stable placeholders. */
    public static String normalise(String text, Path temporary) {
        String result = text;
        if (temporary != null && (result.contains(temporary.toAbsolutePath().toString()) || result.contains(temporary.toString()))) {
            result = result.replace(temporary.toAbsolutePath().toString(), "<tmp>").replace(temporary.toString(), "<tmp>");
            // A table whose last column holds temporary paths is as wide as the random folder name (19 or 20 digits):
            // its last rule is shown at a fixed width.
            result = TABLE_RULE_END.matcher(result).replaceAll("$1---");
        }
        String version = Pattern.quote(dev.tandem.usecase.TandemVersion.current());
        result = result.replaceAll("(\"version\"\\s*:\\s*\")" + version + "\"", "$1<tandem-version>\"")
                .replaceAll("\\btandem " + version + "\\b", "tandem <tandem-version>")
                .replaceAll("\\b(Tandem (?:<code>)?)" + version + "\\b", "$1<tandem-version>");
        result = result.replace(CATALOG_SHA256, "<catalog-sha256>").replace(CATALOG_SHA256.substring(0, 12), "<catalog-sha256>");
        result = result.replace("Catalog: " + CATALOG_VERSION + " (", "Catalog: <catalog-version> (")
                .replace("catalog <code>" + CATALOG_VERSION + "</code>", "catalog <code><catalog-version></code>")
                .replace("catalog " + CATALOG_VERSION + " (", "catalog <catalog-version> (")
                .replaceAll("(\"version\"\\s*:\\s*\")" + Pattern.quote(CATALOG_VERSION) + "(\",\\s+\"sha256\")", "$1<catalog-version>$2");
        for (Pattern pattern : VOLATILE) {
            result = pattern.matcher(result).replaceAll("$1<volatile>$2");
        }
        return result;
    }

    /**
     * Also replaces today's date (UTC), for documents evaluated on the day they are made (an assessment, a
     * declaration, a PQC plan): {@code <today>}.
     */
    public static String normaliseToday(String text, Path temporary) {
        return normalise(text, temporary).replace(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "<today>");
    }

    /** Compares {@code actual} with the snapshot at {@code relativePath}, or rewrites it when updating. */
    public static void assertMatches(String relativePath, String actual) {
        Path file = ROOT.resolve(relativePath);
        try {
            if (Boolean.getBoolean("snapshots.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            if (!Files.exists(file)) {
                throw new AssertionError("no snapshot " + file + "; run with -Dsnapshots.update=true and review it");
            }
            assertThat(actual).as("snapshot %s (update with -Dsnapshots.update=true)", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
