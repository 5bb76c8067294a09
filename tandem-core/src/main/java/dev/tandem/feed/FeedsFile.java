package dev.tandem.feed;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.YamlNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a feeds file ({@code tandem-feeds.yaml}, docs/formats/feeds.md): which feeds a refresh
 * fetches and where from. A feed left out is not fetched; {@code default} stands for the
 * publisher's location; relative paths are relative to the file's folder. Unknown keys, keys given
 * twice and values of the wrong shape are errors naming the file, line and column.
 */
public final class FeedsFile {

    private static final Set<String> TOP = Set.of("osv", "kev", "epss", "nvd");

    private FeedsFile() {
    }

    /**
     * The feeds of one file.
     *
     * @param folder the folder relative paths are resolved against (the file's own folder), or null
     */
    public static FeedsConfig read(InputDocument document, Path folder) throws InputException {
        String source = document.source();
        if (!(YamlNode.parse(document) instanceof YamlNode.Mapping root)) {
            throw new InputException(source, InputPosition.at(1, 1), "a feeds file is a mapping with the keys osv, kev and epss");
        }
        OsvFeeds osv = null;
        Feed cisa = null;
        Feed eu = null;
        Feed epss = null;
        NvdFeeds nvd = null;
        for (YamlNode.Entry entry : root.entries()) {
            switch (entry.key()) {
                case "osv" -> osv = osv(source, entry.value(), folder);
                case "kev" -> {
                    YamlNode.Mapping kev = mapping(source, entry, "cisa and eu");
                    for (YamlNode.Entry catalogue : kev.entries()) {
                        switch (catalogue.key()) {
                            case "cisa" -> cisa = feed(source, catalogue, folder, FeedsConfig.CISA_KEV);
                            case "eu" -> eu = feed(source, catalogue, folder, FeedsConfig.EU_KEV);
                            default -> throw unknown(source, catalogue, "cisa and eu");
                        }
                    }
                }
                case "epss" -> epss = feed(source, entry, folder, FeedsConfig.EPSS);
                case "nvd" -> nvd = nvd(source, entry.value(), folder);
                default -> throw unknown(source, entry, String.join(", ", TOP.stream().sorted().toList()));
            }
        }
        if (osv == null && cisa == null && eu == null && epss == null && nvd == null) {
            throw new InputException(source, InputPosition.at(1, 1), "the feeds file names no feed (osv, kev, epss, nvd)");
        }
        return new FeedsConfig(osv, cisa, eu, epss, nvd);
    }

    /** The NVD feeds: a location, or a mapping with url or path and years (a list, or all). */
    private static NvdFeeds nvd(String source, YamlNode node, Path folder) throws InputException {
        Located<Integer> located = located(source, "nvd", node, folder, FeedsConfig.NVD, "years", FeedsFile::years);
        return new NvdFeeds(located.base(), located.list());
    }

    /** What a feed entry names: where (its default URL unless url or path is given) and its list (empty: all). */
    private record Located<T>(FeedSource base, List<T> list) {
    }

    /** Reads the list of a feed entry (years, ecosystems). */
    private interface ListReader<T> {
        List<T> read(String source, YamlNode node) throws InputException;
    }

    /** A feed entry: a location, or a mapping with url or path and the list named {@code listKey}. */
    private static <T> Located<T> located(String source, String feed, YamlNode node, Path folder, URI defaultUrl,
            String listKey, ListReader<T> reader) throws InputException {
        if (node instanceof YamlNode.Scalar scalar) {
            return new Located<>(location(source, scalar, folder, defaultUrl), List.of());
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw new InputException(source, node.position(),
                    "'" + feed + "' is a location or a mapping with url or path and " + listKey);
        }
        FeedSource base = new FeedSource.Remote(defaultUrl);
        boolean located = false;
        List<T> list = List.of();
        for (YamlNode.Entry entry : mapping.entries()) {
            if (entry.key().equals("url") || entry.key().equals("path")) {
                if (located) {
                    throw new InputException(source, entry.keyPosition(), "give url or path, not both");
                }
                located = true;
                base = location(source, scalar(source, entry), folder, defaultUrl);
                checkKind(source, entry, base);
            } else if (entry.key().equals(listKey)) {
                list = reader.read(source, entry.value());
            } else {
                throw unknown(source, entry, "url, path and " + listKey);
            }
        }
        return new Located<>(base, list);
    }

    private static List<Integer> years(String source, YamlNode node) throws InputException {
        if (node instanceof YamlNode.Scalar scalar && scalar.text().strip().equalsIgnoreCase("all")) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence list)) {
            throw new InputException(source, node.position(), "'years' is a list of years such as [2024, 2025], or all");
        }
        List<Integer> years = new ArrayList<>();
        for (YamlNode item : list.items()) {
            String text = item instanceof YamlNode.Scalar scalar ? scalar.text().strip() : "";
            if (!text.matches("\\d{4}") || Integer.parseInt(text) < NvdFeeds.FIRST_YEAR) {
                throw new InputException(source, item.position(), "a year of the NVD feeds is " + NvdFeeds.FIRST_YEAR
                        + " or later (the " + NvdFeeds.FIRST_YEAR + " feed holds the older records too), found "
                        + (text.isEmpty() ? YamlNode.describe(item) : "'" + text + "'"));
            }
            int year = Integer.parseInt(text);
            if (years.contains(year)) {
                throw new InputException(source, item.position(), "the year " + year + " is listed twice");
            }
            years.add(year);
        }
        if (years.isEmpty()) {
            throw new InputException(source, node.position(), "'years' is empty: list some, or write all");
        }
        return years;
    }

    private static OsvFeeds osv(String source, YamlNode node, Path folder) throws InputException {
        Located<String> located = located(source, "osv", node, folder, FeedsConfig.OSV, "ecosystems", FeedsFile::ecosystems);
        return new OsvFeeds(located.base(), located.list());
    }

    private static List<String> ecosystems(String source, YamlNode node) throws InputException {
        if (node instanceof YamlNode.Scalar scalar && scalar.text().strip().equalsIgnoreCase("all")) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence list)) {
            throw new InputException(source, node.position(), "'ecosystems' is a list of OSV ecosystem names, or all");
        }
        List<String> names = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlNode.Scalar name) || name.isEmpty()) {
                throw new InputException(source, item.position(), "an ecosystem is a name such as Go, npm or PyPI, found "
                        + YamlNode.describe(item));
            }
            String text = name.text().strip();
            if (text.contains("/") || text.contains("\\") || text.equals(".") || text.equals("..")) {
                throw new InputException(source, item.position(), "'" + text + "' is not an OSV ecosystem name");
            }
            if (names.contains(text)) {
                throw new InputException(source, item.position(), "the ecosystem " + text + " is listed twice");
            }
            names.add(text);
        }
        if (names.isEmpty()) {
            throw new InputException(source, node.position(), "'ecosystems' is empty: list some, or write all");
        }
        return names;
    }

    /** A feed: a location, {@code default}, or a mapping with url or path and an optional sha256. */
    private static Feed feed(String source, YamlNode.Entry entry, Path folder, URI publisher) throws InputException {
        YamlNode node = entry.value();
        if (node instanceof YamlNode.Scalar scalar) {
            return Feed.of(location(source, scalar, folder, publisher));
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw new InputException(source, node.position(), "'" + entry.key() + "' is a URL, a path, default, or a "
                    + "mapping with url or path and sha256");
        }
        FeedSource where = null;
        String sha256 = null;
        InputPosition shaAt = null;
        for (YamlNode.Entry field : mapping.entries()) {
            switch (field.key()) {
                case "url", "path" -> {
                    if (where != null) {
                        throw new InputException(source, field.keyPosition(), "give url or path, not both");
                    }
                    where = location(source, scalar(source, field), folder, publisher);
                    checkKind(source, field, where);
                }
                case "sha256" -> {
                    sha256 = scalar(source, field).text();
                    shaAt = field.value().position();
                }
                default -> throw unknown(source, field, "url, path and sha256");
            }
        }
        if (where == null) {
            where = new FeedSource.Remote(publisher);
        }
        try {
            return new Feed(where, sha256);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, shaAt, "'sha256' must be 64 hexadecimal digits");
        }
    }

    private static FeedSource location(String source, YamlNode.Scalar scalar, Path folder, URI publisher)
            throws InputException {
        if (scalar.isEmpty()) {
            throw new InputException(source, scalar.position(), "a feed location is a URL, a path or default; "
                    + "leave the feed out to skip it");
        }
        if (scalar.text().strip().equals("default")) {
            return new FeedSource.Remote(publisher);
        }
        try {
            return FeedSource.parse(scalar.text(), folder);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, scalar.position(), e.getMessage());
        }
    }

    /** {@code url} must be a URL (or default), {@code path} a local path: a mix-up is said, not guessed. */
    private static void checkKind(String source, YamlNode.Entry entry, FeedSource where) throws InputException {
        boolean remote = where instanceof FeedSource.Remote;
        if (entry.key().equals("url") != remote) {
            throw new InputException(source, entry.value().position(), entry.key().equals("url")
                    ? "'url' is an http(s) URL; write a local file or folder as 'path'"
                    : "'path' is a local file or folder; write a URL as 'url'");
        }
    }

    private static YamlNode.Scalar scalar(String source, YamlNode.Entry entry) throws InputException {
        if (!(entry.value() instanceof YamlNode.Scalar scalar)) {
            throw new InputException(source, entry.value().position(), "'" + entry.key() + "' is a single value, found "
                    + YamlNode.describe(entry.value()));
        }
        return scalar;
    }

    private static YamlNode.Mapping mapping(String source, YamlNode.Entry entry, String keys) throws InputException {
        if (!(entry.value() instanceof YamlNode.Mapping mapping)) {
            throw new InputException(source, entry.value().position(), "'" + entry.key() + "' is a mapping with the keys "
                    + keys + ", found " + YamlNode.describe(entry.value()));
        }
        return mapping;
    }

    private static InputException unknown(String source, YamlNode.Entry entry, String known) {
        return new InputException(source, entry.keyPosition(), "unknown key '" + entry.key() + "': use " + known);
    }
}
