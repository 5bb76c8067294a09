package dev.tandem.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.usecase.scan.DbUpdateRequest;
import dev.tandem.usecase.scan.DbUpdateResult;
import dev.tandem.usecase.scan.DbUpdateUseCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DbUpdateUseCase} against feeds served on loopback: the first refresh downloads and builds,
 * the next asks conditionally and builds nothing, a changed feed rebuilds, a broken feed fails
 * without touching what was there. (Lives beside the fetcher's tests to share the test server.)
 */
class DbUpdateTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Path EXAMPLES = Path.of("../examples");
    private static final FetchSettings FETCH = new FetchSettings(2, java.time.Duration.ofMillis(10),
            java.time.Duration.ofMillis(50), java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5), 64 << 20, "tandem-test");

    @TempDir
    Path dir;
    private FeedServer server;

    static byte[] zipOf(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                ZipEntry entry = new ZipEntry(file.getFileName().toString());
                // A fixed time: the same folder zips to the same bytes whenever the test runs (the cache compares hashes).
                entry.setTime(0L);
                zip.putNextEntry(entry);
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static final String EPSS = """
            #model_version:v2025.03.14,score_date:2026-12-05T00:00:00Z
            cve,epss,percentile
            CVE-2023-4863,0.93580,0.99822
            CVE-2020-26160,0.00301,0.70566
            """;

    @BeforeEach
    void serve() throws IOException {
        server = new FeedServer();
        server.serve("/osv/ecosystems.txt", "Go\ncrates.io\nDebian\nDebian:12\nAlpine:v3.18\n".getBytes(StandardCharsets.UTF_8));
        server.serve("/osv/Go/all.zip", zipOf(EXAMPLES.resolve("advisories/go")));
        server.serve("/osv/crates.io/all.zip", zipOf(EXAMPLES.resolve("advisories/crates.io")));
        server.serve("/osv/Debian/all.zip", FeedFetcherTest.zip("README", "no records"));
        server.serve("/kev/cisa.json", Files.readAllBytes(EXAMPLES.resolve("kev/cisa-known-exploited-vulnerabilities.json")));
        server.serve("/kev/eu.json", Files.readAllBytes(EXAMPLES.resolve("kev/eu-kev.json")));
        server.serve("/epss.csv.gz", gzip(EPSS));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedsConfig feeds() {
        return new FeedsConfig(new OsvFeeds(new FeedSource.Remote(server.uri("/osv/")), List.of()),
                Feed.of(new FeedSource.Remote(server.uri("/kev/cisa.json"))), Feed.of(new FeedSource.Remote(server.uri("/kev/eu.json"))),
                Feed.of(new FeedSource.Remote(server.uri("/epss.csv.gz"))));
    }

    private DbUpdateResult update(FeedsConfig feeds, boolean force) throws InputException, IOException {
        Path snapshot = dir.resolve("advisories.tdb");
        DbUpdateResult result = new DbUpdateUseCase("test").run(DbUpdateRequest.of(feeds, snapshot,
                dir.resolve("advisories.tdb.cache"), force, NOW, FETCH));
        if (!result.upToDate()) {
            byte[] bytes = new byte[(int) result.build().size()];
            result.build().snapshot().get(bytes);
            Files.write(snapshot, bytes); // what the front end does, atomically
        }
        return result;
    }

    @Test
    void aRefreshDownloadsBuildsAndTheNextOneAsksOnlyWhatChanged() throws Exception {
        DbUpdateResult first = update(feeds(), false);
        assertThat(first.upToDate()).isFalse();
        assertThat(first.feeds()).extracting(Fetched::feed).containsExactly("osv/ecosystems.txt", "osv/Go", "osv/crates.io",
                "osv/Debian", "kev/cisa", "kev/eu", "epss");
        assertThat(first.warnings()).contains("the OSV ecosystem list names Alpine:v3.18 but "
                + server.uri("/osv/Alpine%3Av3.18/all.zip") + " does not exist; skipped");
        assertThat(first.feeds()).allMatch(f -> f.status() == Fetched.Status.DOWNLOADED);
        Snapshot snapshot = Snapshot.load(dir.resolve("advisories.tdb"));
        assertThat(snapshot.info().stats().advisories()).isEqualTo(104);
        assertThat(snapshot.info().provenance().advisorySources()).contains(server.uri("/osv/Go/all.zip").toString());
        assertThat(snapshot.info().provenance().kevSources()).containsExactly(server.uri("/kev/cisa.json").toString(),
                server.uri("/kev/eu.json").toString());
        assertThat(snapshot.epss().orElseThrow().lookup("CVE-2023-4863").orElseThrow().score()).isEqualTo(0.9358);
        assertThat(snapshot.info().provenance().builtAt()).isEqualTo(NOW);

        DbUpdateResult second = update(feeds(), false);
        assertThat(second.upToDate()).isTrue();
        assertThat(second.feeds()).allMatch(f -> f.status() == Fetched.Status.NOT_MODIFIED);
        assertThat(server.requestsFor("/osv/Go/all.zip")).last().satisfies(r -> assertThat(r.ifNoneMatch()).isNotNull());

        // A fresher KEV: downloaded, and the snapshot rebuilt with it.
        server.serve("/kev/cisa.json", FeedFetcherTest.KEV);
        DbUpdateResult third = update(feeds(), false);
        assertThat(third.upToDate()).isFalse();
        assertThat(third.feeds()).filteredOn(f -> f.status() == Fetched.Status.DOWNLOADED).extracting(Fetched::feed)
                .containsExactly("kev/cisa");
        assertThat(Snapshot.load(dir.resolve("advisories.tdb")).kevEntries()).hasSize(1 + 43);

        // Force rebuilds though nothing changed; a snapshot replaced by hand is noticed and rebuilt.
        assertThat(update(feeds(), true).upToDate()).isFalse();
        Files.write(dir.resolve("advisories.tdb"), new byte[] {1, 2, 3});
        assertThat(update(feeds(), false).upToDate()).isFalse();
    }

    @Test
    void namedEcosystemsOnlyAndAMissingOneIsAnError() throws Exception {
        FeedsConfig go = feeds().withEcosystems(List.of("Go"));
        DbUpdateResult result = update(go, false);
        assertThat(result.feeds()).extracting(Fetched::feed).containsExactly("osv/Go", "kev/cisa", "kev/eu", "epss");
        assertThat(server.requestsFor("/osv/ecosystems.txt")).isEmpty();
        assertThatThrownBy(() -> update(feeds().withEcosystems(List.of("npmm")), false))
                .hasMessage(server.uri("/osv/npmm/all.zip") + ": HTTP 404 (not found)");
    }

    @Test
    void aFeedThatBreaksTheBuildIsFetchedAnewNextTime() throws Exception {
        update(feeds(), false);
        byte[] before = Files.readAllBytes(dir.resolve("advisories.tdb"));
        // A valid zip whose record is not OSV: it passes the transfer checks, and the build refuses it.
        server.serve("/osv/Go/all.zip", FeedFetcherTest.zip("GO-BROKEN.json", "{\"id\": \"GO-BROKEN\", \"modified\": "));
        assertThatThrownBy(() -> update(feeds(), false)).isInstanceOf(InputException.class).hasMessageContaining("GO-BROKEN.json");
        assertThat(Files.readAllBytes(dir.resolve("advisories.tdb"))).as("the previous snapshot stays").isEqualTo(before);
        FeedState state = FeedState.load(dir.resolve("advisories.tdb.cache"));
        assertThat(state.feeds()).doesNotContainKey("osv/Go");
        server.serve("/osv/Go/all.zip", zipOf(EXAMPLES.resolve("advisories/go")));
        DbUpdateResult repaired = update(feeds(), false);
        assertThat(server.requestsFor("/osv/Go/all.zip")).last().satisfies(r -> assertThat(r.ifNoneMatch()).isNull());
        // The repaired export is what the snapshot was built from: it is current, nothing to rebuild.
        assertThat(repaired.upToDate()).isTrue();
    }

    @Test
    void anUnreachableServerFailsAndLeavesTheCacheAndSnapshot() throws Exception {
        update(feeds(), false);
        byte[] before = Files.readAllBytes(dir.resolve("advisories.tdb"));
        FeedsConfig feeds = feeds();
        server.close();
        assertThatThrownBy(() -> update(feeds, false)).isInstanceOf(InputException.class).hasMessageContaining("failed after 3 attempts");
        assertThat(Files.readAllBytes(dir.resolve("advisories.tdb"))).isEqualTo(before);
    }

    @Test
    void localMirrorsAreReadWhereTheyAre() throws Exception {
        Path mirror = Files.createDirectories(dir.resolve("mirror/osv/Go"));
        Files.write(mirror.resolve("all.zip"), zipOf(EXAMPLES.resolve("advisories/go")));
        Files.createDirectories(dir.resolve("mirror/osv/crates.io"));
        Files.copy(EXAMPLES.resolve("advisories/crates.io/RUSTSEC-2023-0061.json"),
                dir.resolve("mirror/osv/crates.io/RUSTSEC-2023-0061.json"));
        FeedsConfig local = new FeedsConfig(new OsvFeeds(new FeedSource.Local(dir.resolve("mirror/osv")), List.of()),
                Feed.of(new FeedSource.Local(EXAMPLES.resolve("kev/cisa-known-exploited-vulnerabilities.json"))), null, null);
        DbUpdateResult result = update(local, false);
        assertThat(result.feeds()).extracting(Fetched::feed).containsExactly("osv/Go", "osv/crates.io", "kev/cisa");
        assertThat(result.feeds()).allMatch(f -> f.status() == Fetched.Status.LOCAL);
        assertThat(result.build().stats().advisories()).isEqualTo(77 + 1);
        assertThat(update(local, false).upToDate()).isTrue();
        assertThat(server.requests).isEmpty();
    }
}
