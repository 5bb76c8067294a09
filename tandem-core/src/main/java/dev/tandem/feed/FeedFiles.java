package dev.tandem.feed;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Reading fetched feeds and local mirrors: the ecosystem list, a mirror's exports, KEV files or folders. */
public final class FeedFiles {

    private FeedFiles() {
    }

    /**
     * The ecosystems of an {@code ecosystems.txt}, one per line. A name with a release suffix
     * ({@code Debian:12}) is left out when its base is listed too: the base's export holds every release.
     */
    public static List<String> listedEcosystems(Path list) throws InputException {
        Set<String> listed = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#") && !name.contains("/") && !name.contains("\\")) {
                    listed.add(name);
                }
            }
        } catch (IOException e) {
            throw new InputException(list, InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        for (String name : listed) {
            int colon = name.indexOf(':');
            if (colon < 0 || !listed.contains(name.substring(0, colon))) {
                names.add(name);
            }
        }
        return names;
    }

    /** The ecosystems of a local mirror: its {@code ecosystems.txt}, else its folders, by name. */
    public static List<String> mirrorEcosystems(Path base) throws InputException {
        Path list = base.resolve("ecosystems.txt");
        if (Files.isRegularFile(list)) {
            return listedEcosystems(list);
        }
        try (Stream<Path> folders = Files.list(base)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new InputException(base, InputPosition.UNKNOWN, "cannot list the OSV mirror: " + e.getMessage(), e);
        }
    }

    /** A local mirror's export of one ecosystem: {@code <base>/<ecosystem>/all.zip}, else the folder of records. */
    public static Path mirrorExport(Path base, String ecosystem) throws InputException {
        Path folder = base.resolve(ecosystem);
        Path zip = folder.resolve("all.zip");
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        if (Files.isDirectory(folder)) {
            return folder;
        }
        throw new InputException(folder, InputPosition.UNKNOWN, "no OSV export for ecosystem " + ecosystem
                + " (expected " + zip + ", or a folder of OSV records)");
    }

    private static final java.util.regex.Pattern NVD_YEARLY = java.util.regex.Pattern.compile("nvdcve-2\\.0-(\\d{4})\\.json\\.gz");

    /**
     * The yearly feeds of a local NVD mirror: {@code <base>/nvdcve-2.0-<year>.json.gz} for the years
     * named (each required), or with none named every yearly feed in the folder, by year; empty when
     * the folder holds none (or {@code base} is a file), to be read as records as it is.
     */
    public static java.util.SortedMap<Integer, Path> nvdMirror(Path base, List<Integer> years) throws InputException {
        java.util.SortedMap<Integer, Path> feeds = new java.util.TreeMap<>();
        if (!years.isEmpty()) {
            for (int year : years) {
                Path file = base.resolve(NvdFeeds.feedName(year));
                if (!Files.isRegularFile(file)) {
                    throw new InputException(file, InputPosition.UNKNOWN, "no NVD feed for " + year + " in the mirror");
                }
                feeds.put(year, file);
            }
        } else if (Files.isDirectory(base)) {
            try (Stream<Path> listed = Files.list(base)) {
                for (Path file : listed.toList()) {
                    java.util.regex.Matcher yearly = NVD_YEARLY.matcher(file.getFileName().toString());
                    if (yearly.matches() && Files.isRegularFile(file)) {
                        feeds.put(Integer.parseInt(yearly.group(1)), file);
                    }
                }
            } catch (IOException e) {
                throw new InputException(base, InputPosition.UNKNOWN, "cannot list the NVD mirror: " + e.getMessage(), e);
            }
        }
        return feeds;
    }

    /** The {@code .meta} beside a mirror's yearly feed, or null when there is none. */
    public static FeedMeta nvdMeta(Path base, int year) throws InputException {
        Path meta = base.resolve(NvdFeeds.metaName(year));
        return Files.isRegularFile(meta) ? FeedMeta.read(meta.toString(), InputDocument.read(meta).content()) : null;
    }

    /** True when a fetched feed is a folder (a local mirror of several files). */
    public static boolean isFolder(Path path) {
        return Files.isDirectory(path);
    }

    /** The .json files directly in a folder, in name order, as documents. */
    public static List<InputDocument> jsonDocuments(Path folder) throws InputException {
        List<InputDocument> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList()) {
                documents.add(InputDocument.read(file));
            }
        } catch (IOException e) {
            throw new InputException(folder, InputPosition.UNKNOWN, "cannot list: " + e.getMessage(), e);
        }
        return documents;
    }
}
