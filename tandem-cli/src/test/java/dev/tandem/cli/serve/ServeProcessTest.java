package dev.tandem.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem serve} as a user runs it, in a process of its own, with nothing but a data folder:
 * the embedded PostgreSQL starts from the jar, the first start writes the admin key and password
 * (owner-only) and logs neither, the examples load; after kill -9, {@code tandem audit verify}
 * finds the chain intact (stopping the PostgreSQL the dead server left behind), a second server on
 * the same folder is refused, and a restart keeps everything and stops cleanly on SIGTERM.
 */
class ServeProcessTest {

    private static final Pattern LISTENING = Pattern.compile("tandem serve: http://127\\.0\\.0\\.1:(\\d+)/");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path temp;

    private record Server(Process process, int port, Path log) {
    }

    private static Server serve(Path data, Path log, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.tandem.cli.Main", "serve", "--data", data.toString(), "--port", "0"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return new Server(process, Integer.parseInt(matcher.group(1)), log);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("tandem serve did not start; its log:\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(Server server, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFromAnEmptyDataFolderSurvivesKill9AndVerifiesItsAuditChain() throws Exception {
        Path data = temp.resolve("data");
        Server first = serve(data, temp.resolve("first.log"), "--load-examples");
        String key = Files.readString(data.resolve("admin-key")).strip();
        String password = Files.readString(data.resolve("admin-password")).strip();
        assertThat(key).matches("tdm_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(Files.getPosixFilePermissions(data.resolve("admin-key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(data.resolve("admin-password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String log = Files.readString(first.log());
        assertThat(log).contains("first start").contains("admin-key").doesNotContain(key).doesNotContain(password);
        assertThat(get(first, "/health", null).statusCode()).isEqualTo(200);
        HttpResponse<String> products = get(first, "/api/v1/products", key);
        assertThat(products.body()).contains("sc200-camera").contains("proton-bridge").contains("lumen-homecam-2");

        // kill -9: the JVM dies, its PostgreSQL does not.
        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        CliRun verify = CliRun.of("audit", "verify", "--data", data.toString(), "--format", "json");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        PublishedSchemas.assertValid("audit-verify.schema.json", verify.out());
        assertThat(verify.json().get("chains").get(0).get("entries").asInt()).isGreaterThan(10);

        Server second = serve(data, temp.resolve("second.log"));
        try {
            assertThat(Files.readString(second.log())).doesNotContain("first start");
            assertThat(get(second, "/api/v1/products", key).body()).contains("sc200-camera");
            // The folder is taken: a second server on it is refused, and leaves the first alone.
            CliRun refused = CliRun.of("serve", "--data", data.toString(), "--port", "0");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("another tandem server is using the data folder");
            // audit verify reads the running server's database.
            CliRun live = CliRun.of("audit", "verify", "--data", data.toString(), "--organisation", "default");
            assertThat(live.exitCode()).as(live.err()).isZero();
            assertThat(live.out()).contains("default: intact");
            assertThat(get(second, "/health", null).statusCode()).isEqualTo(200);
            // The embedded PostgreSQL is durable: the test library's defaults (fsync off, asynchronous commit) are
            // overridden, so an acknowledged change survives a crash of PostgreSQL or of the machine.
            int port = Integer.parseInt(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).strip());
            try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
                    java.sql.Statement statement = db.createStatement()) {
                for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                    try (java.sql.ResultSet rs = statement.executeQuery("show " + setting)) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                    }
                }
            }
        } finally {
            second.process().destroy();
            assertThat(second.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(data.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void badDatabaseUrlsAndPortsAreRefusedWithExitCode2() {
        CliRun url = CliRun.of("serve", "--database-url", "mysql://localhost/x", "--data", temp.toString());
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("jdbc:postgresql:");
        CliRun port = CliRun.of("serve", "--port", "70000", "--data", temp.toString());
        assertThat(port.exitCode()).isEqualTo(2);
        CliRun unreachable = CliRun.of("serve", "--database-url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
                "--data", temp.toString());
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).contains("could not connect");
    }
}
