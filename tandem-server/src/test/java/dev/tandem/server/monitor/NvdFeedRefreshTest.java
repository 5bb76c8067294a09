package dev.tandem.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.FeedServer;
import dev.tandem.server.MonitorOptions;
import dev.tandem.server.TestDatabase;
import dev.tandem.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The NVD's yearly CVE feed through the server's refresh: served on loopback as the NVD lays it out
 * ({@code nvdcve-2.0-<year>.json.gz} and its {@code .meta}), refreshed on demand, and a stored release
 * whose SBOM names its firmware by CPE gains the CPE-matched finding, caused by the NVD feed. The
 * record is the real CVE-2023-1389 (TP-Link Archer AX21; NVD data).
 */
class NvdFeedRefreshTest {

    @Test
    void aCpeMatchedFindingAppearsOnAStoredReleaseWhenTheNvdFeedArrives() throws Exception {
        FeedServer feeds = FeedServer.start();
        // Until the NVD publishes the record, its 2023 feed is empty.
        publish(feeds, "{\"resultsPerPage\":0,\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"vulnerabilities\":[]}");
        Path feedsFile = feeds.feedsFile("nvd:\n  url: " + feeds.url("/nvd/") + "\n  years: [2023]\n");
        MonitorOptions monitor = MonitorOptions.defaults().withFeeds(feedsFile)
                .withIntervals(Duration.ofHours(6), Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(2));
        try (TestServer server = TestServer.start("nvd-feed", false, monitor, TestDatabase.fresh("nvd-feed"))) {
            String key = server.adminKey();
            await(() -> outcomes(server, key).contains("changed"), "the first refresh", server, key);

            assertThat(server.json("POST", "/api/v1/products", key, "{\"name\": \"Archer AX21\"}").status()).isEqualTo(201);
            TestServer.Response upload = server.call("POST", "/api/v1/products/archer-ax21/releases/1.1.3/sboms", key,
                    "application/vnd.cyclonedx+json", resource("nvd/device.cdx.json"));
            assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
            assertThat(findings(server, key)).as("no NVD record yet").isEmpty();

            String record = new String(resource("nvd/CVE-2023-1389.json"), StandardCharsets.UTF_8);
            publish(feeds, "{\"resultsPerPage\":1,\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"vulnerabilities\":[{\"cve\":"
                    + record + "}]}");
            assertThat(server.json("POST", "/api/v1/feeds/refresh", key, null).status()).isEqualTo(202);
            await(() -> !findings(server, key).isEmpty(), "the CPE-matched finding", server, key);

            List<JsonNode> found = findings(server, key);
            assertThat(found).extracting(f -> f.get("vulnerabilityId").asText()).contains("CVE-2023-1389");
            JsonNode finding = found.stream().filter(f -> f.get("vulnerabilityId").asText().equals("CVE-2023-1389"))
                    .findFirst().orElseThrow();
            assertThat(finding.get("matchedBy").asText()).as(finding.toString()).isEqualTo("cpe");
            assertThat(finding.get("cpe").get("cpe").asText()).as("matched on the firmware's CPE")
                    .isEqualTo("cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*");

            JsonNode change = server.get("/api/v1/changes", key).json().get("items").get(0);
            assertThat(change.get("vulnerabilityId").asText()).isEqualTo("CVE-2023-1389");
            assertThat(change.get("change").asText()).isEqualTo("gained");
            assertThat(change.get("cause").get("kind").asText()).isEqualTo("feed.refresh");
            assertThat(change.get("cause").get("feeds")).extracting(JsonNode::asText).contains("nvd/2023");
        } finally {
            feeds.close();
        }
    }

    private static void publish(FeedServer feeds, String json) throws Exception {
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        byte[] gz = out.toByteArray();
        String meta = "lastModifiedDate:2026-12-06T03:00:01-05:00\r\nsize:" + content.length + "\r\nzipSize:0\r\ngzSize:"
                + gz.length + "\r\nsha256:" + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content)) + "\r\n";
        feeds.publish("/nvd/nvdcve-2.0-2023.json.gz", gz);
        feeds.publish("/nvd/nvdcve-2.0-2023.meta", meta.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> findings(TestServer server, String key) {
        TestServer.Response response = server.get("/api/v1/products/archer-ax21/findings?release=1.1.3", key);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static List<String> outcomes(TestServer server, String key) {
        List<String> outcomes = new ArrayList<>();
        server.get("/api/v1/feeds", key).json().get("refreshes").forEach(r -> outcomes.add(r.path("outcome").asText()));
        return outcomes;
    }

    private static void await(BooleanSupplier condition, String what, TestServer server, String key)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; refreshes: "
                + server.get("/api/v1/feeds", key).text());
    }

    private static byte[] resource(String name) {
        return FeedServer.fixture(name);
    }
}
