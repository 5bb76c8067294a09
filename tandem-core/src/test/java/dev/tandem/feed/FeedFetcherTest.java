package dev.tandem.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching feeds from a local HTTP server on loopback: conditional requests, retries, integrity, the cache. */
class FeedFetcherTest {

    static final FetchSettings FAST = new FetchSettings(2, Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofSeconds(5), Duration.ofSeconds(1), 1 << 20, "tandem-test");

    static final byte[] KEV = """
            {"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2026.12.01","count":1,
             "vulnerabilities":[{"cveID":"CVE-2023-4863","vendorProject":"Google","product":"Chromium WebP",
              "vulnerabilityName":"Heap overflow","dateAdded":"2023-09-13","dueDate":"2023-10-04",
              "knownRansomwareCampaignUse":"Unknown"}]}
            """.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cache;
    private FeedServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new FeedServer();
        fetcher = new FeedFetcher(FAST, FeedListener.NONE);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private Feed feed(String path) {
        return Feed.of(new FeedSource.Remote(server.uri(path)));
    }

    private static FeedState.Entry entry(Fetched fetched) {
        return new FeedState.Entry(fetched.source(), fetched.file().getFileName().toString(), fetched.etag(),
                fetched.lastModified(), fetched.sha256(), fetched.size(), "2026-12-06T10:00:00Z");
    }

    static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(name);
            entry.setTime(0L);
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aDownloadIsCheckedAndTheNextRequestIsConditional() throws Exception {
        server.serve("/kev.json", KEV);
        Path file = cache.resolve("kev-cisa.json");
        Fetched first = fetcher.fetch("kev/cisa", feed("/kev.json"), FeedKind.KEV, file, null);
        assertThat(first.status()).isEqualTo(Fetched.Status.DOWNLOADED);
        assertThat(Files.readAllBytes(file)).isEqualTo(KEV);
        assertThat(first.size()).isEqualTo(KEV.length);
        assertThat(first.verified()).containsExactly("length", "crc32c", "md5", "content");
        assertThat(first.etag()).startsWith("\"");
        assertThat(first.lastModified()).endsWith("GMT");

        Fetched second = fetcher.fetch("kev/cisa", feed("/kev.json"), FeedKind.KEV, file, entry(first));
        assertThat(second.status()).isEqualTo(Fetched.Status.NOT_MODIFIED);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        FeedServer.Request conditional = server.requestsFor("/kev.json").get(1);
        assertThat(conditional.ifNoneMatch()).isEqualTo(first.etag());
        assertThat(conditional.ifModifiedSince()).isEqualTo(first.lastModified());
        assertThat(conditional.userAgent()).isEqualTo("tandem-test");

        // New content: a new ETag, downloaded again and replacing the cached copy.
        byte[] newer = new String(KEV, StandardCharsets.UTF_8).replace("2026.12.01", "2026.12.02").getBytes(StandardCharsets.UTF_8);
        server.serve("/kev.json", newer);
        Fetched third = fetcher.fetch("kev/cisa", feed("/kev.json"), FeedKind.KEV, file, entry(second));
        assertThat(third.status()).isEqualTo(Fetched.Status.DOWNLOADED);
        assertThat(Files.readAllBytes(file)).isEqualTo(newer);
    }

    @Test
    void withoutTheCachedFileTheRequestIsNotConditional() throws Exception {
        server.serve("/kev.json", KEV);
        Path file = cache.resolve("kev.json");
        Fetched first = fetcher.fetch("kev", feed("/kev.json"), FeedKind.KEV, file, null);
        Files.delete(file);
        Fetched again = fetcher.fetch("kev", feed("/kev.json"), FeedKind.KEV, file, entry(first));
        assertThat(again.status()).isEqualTo(Fetched.Status.UNCHANGED);
        assertThat(server.requestsFor("/kev.json").get(1).ifNoneMatch()).isNull();
        assertThat(file).exists();
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() throws Exception {
        server.serve("/kev.json", KEV);
        server.fault("/kev.json", FeedServer.Fault.FAIL_503, 2);
        Fetched fetched = fetcher.fetch("kev", feed("/kev.json"), FeedKind.KEV, cache.resolve("kev.json"), null);
        assertThat(fetched.status()).isEqualTo(Fetched.Status.DOWNLOADED);
        assertThat(server.requestsFor("/kev.json")).hasSize(3);

        server.fault("/kev.json", FeedServer.Fault.FAIL_429_RETRY_AFTER, 1);
        assertThat(fetcher.fetch("kev", feed("/kev.json"), FeedKind.KEV, cache.resolve("kev2.json"), null).status())
                .isEqualTo(Fetched.Status.DOWNLOADED);
    }

    @Test
    void aFeedThatKeepsFailingIsAnErrorNamingItsUrlAndLeavesTheCachedCopy() throws Exception {
        server.serve("/kev.json", KEV);
        Path file = cache.resolve("kev.json");
        Fetched good = fetcher.fetch("kev", feed("/kev.json"), FeedKind.KEV, file, null);
        server.serve("/kev.json", "{\"vulnerabilities\":[]}".getBytes(StandardCharsets.UTF_8));
        server.fault("/kev.json", FeedServer.Fault.TRUNCATE, 10);
        assertThatThrownBy(() -> fetcher.fetch("kev", feed("/kev.json"), FeedKind.KEV, file, entry(good)))
                .isInstanceOf(InputException.class).hasMessageStartingWith(server.uri("/kev.json") + ": failed after 3 attempts");
        assertThat(Files.readAllBytes(file)).isEqualTo(KEV);
        assertThat(cache.resolve("kev.json.partial")).doesNotExist();

        server.fault("/kev.json", FeedServer.Fault.WRONG_DIGEST, 10);
        assertThatThrownBy(() -> fetcher.fetch("kev", feed("/kev.json"), FeedKind.KEV, file, entry(good)))
                .hasMessageContaining("does not match the server's md5 digest");
        assertThat(Files.readAllBytes(file)).isEqualTo(KEV);
    }

    @Test
    void aStalledBodyIsGivenUpAndRetried() throws Exception {
        server.serve("/kev.json", KEV);
        server.fault("/kev.json", FeedServer.Fault.STALL, 1);
        Fetched fetched = fetcher.fetch("kev", feed("/kev.json"), FeedKind.KEV, cache.resolve("kev.json"), null);
        assertThat(fetched.status()).isEqualTo(Fetched.Status.DOWNLOADED);
        assertThat(server.requestsFor("/kev.json")).hasSize(2);
    }

    @Test
    void notFoundIsNotRetriedAndIsOptionalForListedEcosystems() throws Exception {
        assertThatThrownBy(() -> fetcher.fetch("osv/Nope", feed("/Nope/all.zip"), FeedKind.OSV_ZIP, cache.resolve("x.zip"), null))
                .hasMessage(server.uri("/Nope/all.zip") + ": HTTP 404 (not found)");
        assertThat(server.requestsFor("/Nope/all.zip")).hasSize(1);
        assertThat(fetcher.fetchIfPresent("osv/Nope", feed("/Nope/all.zip"), FeedKind.OSV_ZIP, cache.resolve("x.zip"), null))
                .isEmpty();
    }

    @Test
    void anErrorPageServedAsAFeedIsRefusedByItsContent() throws Exception {
        server.serve("/kev.json", "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> fetcher.fetch("kev", feed("/kev.json"), FeedKind.KEV, cache.resolve("kev.json"), null))
                .hasMessageContaining("not a KEV catalogue");
        server.serve("/Go/all.zip", "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> fetcher.fetch("osv/Go", feed("/Go/all.zip"), FeedKind.OSV_ZIP, cache.resolve("go.zip"), null))
                .hasMessageContaining("not a zip archive");
        server.serve("/epss.csv.gz", "cve,score\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> fetcher.fetch("epss", feed("/epss.csv.gz"), FeedKind.EPSS, cache.resolve("e.gz"), null))
                .hasMessageContaining("not an EPSS file");
        server.serve("/Go/all.zip", zip("GO-1.json", "{}"));
        assertThat(fetcher.fetch("osv/Go", feed("/Go/all.zip"), FeedKind.OSV_ZIP, cache.resolve("go.zip"), null).status())
                .isEqualTo(Fetched.Status.DOWNLOADED);
    }

    @Test
    void aPinnedDigestAndTheSizeLimitAreEnforced() throws Exception {
        server.serve("/kev.json", KEV);
        Feed pinned = new Feed(new FeedSource.Remote(server.uri("/kev.json")), "0".repeat(64));
        assertThatThrownBy(() -> fetcher.fetch("kev", pinned, FeedKind.KEV, cache.resolve("kev.json"), null))
                .hasMessageContaining("but the feeds file pins " + "0".repeat(64));
        try (FeedFetcher small = new FeedFetcher(new FetchSettings(0, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 100, "t"), FeedListener.NONE)) {
            assertThatThrownBy(() -> small.fetch("kev", feed("/kev.json"), FeedKind.KEV, cache.resolve("k.json"), null))
                    .hasMessageContaining("more than the limit of 100");
        }
    }

    @Test
    void aLocalFileIsUsedWhereItIsWithItsDigest() throws Exception {
        Path local = Files.write(cache.resolve("local-kev.json"), KEV);
        Fetched fetched = fetcher.fetch("kev", Feed.of(new FeedSource.Local(local)), FeedKind.KEV, cache.resolve("x"), null);
        assertThat(fetched.status()).isEqualTo(Fetched.Status.LOCAL);
        assertThat(fetched.file()).isEqualTo(local);
        assertThat(fetched.sha256()).hasSize(64);
        assertThatThrownBy(() -> fetcher.fetch("kev", Feed.of(new FeedSource.Local(cache.resolve("missing.json"))),
                FeedKind.KEV, cache.resolve("x"), null)).hasMessageEndingWith("missing.json: no such file or folder");
    }

    @Test
    void theCacheStateRoundTripsAndAnUnreadableOneIsNamed() throws Exception {
        FeedState state = FeedState.EMPTY.with("kev/cisa", new FeedState.Entry("https://x/kev.json", "kev-cisa.json", "\"e\"",
                "Sat, 05 Dec 2026 10:00:00 GMT", "ab".repeat(32), 42, "2026-12-06T10:00:00Z"))
                .withBuilt(new FeedState.Built(0xCAFEBABE, java.util.Map.of("kev/cisa", "ab".repeat(32))));
        state.save(cache);
        assertThat(FeedState.load(cache)).isEqualTo(state);
        assertThat(FeedState.load(cache.resolve("empty"))).isEqualTo(FeedState.EMPTY);
        Files.writeString(cache.resolve(FeedState.FILE), "{\"formatVersion\":1,\"feeds\":{\"x\":{\"file\":\"../../etc/passwd\"}}}");
        assertThatThrownBy(() -> FeedState.load(cache)).hasMessageContaining("not a file name of the cache folder");
        Files.writeString(cache.resolve(FeedState.FILE), "{\"formatVersion\":");
        assertThatThrownBy(() -> FeedState.load(cache)).isInstanceOf(InputException.class).hasMessageContaining("state.json");
    }

    @Test
    void feedSourcesParseUrlsFileUrisAndRelativePaths() {
        assertThat(FeedSource.parse("https://example.org/a.json", null)).isInstanceOf(FeedSource.Remote.class);
        assertThat(FeedSource.parse("mirror/kev.json", Path.of("/etc/tandem"))).isEqualTo(
                new FeedSource.Local(Path.of("/etc/tandem/mirror/kev.json")));
        assertThat(FeedSource.parse("file:///srv/kev.json", null)).isEqualTo(new FeedSource.Local(Path.of("/srv/kev.json")));
        assertThatThrownBy(() -> FeedSource.parse("ftp://example.org/a", null)).hasMessageContaining("http(s) URL or a local path");
        assertThat(new FeedSource.Remote(java.net.URI.create("https://h/base")).child("Red Hat").child("all.zip").text())
                .isEqualTo("https://h/base/Red%20Hat/all.zip");
        assertThat(List.of(new FeedSource.Remote(java.net.URI.create("https://h/")).child("Debian:12").text()))
                .containsExactly("https://h/Debian%3A12");
    }
}
