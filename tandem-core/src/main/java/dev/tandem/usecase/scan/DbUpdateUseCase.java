package dev.tandem.usecase.scan;

import dev.tandem.feed.Feed;
import dev.tandem.feed.FeedFetcher;
import dev.tandem.feed.FeedFiles;
import dev.tandem.feed.FeedKind;
import dev.tandem.feed.FeedSource;
import dev.tandem.feed.FeedState;
import dev.tandem.feed.FeedsFile;
import dev.tandem.feed.FeedsConfig;
import dev.tandem.feed.Fetched;
import dev.tandem.feed.OsvFeeds;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.usecase.TandemVersion;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Refreshes an advisory snapshot from its feeds (docs/commands/db.md, docs/formats/feeds.md): the
 * OSV exports of the ecosystems named (or of every ecosystem osv.dev lists), CISA KEV, EU KEV and
 * EPSS, each from a URL or a local path. Downloads go to a cache folder with their validators, so
 * the next refresh asks only for what changed; each cached file is replaced only once it is whole
 * and checked, and the cache remembers which contents the snapshot was built from, so a refresh in
 * which nothing changed says so and builds nothing. The new snapshot's bytes go back to the caller,
 * which replaces the old file only once the new one is written: a failed refresh leaves the
 * previous snapshot in place.
 */
public final class DbUpdateUseCase {

    private final String toolVersion;

    /** A refresh recording this build of Tandem in the snapshot. */
    public DbUpdateUseCase() {
        this(TandemVersion.current());
    }

    /** A refresh recording {@code toolVersion} in the snapshot (and sending it as the User-Agent's version). */
    public DbUpdateUseCase(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public DbUpdateResult run(DbUpdateRequest request) throws InputException {
        Path cache = request.cache();
        List<String> warnings = new ArrayList<>();
        FeedsConfig feeds = feeds(request);
        FeedState state = state(cache, warnings);
        List<Fetched> fetched = new ArrayList<>();
        List<Fetched> osv = new ArrayList<>();
        Fetched cisa = null;
        Fetched eu = null;
        Fetched epss = null;
        List<Fetched> nvd = new ArrayList<>();
        try (FeedFetcher fetcher = new FeedFetcher(request.fetch(), request.downloads())) {
            Step step = new Step(fetcher, cache, state, request);
            if (feeds.osv() != null) {
                osv.addAll(osvExports(step, feeds.osv(), warnings));
            }
            if (feeds.cisaKev() != null) {
                cisa = step.fetch("kev/cisa", feeds.cisaKev(), FeedKind.KEV, "kev-cisa.json");
            }
            if (feeds.euKev() != null) {
                eu = step.fetch("kev/eu", feeds.euKev(), FeedKind.KEV, "kev-eu.json");
            }
            if (feeds.epss() != null) {
                epss = step.fetch("epss", feeds.epss(), FeedKind.EPSS, "epss.csv.gz");
            }
            if (feeds.nvd() != null) {
                nvd.addAll(NvdFeedFetch.fetch(step, feeds.nvd(), request.now(), warnings));
            }
            state = step.state;
            fetched.addAll(step.all);
        }

        Map<String, String> contents = new LinkedHashMap<>();
        fetched.forEach(f -> contents.put(f.feed(), f.sha256()));
        OptionalInt current = Snapshot.storedChecksum(request.snapshot());
        if (!request.force() && state.built() != null && state.built().feeds().equals(contents) && current.isPresent()
                && current.getAsInt() == state.built().checksum()) {
            return new DbUpdateResult(request.snapshot().toString(), fetched, true, null, warnings);
        }

        List<Path> zips = osv.stream().map(Fetched::file).toList();
        List<KevInput> kev = new ArrayList<>();
        for (Fetched catalogue : java.util.Arrays.asList(cisa, eu)) {
            if (catalogue != null) {
                kev.add(kevInput(catalogue));
            }
        }
        InputDocument epssDocument = epss == null ? null : document(epss);
        DbBuildResult built;
        try {
            built = new DbBuildUseCase(toolVersion).build(new AdvisoryInput.Paths(zips, false, request.build()), kev,
                    epssDocument, nvd.isEmpty() ? CveInput.none()
                            : new CveInput.Paths(nvd.stream().map(Fetched::file).toList(), true, request.build()),
                    request.now(), osv.stream().map(Fetched::source).toList(), kev.stream().map(KevInput::source).toList(),
                    nvd.stream().map(Fetched::source).toList());
        } catch (InputException e) {
            // A cached download that does not parse must not be trusted again: the next refresh fetches it anew.
            forgetBroken(cache, state, fetched, e);
            for (Fetched feed : fetched) {
                if (madeBy(feed, e)) {
                    request.downloads().failed(feed.feed(), e);
                }
            }
            throw e;
        }
        byte[] header = new byte[24];
        built.snapshot().get(header);
        state = state.withBuilt(new FeedState.Built(Snapshot.storedChecksum(header), contents));
        save(cache, state);
        warnings.addAll(built.warnings());
        return new DbUpdateResult(request.snapshot().toString(), fetched, false, built, warnings);
    }

    /** The feeds of the request: its feeds file, else its configuration, else the defaults; ecosystems as asked. */
    private static FeedsConfig feeds(DbUpdateRequest request) throws InputException {
        FeedsConfig feeds = request.feedsFile() != null ? FeedsFile.read(request.feedsFile(), request.feedsFolder())
                : request.feeds() != null ? request.feeds() : FeedsConfig.defaults();
        if (request.ecosystems().isEmpty()) {
            return feeds;
        }
        if (feeds.osv() == null) {
            throw new InputException(request.feedsFile() == null ? "feeds" : request.feedsFile().source(),
                    InputPosition.UNKNOWN, "no OSV feed is configured, so no OSV ecosystems can be chosen");
        }
        for (String ecosystem : request.ecosystems()) {
            if (ecosystem.isBlank() || ecosystem.contains("/") || ecosystem.contains("\\") || ecosystem.startsWith(".")) {
                throw new InputException("ecosystems", InputPosition.UNKNOWN, "'" + ecosystem + "' is not an OSV ecosystem name");
            }
        }
        return feeds.withEcosystems(request.ecosystems().stream().map(String::strip).distinct().toList());
    }

    /** The exports of the ecosystems named, or of every ecosystem the base lists. */
    private static List<Fetched> osvExports(Step step, OsvFeeds osv, List<String> warnings) throws InputException {
        List<String> ecosystems = osv.ecosystems();
        boolean all = osv.all();
        if (all) {
            ecosystems = listedEcosystems(step, osv.base());
        }
        List<Fetched> exports = new ArrayList<>();
        for (String ecosystem : ecosystems) {
            String name = "osv/" + ecosystem;
            String file = "osv-" + URLEncoder.encode(ecosystem, StandardCharsets.UTF_8) + ".zip";
            switch (osv.base()) {
                case FeedSource.Remote remote -> {
                    Feed export = Feed.of(remote.child(ecosystem).child("all.zip"));
                    if (all) {
                        java.util.Optional<Fetched> present = step.fetchIfPresent(name, export, file);
                        if (present.isEmpty()) {
                            warnings.add("the OSV ecosystem list names " + ecosystem + " but " + export.source().text()
                                    + " does not exist; skipped");
                        }
                        present.ifPresent(exports::add);
                    } else {
                        exports.add(step.fetch(name, export, FeedKind.OSV_ZIP, file));
                    }
                }
                case FeedSource.Local local -> exports.add(step.fetch(name,
                        Feed.of(new FeedSource.Local(FeedFiles.mirrorExport(local.path(), ecosystem))), FeedKind.OSV_ZIP, file));
            }
        }
        return exports;
    }

    /** The ecosystems of {@code ecosystems.txt} (a local mirror without one: its folders). */
    private static List<String> listedEcosystems(Step step, FeedSource base) throws InputException {
        return switch (base) {
            case FeedSource.Remote remote -> FeedFiles.listedEcosystems(step.fetch("osv/ecosystems.txt",
                    Feed.of(remote.child("ecosystems.txt")), FeedKind.ECOSYSTEM_LIST, "osv-ecosystems.txt").file());
            case FeedSource.Local local -> FeedFiles.mirrorEcosystems(local.path());
        };
    }

    /** Fetching one feed after another, remembering each download in the cache state as soon as it is whole. */
    static final class Step {
        final FeedFetcher fetcher;
        final Path cache;
        final DbUpdateRequest request;
        final List<Fetched> all = new ArrayList<>();
        FeedState state;

        Step(FeedFetcher fetcher, Path cache, FeedState state, DbUpdateRequest request) {
            this.fetcher = fetcher;
            this.cache = cache;
            this.state = state;
            this.request = request;
        }

        Fetched fetch(String name, Feed feed, FeedKind kind, String file) throws InputException {
            try {
                return remember(fetcher.fetch(name, feed, kind, cache.resolve(file), state.feeds().get(name)), file);
            } catch (InputException e) {
                request.downloads().failed(name, e);
                throw e;
            }
        }

        /** One NVD feed checked against its meta; {@code conditional} false asks for the whole body again. */
        Fetched fetch(String name, Feed feed, String file, dev.tandem.feed.FeedMeta meta, boolean conditional)
                throws InputException {
            try {
                return remember(fetcher.fetch(name, feed, FeedKind.NVD_GZ, cache.resolve(file),
                        conditional ? state.feeds().get(name) : null, meta), file);
            } catch (InputException e) {
                request.downloads().failed(name, e);
                throw e;
            }
        }

        java.util.Optional<Fetched> fetchIfPresent(String name, Feed feed, String file) throws InputException {
            return fetchIfPresent(name, feed, FeedKind.OSV_ZIP, file);
        }

        java.util.Optional<Fetched> fetchIfPresent(String name, Feed feed, FeedKind kind, String file) throws InputException {
            java.util.Optional<Fetched> fetched;
            try {
                fetched = fetcher.fetchIfPresent(name, feed, kind, cache.resolve(file), state.feeds().get(name));
            } catch (InputException e) {
                request.downloads().failed(name, e);
                throw e;
            }
            if (fetched.isPresent()) {
                remember(fetched.get(), file);
            }
            return fetched;
        }

        private Fetched remember(Fetched fetched, String file) throws InputException {
            all.add(fetched);
            if (fetched.status() != Fetched.Status.LOCAL) {
                state = state.with(fetched.feed(), new FeedState.Entry(fetched.source(), file, fetched.etag(),
                        fetched.lastModified(), fetched.sha256(), fetched.size(), request.now().toString()));
                save(cache, state);
            }
            return fetched;
        }
    }

    private static FeedState state(Path cache, List<String> warnings) {
        try {
            return FeedState.load(cache);
        } catch (InputException e) {
            // The cache is only a cache: an unreadable state costs a full download, not the refresh.
            warnings.add("the feed cache state could not be read (" + e.getMessage() + "); every feed is fetched anew");
            return FeedState.EMPTY;
        }
    }

    private static void save(Path cache, FeedState state) throws InputException {
        try {
            state.save(cache);
        } catch (IOException e) {
            throw new InputException(cache.resolve(FeedState.FILE), InputPosition.UNKNOWN, "cannot write: " + e.getMessage(), e);
        }
    }

    private static void forgetBroken(Path cache, FeedState state, List<Fetched> fetched, InputException error) {
        FeedState next = state;
        for (Fetched feed : fetched) {
            if (feed.status() != Fetched.Status.LOCAL && madeBy(feed, error)) {
                next = next.without(feed.feed());
            }
        }
        try {
            next.save(cache);
        } catch (IOException e) {
            // The refresh fails anyway; the error that matters is the one being thrown.
        }
    }

    /** Whether the error is about this feed's content: its source names the feed's file or URL. */
    private static boolean madeBy(Fetched feed, InputException error) {
        return error.source().startsWith(feed.file().toString()) || error.source().startsWith(feed.source());
    }

    /** A cached or local KEV catalogue (or a folder of them), named by its URL or path. */
    private static KevInput kevInput(Fetched catalogue) throws InputException {
        if (FeedFiles.isFolder(catalogue.file())) {
            return KevInput.folder(catalogue.source(), FeedFiles.jsonDocuments(catalogue.file()));
        }
        return KevInput.of(document(catalogue));
    }

    /** A fetched file as a document named by its URL (or local path), so errors and provenance name the feed. */
    private static InputDocument document(Fetched fetched) throws InputException {
        InputDocument read = InputDocument.read(fetched.file());
        return new InputDocument(fetched.source(), read.content());
    }
}
