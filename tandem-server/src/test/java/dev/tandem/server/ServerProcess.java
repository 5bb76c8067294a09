package dev.tandem.server;

import dev.tandem.server.store.DatabaseSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a process of its own (for kill -9 tests): {@link #main} runs it over an external
 * database and prints its port; {@link #start} launches that main with the test classpath.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Runs a server: args are the data folder, the JDBC URL (user in the URL) and optionally a feeds file. */
    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.embedded("127.0.0.1", 0, Path.of(args[0]))
                .withDatabase(new DatabaseSettings.External(args[1], null, null));
        MonitorOptions monitor = MonitorOptions.defaults().withPrivateWebhooks(true); // the tests' hooks are on loopback
        if (args.length > 2) {
            monitor = monitor.withFeeds(Path.of(args[2])).withIntervals(Duration.ofHours(6), Duration.ofSeconds(2),
                    Duration.ofMillis(500), Duration.ofSeconds(1)).withRetryBackoff(Duration.ofSeconds(1));
        }
        TandemServer server = TandemServer.start(options, monitor);
        System.out.println("listening on port " + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Starts the process and waits until it listens. */
    public static ServerProcess start(Path dataDir, String jdbcUrl) throws IOException, InterruptedException {
        return start(dataDir, jdbcUrl, null);
    }

    /** Starts the process, refreshing from {@code feedsFile} when not null, and waits until it listens. */
    public static ServerProcess start(Path dataDir, String jdbcUrl, Path feedsFile) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("tandem-server-process", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), ServerProcess.class.getName(), dataDir.toString(), jdbcUrl));
        if (feedsFile != null) {
            command.add(feedsFile.toString());
        }
        Process process = new ProcessBuilder(command)
                .redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = PORT.matcher(line);
            if (matcher.find()) {
                return new ServerProcess(process, Integer.parseInt(matcher.group(1)));
            }
            if (Instant.now().isAfter(deadline)) {
                break;
            }
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException("the server process did not start; its log:\n" + Files.readString(log));
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** kill -9: no shutdown hook, no cleanup, connections dropped mid-transaction. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
