package dev.tandem.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.usecase.scan.DbUpdateRequest;
import dev.tandem.usecase.scan.DbUpdateResult;
import dev.tandem.usecase.scan.DbUpdateUseCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NVD's yearly CVE feeds in {@code db update}, served on loopback as the NVD lays them out
 * ({@code nvdcve-2.0-<year>.json.gz} and {@code .meta}): the records reach the snapshot, the next
 * refresh asks conditionally, and a feed that does not match its meta is refused naming the URL.
 * The record is the real CVE-2022-48174 of the bundled examples (examples/nvd, NVD data).
 */
class NvdFeedUpdateTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final FetchSettings FETCH = new FetchSettings(1, Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofSeconds(5), Duration.ofSeconds(5), 64 << 20, "tandem-test");

    @TempDir
    Path dir;
    private FeedServer server;
    private String json;

    @BeforeEach
    void serve() throws Exception {
        server = new FeedServer();
        String record = Files.readString(Path.of("../examples/nvd/nvd-api-2.0/CVE-2022-48174.json"));
        json = "{\"resultsPerPage\":1,\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"vulnerabilities\":[{\"cve\":" + record + "}]}";
        publish("2022", json);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void publish(String year, String content) throws Exception {
        byte[] gz = DbUpdateTest.gzip(content);
        server.serve("/nvd/nvdcve-2.0-" + year + ".json.gz", gz);
        server.serve("/nvd/nvdcve-2.0-" + year + ".meta", meta(content, gz).getBytes(StandardCharsets.UTF_8));
    }

    static String meta(String content, byte[] gz) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return "lastModifiedDate:2026-12-06T03:00:01-05:00\r\nsize:" + bytes.length + "\r\nzipSize:0\r\ngzSize:" + gz.length
                + "\r\nsha256:" + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                + "\r\n";
    }

    private FeedsConfig feeds(List<Integer> years) {
        return new FeedsConfig(null, null, null, null, new NvdFeeds(new FeedSource.Remote(server.uri("/nvd/")), years));
    }

    private DbUpdateResult update(FeedsConfig feeds) throws InputException, IOException {
        Path snapshot = dir.resolve("advisories.tdb");
        DbUpdateResult result = new DbUpdateUseCase("test").run(DbUpdateRequest.of(feeds, snapshot,
                dir.resolve("advisories.tdb.cache"), false, NOW, FETCH));
        if (!result.upToDate()) {
            byte[] bytes = new byte[(int) result.build().size()];
            result.build().snapshot().get(bytes);
            Files.write(snapshot, bytes);
        }
        return result;
    }

    @Test
    void theYearlyFeedIsCheckedAgainstItsMetaAndItsRecordsReachTheSnapshot() throws Exception {
        DbUpdateResult first = update(feeds(List.of(2022)));
        assertThat(first.upToDate()).isFalse();
        assertThat(first.feeds()).extracting(Fetched::feed).containsExactly("nvd/2022.meta", "nvd/2022");
        Fetched feed = first.feeds().get(1);
        assertThat(feed.source()).isEqualTo(server.uri("/nvd/nvdcve-2.0-2022.json.gz").toString());
        assertThat(feed.verified()).contains("content", "meta");
        Snapshot snapshot = Snapshot.load(dir.resolve("advisories.tdb"));
        assertThat(snapshot.info().provenance().recordSources()).containsExactly(feed.source());
        assertThat(snapshot.index().recordCount()).isEqualTo(1);
        assertThat(snapshot.index().vulnerabilityFor("CVE-2022-48174")).isPresent();

        DbUpdateResult second = update(feeds(List.of(2022)));
        assertThat(second.upToDate()).isTrue();
        assertThat(server.requestsFor("/nvd/nvdcve-2.0-2022.json.gz")).hasSize(2).last()
                .satisfies(r -> assertThat(r.ifNoneMatch()).isNotNull());
        assertThat(second.feeds().get(1).status()).isEqualTo(Fetched.Status.NOT_MODIFIED);
    }

    @Test
    void aFeedThatDoesNotMatchItsMetaIsRefusedAndThePreviousSnapshotStays() throws Exception {
        update(feeds(List.of(2022)));
        byte[] before = Files.readAllBytes(dir.resolve("advisories.tdb"));
        String changed = json.replace("busybox before 1.35", "busybox before 1.36");
        byte[] gz = DbUpdateTest.gzip(changed);
        server.serve("/nvd/nvdcve-2.0-2022.json.gz", gz);
        // the meta still describes the old content: the body is refused, after a fresh meta and one more try
        assertThatThrownBy(() -> update(feeds(List.of(2022)))).isInstanceOf(InputException.class)
                .hasMessageContaining(server.uri("/nvd/nvdcve-2.0-2022.json.gz").toString())
                .hasMessageContaining("its .meta says");
        assertThat(Files.readAllBytes(dir.resolve("advisories.tdb"))).isEqualTo(before);

        server.serve("/nvd/nvdcve-2.0-2022.meta", meta(changed, gz).getBytes(StandardCharsets.UTF_8));
        DbUpdateResult fixed = update(feeds(List.of(2022)));
        assertThat(fixed.upToDate()).isFalse();
        assertThat(fixed.feeds().get(1).status()).isEqualTo(Fetched.Status.DOWNLOADED);
    }

    @Test
    void aChangedMetaFetchesTheWholeFeedEvenWhenTheServerWouldSayNotModified() throws Exception {
        update(feeds(List.of(2022)));
        String changed = json.replace("busybox before 1.35", "busybox before 1.37");
        byte[] gz = DbUpdateTest.gzip(changed);
        server.serve("/nvd/nvdcve-2.0-2022.meta", meta(changed, gz).getBytes(StandardCharsets.UTF_8));
        server.serve("/nvd/nvdcve-2.0-2022.json.gz", gz);
        update(feeds(List.of(2022)));
        assertThat(server.requestsFor("/nvd/nvdcve-2.0-2022.json.gz")).last()
                .satisfies(r -> assertThat(r.ifNoneMatch()).as("no conditional request after the meta changed").isNull());
    }

    @Test
    void aTruncatedOrNonGzipFeedIsRefusedAfterItsRetries() throws Exception {
        byte[] gz = DbUpdateTest.gzip(json);
        server.serve("/nvd/nvdcve-2.0-2023.json.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> update(feeds(List.of(2023)))).isInstanceOf(InputException.class)
                .hasMessageContaining("nvdcve-2.0-2023.json.gz").hasMessageContaining("not a whole gzip file");
        server.serve("/nvd/nvdcve-2.0-2023.json.gz", "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> update(feeds(List.of(2023)))).isInstanceOf(InputException.class)
                .hasMessageContaining("not a whole gzip file");
        assertThat(server.requestsFor("/nvd/nvdcve-2.0-2023.meta")).as("no meta published: asked for, then done without")
                .isNotEmpty();
    }

    @Test
    void aLocalMirrorIsReadWhereItIsAndItsMetasAreChecked() throws Exception {
        Path mirror = Files.createDirectories(dir.resolve("mirror"));
        byte[] gz = DbUpdateTest.gzip(json);
        Files.write(mirror.resolve("nvdcve-2.0-2022.json.gz"), gz);
        Files.writeString(mirror.resolve("nvdcve-2.0-2022.meta"), meta(json, gz));
        Files.writeString(mirror.resolve("README.txt"), "not a feed");
        FeedsConfig local = new FeedsConfig(null, null, null, null, new NvdFeeds(new FeedSource.Local(mirror), List.of()));
        DbUpdateResult result = update(local);
        assertThat(result.feeds()).extracting(Fetched::feed).containsExactly("nvd/2022");
        assertThat(result.feeds().get(0).status()).isEqualTo(Fetched.Status.LOCAL);
        assertThat(result.feeds().get(0).verified()).contains("meta");

        Files.writeString(mirror.resolve("nvdcve-2.0-2022.meta"), meta(json + " ", gz));
        assertThatThrownBy(() -> update(local)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(mirror.resolve("nvdcve-2.0-2022.json.gz").toString()).hasMessageContaining("its .meta says");
        NvdFeeds missing = new NvdFeeds(new FeedSource.Local(mirror), List.of(2021));
        assertThatThrownBy(() -> update(new FeedsConfig(null, null, null, null, missing))).isInstanceOf(InputException.class)
                .hasMessageContaining("no NVD feed for 2021");
    }

    @Test
    void aMetaFileIsReadStrictly() {
        assertThatThrownBy(() -> FeedMeta.read("x.meta", "<html>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not an NVD meta file");
        assertThatThrownBy(() -> FeedMeta.read("x.meta", "sha256:abc\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no sha256 of 64");
        assertThatThrownBy(() -> FeedMeta.read("x.meta", ("sha256:" + "a".repeat(64) + "\nsha256:" + "b".repeat(64))
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("line 2").hasMessageContaining("given twice");
        assertThatThrownBy(() -> FeedMeta.read("x.meta", ("size:-3\nsha256:" + "a".repeat(64)).getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("'size' is not a size");
    }
}
