package dev.tandem.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load client of bench/run-server.sh, against a server on loopback only:
 * <pre>
 * java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.server.ServerLoad \
 *      --url http://127.0.0.1:PORT --key-file DATA/admin-key --pid SERVER_PID \
 *      [--snapshot db.tdb] --sbom sbom-10k.cdx.json [--warmup-uploads 3] [--uploads 5] [--clients 50] [--seconds 30]
 * </pre>
 * Prints one line per measurement, then the three target figures on lines starting {@code FIGURE};
 * every request loop is bounded in count and time and stops by itself.
 */
public final class ServerLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String url;
    private final String key;

    private ServerLoad(String url, String key) {
        if (!URI.create(url).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1]")) {
            throw new IllegalArgumentException("the server benchmark runs against loopback only, not " + url);
        }
        this.url = url;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        ServerLoad load = new ServerLoad(options.get("--url"), Files.readString(Path.of(options.get("--key-file"))).strip());
        long pid = Long.parseLong(options.getOrDefault("--pid", "0"));
        String data = options.getOrDefault("--data", "");
        say("server rss at start: " + rss(pid));
        String rssAfterSnapshot = "(no snapshot given)";
        if (options.containsKey("--snapshot")) {
            byte[] snapshot = Files.readAllBytes(Path.of(options.get("--snapshot")));
            long start = System.nanoTime();
            HttpResponse<String> swap = load.send("PUT", "/api/v1/advisories/snapshot", "application/octet-stream", snapshot);
            say("snapshot swap: " + swap.statusCode() + " in " + millis(start) + " ms (" + snapshot.length + " bytes): "
                    + swap.body());
            System.gc();
            rssAfterSnapshot = rss(pid);
            say("server rss after the snapshot: " + rssAfterSnapshot);
        }
        byte[] sbom = Files.readAllBytes(Path.of(options.get("--sbom")));
        load.send("POST", "/api/v1/products", "application/json",
                "{\"id\": \"bench-10k\", \"name\": \"Benchmark 10k\"}".getBytes(StandardCharsets.UTF_8));
        // The first uploads of a fresh server run mostly interpreted code (the JIT compiles as it goes) on a
        // cold PostgreSQL; they are reported but not counted, as a long-running server has left that behind.
        int warmups = Integer.parseInt(options.getOrDefault("--warmup-uploads", "3"));
        for (int i = 0; i < warmups; i++) {
            long cpuBefore = cpu(pid) + postgresCpu(data);
            long start = System.nanoTime();
            HttpResponse<String> response = load.send("POST", "/api/v1/products/bench-10k/releases/warmup-" + i
                    + "/sboms", "application/vnd.cyclonedx+json", sbom);
            say("warm-up upload " + (i + 1) + ": " + response.statusCode() + " in " + millis(start)
                    + " ms; CPU of server and PostgreSQL " + (cpu(pid) + postgresCpu(data) - cpuBefore) + " ms");
        }
        int uploads = Integer.parseInt(options.getOrDefault("--uploads", "5"));
        long[] uploadMillis = new long[uploads];
        String firstRelease = null;
        long[] uploadCpu = new long[uploads];
        for (int i = 0; i < uploads; i++) {
            String release = "r" + System.nanoTime();
            long cpuBefore = cpu(pid) + postgresCpu(data);
            long start = System.nanoTime();
            HttpResponse<String> response = load.send("POST", "/api/v1/products/bench-10k/releases/" + release + "/sboms",
                    "application/vnd.cyclonedx+json", sbom);
            uploadMillis[i] = millis(start);
            uploadCpu[i] = cpu(pid) + postgresCpu(data) - cpuBefore;
            JsonNode summary = JSON.readTree(response.body()).path("summary");
            say("upload " + (i + 1) + ": " + response.statusCode() + " in " + uploadMillis[i] + " ms, components "
                    + summary.path("components").asInt() + ", findings " + summary.path("findings").asInt()
                    + ", known exploited " + summary.path("knownExploited").asInt() + "; CPU of server and PostgreSQL "
                    + uploadCpu[i] + " ms");
            if (firstRelease == null) {
                firstRelease = release;
            }
        }
        long[] cpuSorted = uploadCpu.clone();
        Arrays.sort(cpuSorted);
        say("upload CPU (server + PostgreSQL, user + system): min " + cpuSorted[0] + " ms, median "
                + cpuSorted[cpuSorted.length / 2] + " ms");
        long[] sorted = uploadMillis.clone();
        Arrays.sort(sorted);
        say("upload of " + sbom.length + " bytes to findings stored: min " + sorted[0] + " ms, median "
                + sorted[sorted.length / 2] + " ms, max " + sorted[sorted.length - 1] + " ms");
        say("server rss after uploads: " + rss(pid));
        int clients = Integer.parseInt(options.getOrDefault("--clients", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "30"));
        long total = JSON.readTree(load.send("GET", "/api/v1/products/bench-10k/findings?release=" + firstRelease
                + "&limit=1", null, null).body()).path("total").asLong();
        load.findings(firstRelease, total, clients, 5, null, data);
        String[] read = load.findings(firstRelease, total, clients, seconds, pid, data);
        String load1 = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        say(String.format(java.util.Locale.ROOT, "FIGURE upload of a 10,000-component SBOM to findings stored"
                + " (target < 1000 ms): median %d ms wall, min %d ms; CPU server + PostgreSQL median %d ms",
                sorted[sorted.length / 2], sorted[0], cpuSorted[cpuSorted.length / 2]));
        say("FIGURE GET findings p99 with " + clients + " clients (target < 50 ms): " + read[0] + " ms; CPU per request "
                + read[1]);
        say("FIGURE server RSS with the 500k-advisory snapshot loaded (target < 1024 MiB): " + rssAfterSnapshot
                + " after the snapshot; " + rss(pid) + " after the whole run; load average now " + load1);
    }

    /**
     * {@code clients} threads reading pages of 100 findings for {@code seconds}; latencies from send to last byte.
     * Returns the p99 and the CPU per request (null during the warm-up).
     */
    private String[] findings(String release, long total, int clients, int seconds, Long pid, String data) throws Exception {
        long serverBefore = pid == null ? 0 : cpu(pid);
        long postgresBefore = postgresCpu(data);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline && n < latencies.length) {
                    long offset = total <= 100 ? 0 : ThreadLocalRandom.current().nextLong(total - 100);
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request("GET", "/api/v1/products/bench-10k/findings?release="
                            + release + "&limit=100&offset=" + offset, null, null), HttpResponse.BodyHandlers.ofByteArray());
                    latencies[n++] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (pid == null) {
            say("warm-up: " + latencies.length + " requests");
            return null;
        }
        say("GET findings (page of 100 of " + total + "), " + clients + " clients, " + seconds + " s: " + latencies.length
                + " requests (" + latencies.length / seconds + "/s), errors " + errors.get() + "; latency p50 "
                + micros(latencies, 0.50) + " ms, p90 " + micros(latencies, 0.90) + " ms, p99 " + micros(latencies, 0.99)
                + " ms, max " + micros(latencies, 1.0) + " ms");
        long serverCpu = cpu(pid) - serverBefore;
        long postgresCpu = postgresCpu(data) - postgresBefore;
        say(String.format(java.util.Locale.ROOT, "CPU per GET findings: server %.2f ms, PostgreSQL %.2f ms (user + system"
                + " over %d requests)", (double) serverCpu / latencies.length, (double) postgresCpu / latencies.length,
                latencies.length));
        say("server rss after the read load: " + rss(pid));
        return new String[] {micros(latencies, 0.99), String.format(java.util.Locale.ROOT,
                "%.2f ms server + %.2f ms PostgreSQL", (double) serverCpu / latencies.length,
                (double) postgresCpu / latencies.length)};
    }

    private static String micros(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format(java.util.Locale.ROOT, "%.1f", sorted[Math.max(0, index)] / 1e6);
    }

    private HttpRequest request(String method, String path, String type, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return request.build();
    }

    private HttpResponse<String> send(String method, String path, String type, byte[] body)
            throws IOException, InterruptedException {
        return http.send(request(method, path, type, body), HttpResponse.BodyHandlers.ofString());
    }

    /** User + system CPU of a process in milliseconds, from /proc (clock ticks of 10 ms). */
    static long cpu(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The CPU of the embedded PostgreSQL under {@code data}: its postmaster and every child (backends, workers). */
    static long postgresCpu(String data) {
        if (data.isEmpty()) {
            return 0;
        }
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(Path.of(data, "postgres", "postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        long total = cpu(postmaster);
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(fields[1]) == postmaster) {
                        total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** VmRSS and VmHWM (peak) of a process, from /proc. */
    static String rss(long pid) {
        if (pid <= 0) {
            return "(no pid given)";
        }
        try {
            String rss = "";
            String hwm = "";
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = line.substring(6).strip();
                } else if (line.startsWith("VmHWM:")) {
                    hwm = line.substring(6).strip();
                }
            }
            return rss + " (peak " + hwm + ")";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
