package dev.tandem.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.input.InputDocument;
import dev.tandem.server.ServerProcess;
import dev.tandem.server.TestDatabase;
import dev.tandem.server.store.DatabaseSettings;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.DbBuildRequest;
import dev.tandem.usecase.scan.DbBuildUseCase;
import dev.tandem.usecase.scan.KevInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a real server process during SBOM uploads and during an advisory snapshot swap: after
 * a restart, every acknowledged upload is there with its findings, nothing is half-written (no
 * release without its scan, no scan without its SBOMs, no component or finding count that disagrees),
 * and the findings of every release come from the one current snapshot.
 */
class KillDuringWritesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void killedDuringUploadsAndASwapTheServerLosesNothingAcknowledgedAndLeavesNothingHalfWritten() throws Exception {
        DatabaseSettings.External database = TestDatabase.fresh("kill");
        Path data = Files.createTempDirectory("tandem-kill");
        byte[] sbom = example("sboms/sc200-camera-firmware-2.4.1.cdx.json");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();

        ServerProcess first = ServerProcess.start(data, database.url());
        String key = Files.readString(data.resolve("admin-key")).strip();
        put(first, key, "/api/v1/advisories/snapshot", snapshot(true));
        post(first, key, "/api/v1/products", "application/json", "{\"id\": \"cam\", \"name\": \"Camera\"}".getBytes());
        // Uploads from four clients at once; the process is killed while they run.
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    String version = client + "." + i;
                    try {
                        HttpResponse<String> response = post(first, key, "/api/v1/products/cam/releases/" + version
                                + "/sboms", "application/json", variant(sbom, client, i));
                        if (response.statusCode() == 201) {
                            acknowledged.put(version, findings(response.body()));
                        }
                    } catch (IOException e) {
                        return; // the server died
                    }
                }
            }));
        }
        waitFor(() -> acknowledged.size() >= 12, Duration.ofMinutes(3));
        first.kill();
        for (Future<?> future : running) {
            future.get(2, TimeUnit.MINUTES);
        }
        clients.shutdownNow();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(12);

        ServerProcess second = ServerProcess.start(data, database.url());
        try (Connection db = DriverManager.getConnection(database.url())) {
            assertConsistent(db);
            for (Map.Entry<String, Integer> upload : acknowledged.entrySet()) {
                assertThat(count(db, "select findings from release_scans s join releases r on r.id = s.release_id"
                        + " where r.version = '" + upload.getKey() + "'")).as("release %s", upload.getKey())
                        .isEqualTo(upload.getValue().longValue());
            }
        }
        // A swap killed before it commits leaves the previous snapshot and its findings whole.
        String before = currentSnapshot(database.url());
        byte[] next = snapshot(false);
        Thread swap = new Thread(() -> {
            try {
                put(second, key, "/api/v1/advisories/snapshot", next);
            } catch (IOException | InterruptedException e) {
                // the server died mid-swap
            }
        });
        swap.start();
        Thread.sleep(300);
        second.kill();
        swap.join(60_000);
        ServerProcess third = ServerProcess.start(data, database.url());
        try (Connection db = DriverManager.getConnection(database.url())) {
            assertConsistent(db);
            String after = currentSnapshot(database.url());
            assertThat(count(db, "select count(*) from release_scans where snapshot_sha256 is distinct from '" + after + "'"))
                    .as("every release scanned against the current snapshot (was %s, is %s)", before, after).isZero();
        }
        // And a swap that completes is there after the next kill.
        HttpResponse<String> done = put(third, key, "/api/v1/advisories/snapshot", next);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        third.kill();
        ServerProcess fourth = ServerProcess.start(data, database.url());
        try (Connection db = DriverManager.getConnection(database.url())) {
            assertConsistent(db);
            assertThat(currentSnapshot(database.url())).isEqualTo(sha(done.body()));
        } finally {
            fourth.close();
        }
    }

    /** Every release has a scan and SBOMs; counts of components and findings agree with the scan. */
    private static void assertConsistent(Connection db) throws SQLException {
        assertThat(count(db, "select count(*) from releases r where not exists (select 1 from release_sboms s"
                + " where s.release_id = r.id)")).as("releases without an SBOM").isZero();
        assertThat(count(db, "select count(*) from releases r where not exists (select 1 from release_scans s"
                + " where s.release_id = r.id)")).as("releases without a scan").isZero();
        assertThat(count(db, "select count(*) from release_sboms s where s.component_count <> (select count(*) from"
                + " components c where c.sbom_id = s.id)")).as("SBOMs whose components are not all stored").isZero();
        assertThat(count(db, "select count(*) from release_scans s where s.findings <> (select count(*) from findings f"
                + " where f.release_id = s.release_id)")).as("scans whose findings are not all stored").isZero();
        assertThat(count(db, "select count(*) from release_sboms s where not exists (select 1 from sbom_documents d"
                + " where d.org_id = s.org_id and d.sha256 = s.sha256)")).as("SBOMs without their document").isZero();
        assertThat(count(db, "select count(*) from advisory_snapshots a where a.size <> (select coalesce(sum(length(bytes)), 0)"
                + " from snapshot_chunks c where c.sha256 = a.sha256)")).as("snapshots not wholly stored").isZero();
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String currentSnapshot(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select sha256 from current_snapshot")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The camera SBOM with a per-upload component, so every upload is a new document and a new release. */
    private static byte[] variant(byte[] sbom, int client, int i) {
        return new String(sbom, StandardCharsets.UTF_8).replaceFirst("\"components\"\\s*:\\s*\\[",
                "\"components\": [{\"type\": \"library\", \"name\": \"marker-" + client + "-" + i
                        + "\", \"version\": \"1.0\", \"purl\": \"pkg:npm/marker-" + client + "-" + i + "@1.0\"},")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The example advisories as a snapshot; without the EU KEV catalogue for a second, different one. */
    private static byte[] snapshot(boolean withEuKev) throws Exception {
        List<InputDocument> advisories = new ArrayList<>();
        for (String folder : List.of("advisories/go", "advisories/crates.io")) {
            try (var files = Files.list(Path.of("../examples", folder))) {
                for (Path file : files.sorted().toList()) {
                    advisories.add(new InputDocument(file.toString(), Files.readAllBytes(file)));
                }
            }
        }
        List<KevInput> kev = new ArrayList<>();
        kev.add(KevInput.of(new InputDocument("cisa.json", example("kev/cisa-known-exploited-vulnerabilities.json"))));
        if (withEuKev) {
            kev.add(KevInput.of(new InputDocument("eu.json", example("kev/eu-kev.json"))));
        }
        ByteBuffer buffer = new DbBuildUseCase().run(new DbBuildRequest(new AdvisoryInput.Documents(advisories, false), kev,
                Instant.parse("2026-12-01T00:00:00Z"))).snapshot();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] example(String path) throws IOException {
        try (InputStream in = KillDuringWritesTest.class.getClassLoader().getResourceAsStream("examples/" + path)) {
            return in.readAllBytes();
        }
    }

    private static int findings(String body) {
        var matcher = java.util.regex.Pattern.compile("\"findings\":(\\d+)").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no findings count in " + body);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String sha(String body) {
        var matcher = java.util.regex.Pattern.compile("\"sha256\":\"([0-9a-f]{64})\"").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no sha256 in " + body);
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> post(ServerProcess server, String key, String path, String type, byte[] body)
            throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + key).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static HttpResponse<String> put(ServerProcess server, String key, String path, byte[] body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }
}
