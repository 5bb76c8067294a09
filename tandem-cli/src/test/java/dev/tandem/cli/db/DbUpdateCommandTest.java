package dev.tandem.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.exit.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs of {@code tandem db update} against feeds served on loopback, then scans over what it built. */
class DbUpdateCommandTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String CAMERA = "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json";

    @TempDir
    Path dir;
    private LocalFeedServer server;
    private Path feeds;
    private Path snapshot;

    static byte[] zipOf(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @BeforeEach
    void serve() throws IOException {
        server = new LocalFeedServer();
        server.serve("/osv/ecosystems.txt", "Go\ncrates.io\n".getBytes(StandardCharsets.UTF_8));
        server.serve("/osv/Go/all.zip", zipOf(EXAMPLES.resolve("advisories/go")));
        server.serve("/osv/crates.io/all.zip", zipOf(EXAMPLES.resolve("advisories/crates.io")));
        server.serve("/kev/cisa.json", Files.readAllBytes(EXAMPLES.resolve("kev/cisa-known-exploited-vulnerabilities.json")));
        server.serve("/kev/eu.json", Files.readAllBytes(EXAMPLES.resolve("kev/eu-kev.json")));
        server.serve("/epss.csv.gz", gzip(Files.readAllBytes(Path.of("src/test/resources/scan/epss/epss_scores-sample.csv"))));
        feeds = Files.writeString(dir.resolve("tandem-feeds.yaml"), """
                osv:
                  url: %s
                kev:
                  cisa: %s
                  eu: %s
                epss: %s
                """.formatted(server.uri("/osv/"), server.uri("/kev/cisa.json"), server.uri("/kev/eu.json"),
                server.uri("/epss.csv.gz")));
        snapshot = dir.resolve("out/advisories.tdb");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun update(String... extra) {
        String[] args = Stream.concat(Stream.of("db", "update", "--feeds", feeds.toString(), "--out", snapshot.toString(),
                "--retries", "0"), Stream.of(extra)).toArray(String[]::new);
        return CliRun.of(args);
    }

    @Test
    void theFirstRefreshDownloadsEverythingAndTheScanUsesIt() throws Exception {
        CliRun run = update();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("osv/Go", "downloaded", "osv/crates.io", "kev/cisa", "kev/eu", "epss")
                .contains("length, content").contains("Wrote " + snapshot)
                .contains("Advisories: 104 (1 withdrawn, ignored; 0 duplicates)")
                .contains("KEV: 1,447 entries naming 1,424 CVEs: 1 CVE matched an advisory, 1,423 matched none")
                .contains("EPSS: 7 scores of 2026-12-05 (model v2025.03.14)");
        assertThat(snapshot).exists();
        assertThat(dir.resolve("out/advisories.tdb.cache/state.json")).exists();

        CliRun scan = CliRun.of("scan", "--sbom", CAMERA, "--db", snapshot.toString(), "--format", "json");
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        JsonNode webp = null;
        for (JsonNode finding : scan.json().get("findings")) {
            if (finding.get("id").asText().equals("CVE-2023-4863")) {
                webp = finding;
            }
        }
        assertThat(webp).isNotNull();
        assertThat(webp.get("knownExploited").asBoolean()).isTrue();
        assertThat(webp.get("epss").get("score").asDouble()).isEqualTo(0.9358);
        assertThat(scan.json().get("epss").get("source").asText()).isEqualTo(server.uri("/epss.csv.gz").toString());

        CliRun info = CliRun.of("db", "info", snapshot.toString());
        assertThat(info.out()).contains("EPSS:            7 scores of 2026-12-05 (model v2025.03.14)")
                .contains("epss        " + server.uri("/epss.csv.gz"));
    }

    @Test
    void aSecondRefreshAsksConditionallyAndLeavesTheSnapshotAlone() throws Exception {
        assertThat(update().exitCode()).isZero();
        FileTime written = Files.getLastModifiedTime(snapshot);
        int before = server.requests.size();
        CliRun again = update();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("not modified").contains("Up to date: " + snapshot).doesNotContain("Wrote");
        assertThat(server.requests.subList(before, server.requests.size())).allMatch(LocalFeedServer.Request::conditional);
        assertThat(Files.getLastModifiedTime(snapshot)).isEqualTo(written);

        CliRun forced = update("--force");
        assertThat(forced.out()).contains("Wrote " + snapshot);
    }

    @Test
    void namedEcosystemsOnly() {
        CliRun run = update("--ecosystem", "crates.io");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("osv/crates.io").doesNotContain("osv/Go").contains("Advisories: 27 ");
        assertThat(server.requests).noneMatch(r -> r.path().equals("/osv/ecosystems.txt"));
    }

    @Test
    void aFeedThatCannotBeFetchedFailsAndThePreviousSnapshotStays() throws Exception {
        assertThat(update().exitCode()).isZero();
        byte[] before = Files.readAllBytes(snapshot);
        server.serve("/kev/eu.json", "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));
        CliRun broken = update();
        assertThat(broken.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(broken.err()).startsWith("tandem: " + server.uri("/kev/eu.json") + ": failed after 1 attempt: not a KEV catalogue")
                .doesNotContain("\tat ");
        assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);

        server.close();
        CliRun down = update();
        assertThat(down.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(down.err()).contains(server.uri("/osv/ecosystems.txt").toString()).contains("failed after 1 attempt: cannot connect (connection refused, or no network)");
        assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);
    }

    @Test
    void localFeedsNeedNoServerAndAKevFolderMayHoldSchemas() throws Exception {
        Path mirror = Files.createDirectories(dir.resolve("mirror/osv/Go"));
        Files.write(mirror.resolve("all.zip"), zipOf(EXAMPLES.resolve("advisories/go")));
        Path local = Files.writeString(dir.resolve("local-feeds.yaml"), """
                osv:
                  path: mirror/osv
                  ecosystems: [Go]
                kev:
                  eu: %s
                """.formatted(Path.of("src/test/resources/scan/kev-folder").toAbsolutePath()));
        CliRun run = CliRun.of("db", "update", "--feeds", local.toString(), "--out", snapshot.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("local").contains("Advisories: 77 ");
        assertThat(run.err()).contains("skipped ").contains("a JSON Schema, not a KEV catalogue");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void usageAndFeedsFileMistakesAreRefusedBeforeAnyDownload() throws Exception {
        CliRun noOut = CliRun.of("db", "update");
        assertThat(noOut.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noOut.err()).contains("--out");

        Files.createDirectories(snapshot);
        CliRun intoFolder = update();
        assertThat(intoFolder.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(intoFolder.err()).contains("cannot write to " + snapshot + ": it is a directory");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "osv:\n  ecosystem: [Go]\n");
        CliRun badFeeds = CliRun.of("db", "update", "--feeds", bad.toString(), "--out", dir.resolve("x.tdb").toString());
        assertThat(badFeeds.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badFeeds.err()).isEqualTo("tandem: " + bad + ": line 2, column 3: unknown key 'ecosystem': use url, path and ecosystems\n");
        assertThat(server.requests).isEmpty();
    }
}
