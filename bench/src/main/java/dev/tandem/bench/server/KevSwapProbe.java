package dev.tandem.bench.server;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.OsvReader;
import dev.tandem.bench.corpus.CorpusModel;
import dev.tandem.bench.corpus.SbomGenerator;
import dev.tandem.input.InputDocument;
import dev.tandem.match.PortfolioImpact;
import dev.tandem.match.PortfolioIndex;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import dev.tandem.server.ServerOptions;
import dev.tandem.server.TandemServer;
import dev.tandem.server.monitor.Cause;
import dev.tandem.server.portfolio.SnapshotSwap;
import dev.tandem.server.portfolio.SwapPhases;
import dev.tandem.server.store.Organisations;
import dev.tandem.server.store.Tenant;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.DbBuildRequest;
import dev.tandem.usecase.scan.DbBuildResult;
import dev.tandem.usecase.scan.DbBuildUseCase;
import dev.tandem.usecase.scan.KevInput;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's target on the server's own path: a new KEV entry flagged on every affected release of
 * a 1,000-product portfolio held in PostgreSQL. Starts the server in-process (embedded PostgreSQL,
 * a fresh data folder), uploads 1,000 generated SBOMs through the API, installs a snapshot without
 * KEV, then swaps in the same advisories with one KEV entry the way a refresh in which only KEV
 * changed does (only the releases with findings of that vulnerability touched, their findings
 * updated in place), and for
 * comparison a second KEV entry with every release re-scanned (what a changed advisory feed does).
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* dev.tandem.bench.server.KevSwapProbe [advisories] [components]</pre>
 */
public final class KevSwapProbe {

    private static final Instant BUILT = Instant.parse("2026-12-06T00:00:00Z");

    private KevSwapProbe() {
    }

    public static void main(String[] args) throws Exception {
        int advisories = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int components = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int products = 1_000;
        CorpusModel model = new CorpusModel(1, advisories);
        SbomGenerator generator = new SbomGenerator(model);
        List<InputDocument> osv = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            osv.add(new InputDocument("osv/" + i + ".json", model.osvJson(i)));
        }
        List<byte[]> sboms = new ArrayList<>();
        List<Sbom> parsed = new ArrayList<>();
        for (int n = 0; n < products; n++) {
            sboms.add(generator.sbom(n, components, 0.02));
            parsed.add(SbomReaders.read("product-" + n + ".cdx.json", sboms.get(n)));
        }
        // The KEV entries: the CVEs of the two advisories that reach the most products.
        PortfolioIndex index = PortfolioIndex.build(parsed);
        List<String[]> ranked = new ArrayList<>();
        for (int i = 0; i < model.size(); i += Math.max(1, model.size() / 5_000)) {
            Advisory advisory = OsvReader.parse("x.json", new String(model.osvJson(i), StandardCharsets.UTF_8));
            String cve = advisory.aliases().stream().filter(a -> a.startsWith("CVE-")).findFirst().orElse(null);
            if (cve != null) {
                PortfolioImpact impact = index.affectedBy(advisory);
                ranked.add(new String[] {cve, String.valueOf(impact.affected().stream().map(h -> h.sbomIndex()).distinct().count())});
            }
        }
        ranked.sort((a, b) -> Integer.parseInt(b[1]) - Integer.parseInt(a[1]));
        String first = ranked.get(0)[0];
        String second = ranked.get(1)[0];
        byte[] none = build(osv, List.of());
        byte[] one = build(osv, List.of(first));
        byte[] two = build(osv, List.of(first, second));

        // The portfolio's database, uploaded once into a prepared folder (when one is given) and copied for each
        // run: the swaps below change it, the uploads take minutes, and the copy takes seconds.
        Path prepared = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
        String recipe = advisories + " advisories, " + components + " components, " + products + " products, seed 1";
        double uploads;
        Path data = Files.createTempDirectory("tandem-kev-swap");
        if (prepared == null) {
            uploads = upload(data, none, sboms);
        } else {
            Path ready = prepared.resolve(READY);
            if (Files.isRegularFile(ready) && Files.readString(ready).startsWith(recipe + "\n")) {
                uploads = Double.parseDouble(Files.readString(ready).lines().skip(1).findFirst().orElseThrow());
                System.out.printf(Locale.ROOT, "reusing the prepared database %s (%s)%n", prepared, recipe);
            } else {
                delete(prepared);
                Files.createDirectories(prepared);
                uploads = upload(prepared, none, sboms);
                Files.writeString(ready, recipe + "\n" + uploads + "\n");
            }
            long copyStart = System.nanoTime();
            copy(prepared, data);
            System.out.printf(Locale.ROOT, "prepared database copied in %.1f s%n", (System.nanoTime() - copyStart) / 1e9);
        }
        TandemServer server = TandemServer.start(ServerOptions.embedded("127.0.0.1", 0, data));
        try {
            SnapshotSwap swap = server.services().snapshots();
            Tenant operator = server.services().database().read(h -> new Organisations(h).find("default")).orElseThrow();
            // A running server holds its current snapshot in memory (its scans use it): so does this one before the swaps.
            server.services().database().read(h -> server.services().advisories().lockCurrent(h));
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long[] sizes = server.services().database().read(h -> h.createQuery("select count(*),"
                    + " coalesce(sum(length(item::text)), 0) from findings").map((rs, ctx) -> new long[] {rs.getLong(1),
                    rs.getLong(2)}).one());
            System.out.printf(Locale.ROOT, "stored findings: %,d (%,d bytes of items) in %d releases%n", sizes[0], sizes[1],
                    products);

            // How much of the swap is reading and verifying the new snapshot (Snapshot.of, inside the timed swap below).
            long v = System.nanoTime();
            Snapshot.of("verify", one);
            double verifySeconds = (System.nanoTime() - v) / 1e9;
            double[] cpuBefore = cpu(data);
            long t = System.nanoTime();
            SnapshotSwap.Swap kevOnly = swap.apply(operator, Snapshot.of("one", one), one,
                    new Cause("feed.refresh", List.of("kev/cisa"), "bench"), Map.of(), true);
            double kevSeconds = (System.nanoTime() - t) / 1e9;
            double[] cpuAfter = cpu(data);
            long flagged = server.services().database().read(h -> h.createQuery(
                    "select count(distinct release_id) from finding_changes where change = 'kev-added'")
                    .mapTo(Long.class).one());
            long touchedFindings = server.services().database().read(h -> h.createQuery(
                    "select count(*) from findings where release_id in (select release_id from finding_changes"
                    + " where change = 'kev-added')").mapTo(Long.class).one());

            t = System.nanoTime();
            SnapshotSwap.Swap everything = swap.apply(operator, Snapshot.of("two", two), two,
                    new Cause("feed.refresh", List.of("osv/npm"), "bench"), Map.of(), false);
            double fullSeconds = (System.nanoTime() - t) / 1e9;

            System.out.printf(Locale.ROOT, "portfolio: %d products, %d components each (2%% drawn vulnerable), %,d advisories;"
                    + " uploads %.1f s%n", products, components, advisories, uploads);
            System.out.printf(Locale.ROOT, "KEV entry %s: reaches %s products by the reverse index%n", first, ranked.get(0)[1]);
            System.out.printf(Locale.ROOT, "KEV-only swap: %d releases brought up to date, %d of them in place (not"
                    + " re-scanned), %d releases flagged kev-added, %.3f s%n",
                    kevOnly.releasesRescanned(), kevOnly.releasesUpdatedInPlace(), flagged, kevSeconds);
            for (SwapPhases.Phase phase : kevOnly.phases()) {
                System.out.printf(Locale.ROOT, "  KEV-only swap, %s: %.3f s%n", phase.name(), phase.nanos() / 1e9);
            }
            System.out.printf(Locale.ROOT, "KEV-only swap, CPU: %.3f s in this JVM (every thread), %.2f s in PostgreSQL's"
                    + " processes (10 ms ticks)%n", cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1]);
            System.out.printf(Locale.ROOT, "the touched releases hold %,d findings%n", touchedFindings);
            System.out.printf(Locale.ROOT, "of which reading and verifying the snapshot (Snapshot.of, %,d bytes): %.3f s%n",
                    one.length, verifySeconds);
            System.out.printf(Locale.ROOT, "full swap (every release re-scanned): %d releases, %.3f s%n",
                    everything.releasesRescanned(), fullSeconds);
            for (SwapPhases.Phase phase : everything.phases()) {
                System.out.printf(Locale.ROOT, "  full swap, %s: %.3f s%n", phase.name(), phase.nanos() / 1e9);
            }
            System.out.printf(Locale.ROOT, "load average %.1f before the swaps, %.1f after; %d cores%n", load,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            server.close();
            delete(data);
        }
    }

    /**
     * CPU seconds used so far: by this JVM, and by the embedded PostgreSQL (the postmaster and its
     * backends, from /proc; the pooled connections' backends live as long as the server).
     */
    private static double[] cpu(Path data) throws java.io.IOException {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (!process.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(process.getFileName().toString());
                    // fields[1] is the parent pid, [11] and [12] utime and stime (fields 4, 14 and 15 of stat)
                    if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        }
        return new double[] {jvm, ticks / 100.0};
    }

    private static final String READY = "kev-swap-probe.ready";

    /**
     * Starts the server on {@code data}, installs the snapshot without KEV, uploads the portfolio through
     * the API with a few parallel clients, and stops the server; returns the upload time in seconds.
     */
    private static double upload(Path data, byte[] none, List<byte[]> sboms) throws Exception {
        TandemServer server = TandemServer.start(ServerOptions.embedded("127.0.0.1", 0, data));
        try {
            String key = Files.readString(server.firstStart().orElseThrow().keyFile()).strip();
            Tenant operator = server.services().database().read(h -> new Organisations(h).find("default")).orElseThrow();
            server.services().snapshots().apply(operator, Snapshot.of("none", none), none,
                    Cause.of("advisories.replace", "bench"), Map.of());
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            long uploadStart = System.nanoTime();
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int i = 0; i < sboms.size(); i++) {
                    int n = i;
                    done.add(clients.submit(() -> {
                        send(http, base + "/api/v1/products", key, "application/json",
                                ("{\"name\": \"product " + n + "\"}").getBytes(StandardCharsets.UTF_8), 201);
                        send(http, base + "/api/v1/products/product-" + n + "/releases/1.0/sboms", key,
                                "application/vnd.cyclonedx+json", sboms.get(n), 201);
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
            } finally {
                clients.shutdown();
            }
            double seconds = (System.nanoTime() - uploadStart) / 1e9;
            System.out.printf(Locale.ROOT, "uploaded %d products with %d clients in %.1f s%n", sboms.size(), CLIENTS, seconds);
            return seconds;
        } finally {
            server.close();
        }
    }

    /** Parallel API clients for the uploads (the server scans each SBOM; two cores keep two busy). */
    private static final int CLIENTS = 4;

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (path.equals(from)) {
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(from));
                } else if (Files.isDirectory(path)) {
                    // PostgreSQL refuses a data directory others may read: the permissions come along.
                    Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                } else if (!path.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static byte[] build(List<InputDocument> osv, List<String> cves) throws Exception {
        StringBuilder kev = new StringBuilder("{\"title\": \"bench\", \"catalogVersion\": \"2026.12.06\", \"dateReleased\":"
                + " \"2026-12-06T00:00:00Z\", \"count\": " + cves.size() + ", \"vulnerabilities\": [");
        for (int i = 0; i < cves.size(); i++) {
            kev.append(i == 0 ? "" : ",").append("{\"cveID\": \"").append(cves.get(i)).append("\", \"vendorProject\": \"v\","
                    + " \"product\": \"p\", \"vulnerabilityName\": \"n\", \"dateAdded\": \"2026-12-06\", \"shortDescription\":"
                    + " \"d\", \"requiredAction\": \"a\", \"dueDate\": \"2026-12-27\", \"knownRansomwareCampaignUse\":"
                    + " \"Unknown\", \"notes\": \"\"}");
        }
        kev.append("]}");
        DbBuildResult result = new DbBuildUseCase("bench").run(new DbBuildRequest(new AdvisoryInput.Documents(osv, false),
                List.of(KevInput.of(new InputDocument("kev.json", kev.toString().getBytes(StandardCharsets.UTF_8)))),
                BUILT, null, null));
        byte[] bytes = new byte[(int) result.size()];
        result.snapshot().get(bytes);
        return bytes;
    }

    private static void send(HttpClient http, String url, String key, String type, byte[] body, int expected)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + key).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
