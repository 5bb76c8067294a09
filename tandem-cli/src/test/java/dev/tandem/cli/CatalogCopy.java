package dev.tandem.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the bundled catalog folder in a test's temporary folder, for runs with {@code --catalog DIR}. */
public final class CatalogCopy {

    /** The catalog folder of the source tree, relative to a module. */
    public static final Path BUNDLED = Path.of("../catalog");

    private CatalogCopy() {
    }

    /** Copies the whole catalog to {@code target} and returns it. */
    public static Path into(Path target) {
        try (Stream<Path> files = Files.walk(BUNDLED)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(BUNDLED.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code from} in {@code relativePath} of the catalog: the reviewed edit. */
    public static void edit(Path catalog, String relativePath, String from, String to) {
        Path file = catalog.resolve(relativePath);
        try {
            String text = Files.readString(file);
            if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
                throw new IllegalArgumentException(relativePath + " does not hold exactly one '" + from + "'");
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
