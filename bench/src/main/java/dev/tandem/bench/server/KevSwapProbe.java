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

        Path data = Files.createTempDirectory("tandem-kev-swap");
        TandemServer server = TandemServer.start(ServerOptions.embedded("127.0.0.1", 0, data));
        try {
            String key = Files.readString(server.firstStart().orElseThrow().keyFile()).strip();
            SnapshotSwap swap = server.services().snapshots();
            Tenant operator = server.services().database().read(h -> new Organisations(h).find("default")).orElseThrow();
            swap.apply(operator, Snapshot.of("none", none), none, Cause.of("advisories.replace", "bench"), Map.of());
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            long uploadStart = System.nanoTime();
            for (int n = 0; n < products; n++) {
                send(http, base + "/api/v1/products", key, "application/json",
                        ("{\"name\": \"product " + n + "\"}").getBytes(StandardCharsets.UTF_8), 201);
                send(http, base + "/api/v1/products/product-" + n + "/releases/1.0/sboms", key,
                        "application/vnd.cyclonedx+json", sboms.get(n), 201);
            }
            double uploads = (System.nanoTime() - uploadStart) / 1e9;
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            // How much of the swap is reading and verifying the new snapshot (Snapshot.of, inside the timed swap below).
            long v = System.nanoTime();
            Snapshot.of("verify", one);
            double verifySeconds = (System.nanoTime() - v) / 1e9;
            long t = System.nanoTime();
            SnapshotSwap.Swap kevOnly = swap.apply(operator, Snapshot.of("one", one), one,
                    new Cause("feed.refresh", List.of("kev/cisa"), "bench"), Map.of(), true);
            double kevSeconds = (System.nanoTime() - t) / 1e9;
            long flagged = server.services().database().read(h -> h.createQuery(
                    "select count(distinct release_id) from finding_changes where change = 'kev-added'")
                    .mapTo(Long.class).one());

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
            System.out.printf(Locale.ROOT, "of which reading and verifying the snapshot (Snapshot.of, %,d bytes): %.3f s%n",
                    one.length, verifySeconds);
            System.out.printf(Locale.ROOT, "full swap (every release re-scanned): %d releases, %.3f s%n",
                    everything.releasesRescanned(), fullSeconds);
            System.out.printf(Locale.ROOT, "load average %.1f before the swaps, %.1f after; %d cores%n", load,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            server.close();
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
