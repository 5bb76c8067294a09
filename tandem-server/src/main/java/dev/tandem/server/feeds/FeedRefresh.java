package dev.tandem.server.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.feed.FeedsConfig;
import dev.tandem.feed.FetchSettings;
import dev.tandem.feed.Fetched;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.server.auth.Authenticator;
import dev.tandem.server.monitor.Cause;
import dev.tandem.server.portfolio.SnapshotSwap;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.FeedRefreshes;
import dev.tandem.server.store.Organisations;
import dev.tandem.server.store.Snapshots;
import dev.tandem.server.store.Tenant;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.usecase.TandemVersion;
import dev.tandem.usecase.scan.DbUpdateRequest;
import dev.tandem.usecase.scan.DbUpdateResult;
import dev.tandem.usecase.scan.DbUpdateUseCase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One refresh of the advisory snapshot from the feeds, in the server: the same use case as
 * {@code tandem db update} (conditional requests, retries with backoff, checksums, the cache of
 * downloads under {@code DATA/feeds/}), then the snapshot swap, whose transaction re-scans every
 * release and records each change with this refresh as its cause (the feeds whose content changed).
 * A PostgreSQL advisory lock keeps two refreshes from running at once on any instances; until the
 * swap commits, every scan keeps the previous snapshot.
 */
public final class FeedRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRefresh.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The advisory lock's key: "tandem feeds" in ASCII, any fixed number would do. */
    private static final long LOCK = 0x74616e64656d66L;

    /** What a refresh did. */
    public record Outcome(long id, String outcome, List<String> changedFeeds, String snapshot, int releasesRescanned,
            String error) {
    }

    private final Database database;
    private final Clock clock;
    private final SnapshotSwap swap;
    private final Path folder;
    private final Path feedsFile;
    private final boolean publishers;
    private final String instance;
    private final FetchSettings fetch;

    public FeedRefresh(Database database, Clock clock, SnapshotSwap swap, Path folder, Path feedsFile, boolean publishers,
            String instance, FetchSettings fetch) {
        this.database = database;
        this.clock = clock;
        this.swap = swap;
        this.folder = folder;
        this.feedsFile = feedsFile;
        this.publishers = publishers;
        this.instance = instance;
        this.fetch = fetch;
    }

    /** The fetch settings a server uses: the CLI's defaults, its User-Agent. */
    public static FetchSettings settings() {
        return FetchSettings.defaults("tandem-server/" + TandemVersion.current());
    }

    public boolean configured() {
        return feedsFile != null || publishers;
    }

    /**
     * Runs one refresh. A scheduled one is skipped while another runs somewhere; one asked for on
     * demand waits for it, then fetches (the feeds may have changed since it started).
     */
    public Outcome run(String trigger) {
        if (!configured()) {
            return new Outcome(0, "skipped", List.of(), null, 0, "no feeds are configured (serve --feeds)");
        }
        try (Connection lock = database.dataSource().getConnection()) {
            if (trigger.equals("on demand")) {
                lock(lock);
            } else if (!tryLock(lock)) {
                LOG.info("feed refresh ({}): another refresh is running; skipped", trigger);
                return new Outcome(0, "skipped", List.of(), null, 0, "another refresh is running");
            }
            try {
                return refresh(trigger);
            } finally {
                unlock(lock);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the feed refresh lock is unavailable: " + e.getMessage(), e);
        }
    }

    private Outcome refresh(String trigger) {
        Instant started = clock.instant();
        long id = database.transaction(h -> {
            FeedRefreshes refreshes = new FeedRefreshes(h);
            refreshes.interrupted(started); // holding the lock proves no other refresh runs
            return refreshes.start(trigger, instance, started);
        });
        Map<String, String> previous = new HashMap<>();
        String lastBuilt = lastContents(previous);
        // The use case names the feed that failed: its download (HTTP error, retries exhausted, checksum or length
        // mismatch) or the reading of its content (malformed JSON, CSV or zip), so a run of failures can say which
        // feed keeps failing (docs/monitoring.md, stale advisories).
        Map<String, String> failed = new LinkedHashMap<>();
        dev.tandem.feed.FeedListener ended = new dev.tandem.feed.FeedListener() {
            @Override
            public void failed(String feed, InputException error) {
                failed.putIfAbsent(feed, error.source());
            }
        };
        try {
            Files.createDirectories(folder);
            Path snapshotFile = folder.resolve("snapshot.tdb");
            String current = database.read(h -> new Snapshots(h).current(false)).map(Snapshots.StoredSnapshot::sha256)
                    .orElse(null);
            // The cache's "nothing changed" holds only when the database still uses what this instance built.
            boolean force = current == null || !Files.exists(snapshotFile) || !current.equals(sha256(snapshotFile));
            InputDocument file = feedsFile == null ? null : InputDocument.read(feedsFile);
            DbUpdateResult result = new DbUpdateUseCase().run(new DbUpdateRequest(file == null ? FeedsConfig.defaults() : null,
                    file, feedsFile == null ? null : feedsFile.toAbsolutePath().getParent(), List.of(), snapshotFile,
                    folder.resolve("cache"), force, clock.instant(), fetch, ended, null));
            List<String> changed = new ArrayList<>();
            ArrayNode feeds = JSON.createArrayNode();
            for (Fetched fetched : result.feeds()) {
                ObjectNode feed = feeds.addObject();
                feed.put("feed", fetched.feed());
                feed.put("source", fetched.source());
                feed.put("status", fetched.status().label());
                feed.put("sha256", fetched.sha256());
                feed.put("size", fetched.size());
                if (!fetched.sha256().equals(previous.get(fetched.feed()))) {
                    changed.add(fetched.feed());
                }
            }
            if (result.upToDate()) {
                finish(id, "unchanged", feeds, current, null);
                return new Outcome(id, "unchanged", List.of(), current, 0, null);
            }
            byte[] bytes = bytes(result.build().snapshot());
            Snapshot snapshot = Snapshot.of("feed refresh " + id, bytes);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("refresh", id);
            details.put("changedFeeds", String.join(",", changed));
            // Only KEV and EPSS changed (and the snapshot replaced is the one built from the same other feeds):
            // the swap re-scans only the releases those entries touch.
            boolean advisoriesUnchanged = lastBuilt != null && lastBuilt.equals(current) && !previous.isEmpty()
                    && changed.stream().allMatch(f -> f.startsWith("kev/") || f.equals("epss"));
            details.put("advisoriesUnchanged", advisoriesUnchanged);
            SnapshotSwap.Swap done = swap.apply(operator(), snapshot, bytes,
                    new Cause("feed.refresh", changed, "system:feeds"), details, advisoriesUnchanged);
            write(snapshotFile, bytes);
            finish(id, done.changed() ? "changed" : "unchanged", feeds, done.sha256(), null);
            LOG.info("feed refresh {} ({}): snapshot {} ({} releases re-scanned; feeds changed: {})", id, trigger,
                    done.sha256().substring(0, 12), done.releasesRescanned(), changed);
            return new Outcome(id, done.changed() ? "changed" : "unchanged", changed, done.sha256(),
                    done.releasesRescanned(), null);
        } catch (InputException | IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("feed refresh {} ({}) failed; the previous snapshot stays in use: {}", id, trigger, message);
            ArrayNode feeds = JSON.createArrayNode();
            for (Map.Entry<String, String> failure : failed.entrySet()) {
                ObjectNode feed = feeds.addObject();
                feed.put("feed", failure.getKey());
                feed.put("source", failure.getValue());
                feed.put("status", "failed");
            }
            finish(id, "failed", feeds, null, message);
            return new Outcome(id, "failed", List.of(), null, 0, message);
        }
    }

    /**
     * Puts each feed's content digest as of the last refresh that got as far as fetching into
     * {@code contents}; returns the snapshot that refresh left current (null when none), so that a
     * snapshot replaced by hand since is not taken for one built from those feeds.
     */
    private String lastContents(Map<String, String> contents) {
        java.util.Optional<FeedRefreshes.Refresh> last = database.read(h -> new FeedRefreshes(h).list(20)).stream()
                .filter(r -> r.outcome().equals("changed") || r.outcome().equals("unchanged")).findFirst();
        last.ifPresent(r -> {
                    try {
                        for (JsonNode feed : JSON.readTree(r.feeds())) {
                            contents.put(feed.path("feed").asText(), feed.path("sha256").asText());
                        }
                    } catch (IOException e) {
                        // an unreadable log entry: every feed counts as changed
                    }
                });
        return last.map(FeedRefreshes.Refresh::snapshot).orElse(null);
    }

    private void finish(long id, String outcome, ArrayNode feeds, String snapshot, String error) {
        Instant at = clock.instant();
        database.transaction(h -> {
            new FeedRefreshes(h).finish(id, at, outcome, feeds.toString(), snapshot, error);
            return null;
        });
    }

    private Tenant operator() {
        return database.read(h -> new Organisations(h).find(Authenticator.OPERATOR_ORGANISATION))
                .orElseThrow(() -> new IllegalStateException("the organisation 'default' is missing"));
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_lock(?)")) {
            s.setLong(1, LOCK);
            s.execute();
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?)")) {
            s.setLong(1, LOCK);
            s.execute();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        copy.rewind();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, bytes);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
