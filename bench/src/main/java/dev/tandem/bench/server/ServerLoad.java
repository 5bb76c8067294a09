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
 *      [--wrk /usr/bin/wrk --wrk-script bench/wrk-findings.lua [--wrk-threads 2]]
 * </pre>
 * Prints one line per measurement, then the target figures on lines starting {@code FIGURE}: the read load is
 * driven by wrk when {@code --wrk} is given (then the Java loop's figure follows for comparison), else by the
 * Java loop;
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
        String wrk = options.getOrDefault("--wrk", "");
        Read wrkRead = null;
        if (!wrk.isEmpty()) {
            int threads = Integer.parseInt(options.getOrDefault("--wrk-threads", "2"));
            String script = options.get("--wrk-script");
            load.wrkFindings(wrk, script, firstRelease, total, clients, threads, 5, null, data);
            wrkRead = load.wrkFindings(wrk, script, firstRelease, total, clients, threads, seconds, pid, data);
        }
        load.findings(firstRelease, total, clients, 5, null, data);
        Read read = load.findings(firstRelease, total, clients, seconds, pid, data);
        String load1 = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        say(String.format(java.util.Locale.ROOT, "FIGURE upload of a 10,000-component SBOM to findings stored"
                + " (target < 1000 ms): median %d ms wall, min %d ms; CPU server + PostgreSQL median %d ms",
                sorted[sorted.length / 2], sorted[0], cpuSorted[cpuSorted.length / 2]));
        // The first GET findings line is the load generator of record: wrk when the script found it, else the
        // Java loop; with wrk the Java loop's figure follows on a line of its own, for comparison.
        Read first = wrkRead != null ? wrkRead : read;
        say("FIGURE GET findings p99 with " + clients + " clients (target < 50 ms): " + first.p99() + " ms; CPU per request "
                + first.cpu() + "; " + first.generator());
        if (wrkRead != null) {
            say("FIGURE GET findings p99 with " + clients + " clients, Java load loop for comparison (target < 50 ms): "
                    + read.p99() + " ms; CPU per request " + read.cpu() + "; " + read.generator());
        }
        say("FIGURE server RSS with the 500k-advisory snapshot loaded (target < 1024 MiB): " + rssAfterSnapshot
                + " after the snapshot; " + rss(pid) + " after the whole run; load average now " + load1);
    }

    /** A read load's figures: p99 in ms, the server's and PostgreSQL's CPU per request, and the load generator's. */
    private record Read(String p99, String cpu, String generator) {
    }

    /**
     * wrk reading the same pages as {@link #findings} (bench/wrk-findings.lua): {@code clients} connections on
     * {@code threads} threads for {@code seconds}, latencies from wrk's histogram. Its CPU is read from this
     * process's reaped children's times ({@code cutime}, {@code cstime} of /proc/self/stat). Returns null during
     * the warm-up.
     */
    private Read wrkFindings(String wrk, String script, String release, long total, int clients, int threads,
            int seconds, Long pid, String data) throws IOException, InterruptedException {
        long serverBefore = pid == null ? 0 : cpu(pid);
        long postgresBefore = postgresCpu(data);
        long clientBefore = childrenCpu();
        ProcessBuilder builder = new ProcessBuilder(wrk, "-t", Integer.toString(threads), "-c", Integer.toString(clients),
                "-d", seconds + "s", "--latency", "--timeout", "10s", "-s", script, url, "--",
                "/api/v1/products/bench-10k/findings?release=" + release, Long.toString(total), "1")
                .redirectErrorStream(true);
        builder.environment().put("TANDEM_BENCH_KEY", key);
        Process process = builder.start();
        List<String> lines;
        try (var out = process.inputReader(StandardCharsets.UTF_8)) {
            lines = out.lines().toList();
        }
        int exit = process.waitFor();
        long clientCpu = childrenCpu() - clientBefore;
        long serverCpu = pid == null ? 0 : cpu(pid) - serverBefore;
        long postgresCpu = postgresCpu(data) - postgresBefore;
        Map<String, Long> result = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("wrk-result ")) {
                String[] words = line.substring(11).strip().split(" +");
                for (int i = 0; i + 1 < words.length; i += 2) {
                    result.put(words[i], Math.round(Double.parseDouble(words[i + 1])));
                }
            } else if (pid != null) {
                say("wrk: " + line);
            }
        }
        if (exit != 0 || !result.containsKey("requests")) {
            throw new IOException("wrk ended with " + exit + " and no result: " + String.join(" | ", lines));
        }
        long requests = Math.max(1, result.get("requests"));
        long errors = result.get("status_errors") + result.get("connect_errors") + result.get("read_errors")
                + result.get("write_errors") + result.get("timeouts");
        if (pid == null) {
            say("warm-up (wrk): " + requests + " requests, errors " + errors);
            return null;
        }
        double perSecond = requests / (result.get("duration_us") / 1e6);
        say(String.format(java.util.Locale.ROOT, "GET findings with wrk (page of 100 of %d), %d connections on %d threads,"
                + " %d s: %d requests (%.0f/s, %d bytes each on average), errors %d; latency p50 %.1f ms, p90 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms, mean %.1f ms", total, clients, threads, seconds, requests, perSecond,
                result.get("bytes") / requests, errors, result.get("p50_us") / 1e3, result.get("p90_us") / 1e3,
                result.get("p99_us") / 1e3, result.get("max_us") / 1e3, result.get("mean_us") / 1e3));
        String cpu = cpuPerRequest(serverCpu, postgresCpu, requests);
        say(String.format(java.util.Locale.ROOT, "CPU per GET findings (wrk): %s; wrk itself %.2f ms (user + system over"
                + " %d requests)", cpu, (double) clientCpu / requests, requests));
        say("server rss after the wrk read load: " + rss(pid));
        return new Read(String.format(java.util.Locale.ROOT, "%.1f", result.get("p99_us") / 1e3), cpu,
                String.format(java.util.Locale.ROOT, "load generator wrk (%d threads), %.0f requests/s, %.2f ms of its"
                        + " CPU per request", threads, perSecond, (double) clientCpu / requests));
    }

    private static String cpuPerRequest(long serverCpu, long postgresCpu, long requests) {
        return String.format(java.util.Locale.ROOT, "%.2f ms server + %.2f ms PostgreSQL", (double) serverCpu / requests,
                (double) postgresCpu / requests);
    }

    /**
     * {@code clients} threads reading pages of 100 findings for {@code seconds}; latencies from send to last byte.
     * Returns the p99 and the CPU per request (null during the warm-up).
     */
    private Read findings(String release, long total, int clients, int seconds, Long pid, String data) throws Exception {
        long serverBefore = pid == null ? 0 : cpu(pid);
        long postgresBefore = postgresCpu(data);
        long clientBefore = cpu(ProcessHandle.current().pid());
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
        long clientCpu = cpu(ProcessHandle.current().pid()) - clientBefore;
        String cpu = cpuPerRequest(serverCpu, postgresCpu, latencies.length);
        say(String.format(java.util.Locale.ROOT, "CPU per GET findings (Java loop): %s; the load loop's JVM %.2f ms"
                + " (user + system over %d requests)", cpu, (double) clientCpu / latencies.length, latencies.length));
        say("server rss after the read load: " + rss(pid));
        return new Read(micros(latencies, 0.99), cpu, String.format(java.util.Locale.ROOT,
                "load generator ServerLoad (Java HttpClient, %d threads), %d requests/s, %.2f ms of its CPU per request",
                clients, latencies.length / seconds, (double) clientCpu / latencies.length));
    }

    /** User + system CPU of this process's reaped children (wrk) in milliseconds, from /proc/self/stat. */
    static long childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
