package dev.tandem.catalog;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the knowledge base's files come from: the copy bundled in the jar, or a folder of the same
 * shape that a compliance reviewer edits ({@code --catalog DIR}) to try a correction without
 * rebuilding. Paths are relative to the catalog root and use {@code /} ({@code reporting/fields.yaml}).
 */
public sealed interface CatalogSource permits CatalogSource.Bundled, CatalogSource.Directory {

    /** The largest catalog file read; the biggest real one is under 200 KB. */
    long MAX_FILE_BYTES = 16L << 20;

    /** The file every catalog root holds: its version. */
    String VERSION_FILE = "catalog.yaml";

    /** The catalog shipped in the jar, under {@code catalog/} on the classpath. */
    static CatalogSource bundled() {
        return Bundled.INSTANCE;
    }

    /** A catalog folder given by the user; refused unless it is a folder holding {@value #VERSION_FILE}. */
    static CatalogSource directory(Path root) throws InputException {
        if (!Files.isDirectory(root)) {
            throw new InputException(root, InputPosition.UNKNOWN, Files.exists(root)
                    ? "is not a folder; a catalog is a folder shaped like the bundled catalog/"
                    : "no such catalog folder");
        }
        if (!Files.isRegularFile(root.resolve(VERSION_FILE))) {
            throw new InputException(root, InputPosition.UNKNOWN, "holds no " + VERSION_FILE
                    + "; a catalog folder is a copy of the bundled catalog/ (with its " + VERSION_FILE + ")");
        }
        return new Directory(root);
    }

    /** The bytes of one file. */
    byte[] read(String relativePath) throws InputException;

    /** Every file of the catalog, as sorted relative paths. */
    List<String> files() throws InputException;

    /** How errors and outputs name a file of this catalog ({@code catalog/reporting/fields.yaml}, or the real path). */
    String nameOf(String relativePath);

    /** "bundled", or the folder. */
    String describe();

    /** The bundled catalog. */
    final class Bundled implements CatalogSource {

        private static final Bundled INSTANCE = new Bundled();
        private static final String ROOT = "catalog/";

        private Bundled() {
        }

        @Override
        public byte[] read(String relativePath) throws InputException {
            try (InputStream in = Bundled.class.getClassLoader().getResourceAsStream(ROOT + relativePath)) {
                if (in == null) {
                    throw new InputException(nameOf(relativePath), InputPosition.UNKNOWN, "missing from the bundled catalog");
                }
                return in.readNBytes((int) MAX_FILE_BYTES);
            } catch (IOException e) {
                throw new InputException(nameOf(relativePath), InputPosition.UNKNOWN, "unreadable: " + e.getMessage(), e);
            }
        }

        @Override
        public List<String> files() throws InputException {
            URL marker = Bundled.class.getClassLoader().getResource(ROOT + VERSION_FILE);
            if (marker == null) {
                throw new InputException(nameOf(VERSION_FILE), InputPosition.UNKNOWN, "missing from the bundled catalog");
            }
            try {
                URI uri = marker.toURI();
                if ("jar".equals(uri.getScheme())) {
                    try (FileSystem jar = openJar(uri)) {
                        return Directory.list(jar.getPath("/" + ROOT));
                    }
                }
                return Directory.list(Path.of(uri).getParent());
            } catch (IOException | URISyntaxException e) {
                throw new InputException("catalog/", InputPosition.UNKNOWN, "cannot list the bundled catalog: " + e.getMessage(), e);
            }
        }

        private static FileSystem openJar(URI uri) throws IOException {
            try {
                return FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                // Another caller holds it open; a fresh one on the same jar file is independent.
                String spec = uri.getSchemeSpecificPart();
                return FileSystems.newFileSystem(Path.of(URI.create(spec.substring(0, spec.indexOf("!/")))));
            }
        }

        @Override
        public String nameOf(String relativePath) {
            return ROOT + relativePath;
        }

        @Override
        public String describe() {
            return "bundled";
        }

        @Override
        public String toString() {
            return "CatalogSource.bundled()";
        }
    }

    /** A catalog folder; no file outside it is ever read, whatever the catalog's own files name. */
    record Directory(Path root) implements CatalogSource {

        public Directory {
            root = root.toAbsolutePath().normalize();
        }

        @Override
        public byte[] read(String relativePath) throws InputException {
            Path file = root.resolve(relativePath).normalize();
            String name = nameOf(relativePath);
            if (!file.startsWith(root) || relativePath.contains("\\")) {
                throw new InputException(name, InputPosition.UNKNOWN, "lies outside the catalog folder " + root);
            }
            try {
                if (!file.toRealPath().startsWith(root.toRealPath())) {
                    throw new InputException(name, InputPosition.UNKNOWN, "is a link out of the catalog folder " + root);
                }
                if (Files.isDirectory(file)) {
                    throw new InputException(name, InputPosition.UNKNOWN, "is a directory, expected a catalog file");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                    if (bytes.length > MAX_FILE_BYTES) {
                        throw new InputException(name, InputPosition.UNKNOWN, "is over the limit of " + MAX_FILE_BYTES
                                + " bytes for a catalog file");
                    }
                    return bytes;
                }
            } catch (NoSuchFileException e) {
                throw new InputException(name, InputPosition.UNKNOWN, "missing from the catalog folder", e);
            } catch (IOException e) {
                throw new InputException(name, InputPosition.UNKNOWN, "unreadable: " + e.getMessage(), e);
            }
        }

        @Override
        public List<String> files() throws InputException {
            try {
                return list(root);
            } catch (IOException e) {
                throw new InputException(root, InputPosition.UNKNOWN, "cannot list the catalog folder: " + e.getMessage(), e);
            }
        }

        static List<String> list(Path root) throws IOException {
            List<String> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
            }
            files.sort(null);
            return files;
        }

        @Override
        public String nameOf(String relativePath) {
            return root.resolve(relativePath).toString();
        }

        @Override
        public String describe() {
            return root.toString();
        }
    }
}
