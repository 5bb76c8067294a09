package dev.tandem.usecase.scan;

import dev.tandem.feed.Feed;
import dev.tandem.feed.FeedFiles;
import dev.tandem.feed.FeedKind;
import dev.tandem.feed.FeedMeta;
import dev.tandem.feed.FeedSource;
import dev.tandem.feed.Fetched;
import dev.tandem.feed.NvdFeeds;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fetching the NVD's yearly CVE feeds for a refresh (docs/formats/feeds.md): per year the small
 * {@code .meta} first, then the {@code .json.gz}, checked against the meta's sizes and SHA-256. A
 * meta that changed means a new feed, so the feed is then asked for in full, never answered from a
 * 304; a feed that fails its meta is asked for once more after the meta is fetched again (the NVD
 * may have published both between the two requests).
 */
final class NvdFeedFetch {

    private NvdFeedFetch() {
    }

    /** The feeds' files (cached copies or local files), in year order; the metas are fetched but not returned. */
    static List<Fetched> fetch(DbUpdateUseCase.Step step, NvdFeeds nvd, Instant now, List<String> warnings)
            throws InputException {
        return switch (nvd.base()) {
            case FeedSource.Remote remote -> remote(step, remote, nvd, now, warnings);
            case FeedSource.Local local -> local(step, local.path(), nvd);
        };
    }

    private static List<Fetched> remote(DbUpdateUseCase.Step step, FeedSource.Remote base, NvdFeeds nvd, Instant now,
            List<String> warnings) throws InputException {
        List<Integer> years = nvd.all() ? allYears(now) : nvd.years();
        List<Fetched> feeds = new ArrayList<>();
        for (int year : years) {
            String name = "nvd/" + year;
            Feed feed = Feed.of(base.child(NvdFeeds.feedName(year)));
            Feed metaFeed = Feed.of(base.child(NvdFeeds.metaName(year)));
            String previousMeta = step.state.feeds().containsKey(name + ".meta") ? step.state.feeds().get(name + ".meta").sha256()
                    : null;
            Optional<Fetched> meta = step.fetchIfPresent(name + ".meta", metaFeed, FeedKind.NVD_META, "nvd-" + year + ".meta");
            if (meta.isEmpty()) {
                if (nvd.all() && year == now.atOffset(ZoneOffset.UTC).getYear()) {
                    warnings.add("the NVD has no feed for " + year + " yet (" + metaFeed.source().text() + " does not exist); skipped");
                    continue;
                }
                warnings.add(metaFeed.source().text() + " does not exist: the " + year + " feed is checked without it");
            }
            FeedMeta stated = meta.isPresent() ? read(meta.get()) : null;
            boolean metaChanged = meta.isPresent() && !meta.get().sha256().equals(previousMeta);
            String file = "nvd-" + year + ".json.gz";
            try {
                feeds.add(step.fetch(name, feed, file, stated, !metaChanged));
            } catch (InputException first) {
                if (stated == null) {
                    throw first;
                }
                // The meta and the feed may be from two different publications: fetch both again, once.
                Fetched again = step.fetch(name + ".meta", metaFeed, FeedKind.NVD_META, "nvd-" + year + ".meta");
                feeds.add(step.fetch(name, feed, file, read(again), false));
            }
        }
        return feeds;
    }

    /** Every yearly feed up to the refresh's own year (UTC). */
    private static List<Integer> allYears(Instant now) {
        List<Integer> years = new ArrayList<>();
        for (int year = NvdFeeds.FIRST_YEAR; year <= now.atOffset(ZoneOffset.UTC).getYear(); year++) {
            years.add(year);
        }
        return years;
    }

    /**
     * A local mirror: the years named ({@code <folder>/nvdcve-2.0-<year>.json.gz}), or with {@code all}
     * every yearly feed in the folder; a folder without yearly feeds, or a file, is read as records the
     * way {@code --nvd} reads them. A {@code .meta} beside a feed is checked.
     */
    private static List<Fetched> local(DbUpdateUseCase.Step step, Path base, NvdFeeds nvd) throws InputException {
        java.util.SortedMap<Integer, Path> files = FeedFiles.nvdMirror(base, nvd.years());
        if (files.isEmpty()) {
            return List.of(step.fetch("nvd", Feed.of(new FeedSource.Local(base)), FeedKind.NVD_GZ, "nvd"));
        }
        List<Fetched> feeds = new ArrayList<>();
        for (java.util.Map.Entry<Integer, Path> feed : files.entrySet()) {
            Path file = feed.getValue();
            feeds.add(step.fetch("nvd/" + feed.getKey(), Feed.of(new FeedSource.Local(file)), file.getFileName().toString(),
                    FeedFiles.nvdMeta(file.getParent() == null ? base : file.getParent(), feed.getKey()), true));
        }
        return feeds;
    }

    private static FeedMeta read(Fetched meta) throws InputException {
        return FeedMeta.read(meta.source(), InputDocument.read(meta.file()).content());
    }
}
