package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.MonitorOptions;
import dev.tandem.server.OpenApiContract;
import dev.tandem.server.TestDatabase;
import dev.tandem.server.ExampleSnapshots;
import dev.tandem.server.TestServer;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.monitor.Cause;
import dev.tandem.server.portfolio.FindingsCache;
import dev.tandem.server.portfolio.Portfolio;
import dev.tandem.server.store.DatabaseSettings;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Organisations;
import dev.tandem.server.store.Role;
import dev.tandem.server.store.Tenant;
import dev.tandem.snapshot.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The findings pages held in memory (docs/server.md, "Findings pages in memory"): byte for byte the page
 * read from the database, read once per version, and never stale. Two server instances share one
 * database; instance A reads and holds, instance B makes every kind of change, and A must show it at
 * once: a new scan, a triage decision, a VEX upload, a KEV-only refresh rewriting findings in place, a
 * new latest release.
 */
class FindingsCacheTest {

    private static final String PRODUCT = "sc200-camera";
    private static final String RELEASE = "2.4.1";
    private static final String PAGE = "/api/v1/products/" + PRODUCT + "/findings?release=" + RELEASE + "&limit=1000";

    private static TestServer a;
    private static TestServer b;
    private static String key;

    @BeforeAll
    static void start() {
        DatabaseSettings database = TestDatabase.fresh("findings-cache");
        a = TestServer.start("cache-a", true, MonitorOptions.defaults(), database);
        b = TestServer.start("cache-b", false, MonitorOptions.defaults(), database);
        key = a.adminKey();
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    private static FindingsCache cacheOfA() {
        return a.server().services().portfolio().cache();
    }

    private static JsonNode page(TestServer server, String path) {
        TestServer.Response response = server.get(path, key);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/api/v1/products/{id}/findings", response);
        return response.json();
    }

    private static JsonNode item(JsonNode page, String vulnerability) {
        for (JsonNode item : page.get("items")) {
            if (item.get("vulnerabilityId").asText().equals(vulnerability)) {
                return item;
            }
        }
        throw new AssertionError("no finding " + vulnerability);
    }

    @Test
    void theHeldPageIsByteForByteTheDatabasesAndIsReadOncePerVersion() {
        Portfolio portfolio = a.server().services().portfolio();
        Tenant tenant = a.server().services().database().read(h -> new Organisations(h).find("default")).orElseThrow();
        Caller caller = new Caller(tenant, "key:test", Role.VIEWER, false);
        List<Findings.Filter> filters = List.of(new Findings.Filter(true, null, null, 0, 100),
                new Findings.Filter(true, null, null, 1, 2), new Findings.Filter(false, null, null, 0, 1000),
                new Findings.Filter(true, "high", null, 0, 100), new Findings.Filter(true, null, true, 0, 100),
                new Findings.Filter(true, null, false, 3, 5), new Findings.Filter(true, "critical", true, 0, 1),
                new Findings.Filter(true, null, null, 100_000, 10));
        for (String version : Arrays.asList(RELEASE, null)) {
            for (Findings.Filter filter : filters) {
                Portfolio.FindingPage held = portfolio.findings(caller, PRODUCT, version, filter);
                assertThat(held.json()).as("served from memory").isNotNull();
                Portfolio.FindingPage read = portfolio.findingsFromDatabase(caller, PRODUCT, version, filter);
                assertThat(read.json()).isNull();
                assertThat(new String(Views.findingPage(held), java.nio.charset.StandardCharsets.UTF_8))
                        .as("%s %s", version, filter)
                        .isEqualTo(new String(Views.findingPage(read), java.nio.charset.StandardCharsets.UTF_8));
                assertThat(held.total()).isEqualTo(read.total());
            }
        }
        long loads = cacheOfA().loads();
        byte[] first = a.get(PAGE, key).body();
        byte[] second = a.get(PAGE + "&offset=1", key).body();
        byte[] third = a.get(PAGE, key).body();
        assertThat(third).isEqualTo(first).isNotEqualTo(second);
        assertThat(cacheOfA().loads()).as("unchanged findings are not read again").isEqualTo(loads);
        assertThat(cacheOfA().bytes()).isPositive();
    }

    @Test
    void aTriageDecisionOnAnotherInstanceShowsAtOnce() {
        JsonNode before = page(a, PAGE);
        JsonNode first = before.get("items").get(0);
        String id = first.get("id").asText();
        assertThat(first.get("triage").isNull()).isTrue();
        TestServer.Response decided = b.json("PUT", "/api/v1/findings/" + id + "/triage?product=" + PRODUCT, key,
                "{\"state\": \"exploitable\", \"comment\": \"seen on instance B\"}");
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        JsonNode after = page(a, PAGE).get("items").get(0);
        assertThat(after.get("id").asText()).isEqualTo(id);
        assertThat(after.get("triage").get("state").asText()).isEqualTo("exploitable");
        assertThat(after.get("triage").get("comment").asText()).isEqualTo("seen on instance B");
        // A second change: the version only grows, the page follows every change.
        assertThat(b.json("PUT", "/api/v1/findings/" + id + "/triage?product=" + PRODUCT, key,
                "{\"state\": \"resolved\"}").status()).isEqualTo(200);
        assertThat(page(a, PAGE).get("items").get(0).get("triage").get("state").asText()).isEqualTo("resolved");
    }

    @Test
    void aNewScanAVexUploadAndANewReleaseOnAnotherInstanceShowAtOnce() throws Exception {
        String product = "cache-cam";
        assertThat(b.json("POST", "/api/v1/products", key, "{\"id\": \"" + product + "\", \"name\": \"Cache cam\"}")
                .status()).isEqualTo(201);
        byte[] firmware = TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json");
        assertThat(b.call("POST", "/api/v1/products/" + product + "/releases/1.0/sboms", key, "application/json", firmware)
                .status()).isEqualTo(201);
        String path = "/api/v1/products/" + product + "/findings?release=1.0&limit=1000";
        JsonNode before = page(a, path);
        long total = before.get("total").asLong();
        assertThat(item(before, "CVE-2024-32650").get("suppressed").asBoolean()).isFalse();

        // A second SBOM in the same release: the release is scanned again, its findings replaced.
        TestServer.Response second = b.call("POST", "/api/v1/products/" + product + "/releases/1.0/sboms", key,
                "application/vnd.cyclonedx+json", Files.readAllBytes(Path.of("../examples/sboms/proton-bridge-v1.8.0.cdx.json")));
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        JsonNode rescanned = page(a, path);
        assertThat(rescanned.get("total").asLong()).isEqualTo(second.json().get("summary").get("findings").asLong())
                .isGreaterThan(total);

        // A VEX statement suppresses a finding of every release of the product.
        String vex = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://supplier.example/vex/cache-1",
                 "author": "Supplier PSIRT", "timestamp": "2026-11-01T00:00:00Z", "version": 1,
                 "statements": [{"vulnerability": {"name": "CVE-2024-32650"},
                   "products": [{"@id": "pkg:cargo/rustls@0.21.7"}], "status": "not_affected",
                   "justification": "vulnerable_code_not_in_execute_path"}]}
                """;
        TestServer.Response uploaded = b.call("POST", "/api/v1/products/" + product + "/vex?name=cache.openvex.json", key,
                "application/json", vex.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(item(page(a, path), "CVE-2024-32650").get("suppressed").asBoolean()).isTrue();
        assertThat(page(a, path + "&suppressed=false").get("total").asLong())
                .isEqualTo(rescanned.get("total").asLong() - 1);

        // Without a version the page is the latest release's: a new release on B moves it.
        String latest = "/api/v1/products/" + product + "/findings";
        assertThat(page(a, latest).get("release").asText()).isEqualTo("1.0");
        assertThat(b.call("POST", "/api/v1/products/" + product + "/releases/2.0/sboms", key, "application/json", firmware)
                .status()).isEqualTo(201);
        JsonNode newest = page(a, latest);
        assertThat(newest.get("release").asText()).isEqualTo("2.0");
        assertThat(newest.get("total").asLong()).isEqualTo(total);
        assertThat(a.get("/api/v1/products/" + product + "/findings?release=3.0", key).status()).isEqualTo(404);
        assertThat(a.get("/api/v1/products/no-such/findings", key).status()).isEqualTo(404);
    }

    @Test
    void aKevOnlyRefreshRewritingFindingsInPlaceOnAnotherInstanceShowsAtOnce() throws Exception {
        JsonNode before = page(a, PAGE);
        String exploited = null;
        for (JsonNode item : before.get("items")) {
            for (JsonNode kev : item.get("exploitation")) {
                if (kev.get("catalog").asText().equals("cisa") && item.get("vulnerabilityId").asText().startsWith("CVE-")) {
                    exploited = item.get("vulnerabilityId").asText();
                }
            }
        }
        assertThat(exploited).as("the examples have a CISA KEV finding").isNotNull();
        byte[] cisa = Files.readAllBytes(Path.of("../examples/kev/cisa-known-exploited-vulnerabilities.json"));
        ObjectNode changed = (ObjectNode) TestServer.JSON.readTree(cisa);
        ArrayNode entries = (ArrayNode) changed.get("vulnerabilities");
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).get("cveID").asText().equals(exploited)) {
                entries.remove(i);
            }
        }
        changed.put("count", entries.size());
        byte[] next = ExampleSnapshots.build(TestServer.JSON.writeValueAsBytes(changed), null);
        Tenant operator = b.server().services().database().read(h -> new Organisations(h).find("default")).orElseThrow();
        var swap = b.server().services().snapshots().apply(operator, Snapshot.of("next", next), next,
                new Cause("feed.refresh", List.of("kev/cisa"), "test"), Map.of(), true);
        assertThat(swap.releasesUpdatedInPlace()).as("the refresh rewrote findings in place").isPositive();
        JsonNode after = item(page(a, PAGE), exploited);
        boolean stillCisa = false;
        for (JsonNode kev : after.get("exploitation")) {
            stillCisa |= kev.get("catalog").asText().equals("cisa");
        }
        assertThat(stillCisa).as("the CISA entry is gone from the page of instance A").isFalse();
    }

    @Test
    void theCacheHoldsAtMostItsBoundAndServesOnlyEntriesAtLeastAsNewAsAsked() {
        FindingsCache cache = new FindingsCache(10_000);
        List<Long> loaded = new ArrayList<>();
        FindingsCache.Entry small = entry(5, 3_000);
        assertThat(get(cache, 1, 5, () -> small, loaded)).isSameAs(small);
        assertThat(get(cache, 1, 5, () -> entry(1, 1), loaded)).as("held").isSameAs(small);
        assertThat(get(cache, 1, 4, () -> entry(1, 1), loaded)).as("newer than asked serves").isSameAs(small);
        FindingsCache.Entry newer = entry(6, 3_000);
        assertThat(get(cache, 1, 6, () -> newer, loaded)).as("older than asked is read again").isSameAs(newer);
        assertThat(cache.bytes()).isEqualTo(3_000);
        get(cache, 2, 1, () -> entry(1, 3_000), loaded);
        get(cache, 3, 1, () -> entry(1, 3_000), loaded);
        get(cache, 1, 6, () -> entry(6, 1), loaded); // release 1 used last: release 2 goes first
        get(cache, 4, 1, () -> entry(1, 3_000), loaded);
        assertThat(cache.bytes()).isLessThanOrEqualTo(10_000);
        assertThat(get(cache, 1, 6, () -> entry(6, 1), loaded)).as("still held").isSameAs(newer);
        int before = loaded.size();
        get(cache, 2, 1, () -> entry(1, 3_000), loaded);
        assertThat(loaded).as("release 2 was dropped and is read again").hasSize(before + 1);
        FindingsCache.Entry huge = entry(1, 20_000);
        assertThat(get(cache, 9, 1, () -> huge, loaded)).isSameAs(huge);
        assertThat(cache.bytes()).as("an entry larger than the bound is served, not held").isLessThanOrEqualTo(10_000);
        assertThat(get(cache, 9, 1, () -> entry(1, 1), loaded)).isNotSameAs(huge);
    }

    private static FindingsCache.Entry get(FindingsCache cache, long release, long version,
            java.util.function.Supplier<FindingsCache.Entry> load, List<Long> loaded) {
        return cache.get( release, version, () -> {
            loaded.add(release);
            return load.get();
        });
    }

    private static FindingsCache.Entry entry(long version, long bytes) {
        return new FindingsCache.Entry(version, null, null, List.of(), Map.of(), bytes);
    }

}
