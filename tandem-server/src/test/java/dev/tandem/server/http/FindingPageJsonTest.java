package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.portfolio.Portfolio;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Tenant;
import dev.tandem.server.store.TriageDecisions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The findings page is written from the stored item text without parsing it: the document must be
 * exactly the one built member by member ({@link Views#finding}), triage included, escapes intact.
 */
class FindingPageJsonTest {

    private static final Tenant TENANT = new Tenant(1, "default");
    private static final Products.Product PRODUCT = new Products.Product(7, TENANT, "cam", "Cam", "", Instant.EPOCH, "x");
    private static final Products.Release RELEASE = new Products.Release(9, 7, "1.0 \"beta\"", Instant.EPOCH);

    @Test
    void theStreamedPageEqualsTheBuiltOne() throws Exception {
        String first = "{\"id\":\"f1\",\"vulnerabilityId\":\"CVE-1\",\"summary\":\"quote \\\" backslash \\\\ tab \\t é\","
                + "\"cvss\":9.80,\"aliases\":[],\"nested\":{\"a\":[1,2,{\"b\":null}]},\"release\":\"1.0\"}";
        String second = " {\"id\":\"f2\",\"vulnerabilityId\":\"GHSA-x\"} ";
        TriageDecisions.Decision decision = new TriageDecisions.Decision(7, "f2", "GHSA-x", "not_affected",
                "code_not_reachable", List.of("will_not_fix"), "checked \"twice\"", "alice", Instant.parse("2026-01-02T03:04:05Z"),
                "1.0");
        Portfolio.FindingPage page = new Portfolio.FindingPage(PRODUCT, RELEASE, 2991, 100, 2,
                List.of(new Findings.Stored("cam", 7, 9, RELEASE.version(), "f1", first),
                        new Findings.Stored("cam", 7, 9, RELEASE.version(), "f2", second)),
                Map.of("f2", decision));

        JsonNode streamed = Views.JSON.readTree(Views.findingPage(page));

        ObjectNode built = Views.JSON.createObjectNode();
        built.put("product", "cam");
        built.put("release", RELEASE.version());
        built.put("total", 2991);
        built.put("offset", 100);
        built.put("limit", 2);
        built.putArray("items")
                .add(Views.finding(page.items().get(0), Optional.empty()))
                .add(Views.finding(page.items().get(1), Optional.of(decision)));
        assertThat(streamed).isEqualTo(built);
        assertThat(streamed.get("items").get(0).get("triage").isNull()).isTrue();
        assertThat(streamed.get("items").get(1).get("triage").get("comment").asText()).isEqualTo("checked \"twice\"");
        assertThat(Views.JSON.readTree(Views.findingPage(page)).fieldNames()).toIterable()
                .containsExactly("product", "release", "total", "offset", "limit", "items");
    }

    @Test
    void theHeldPageIsByteForByteTheGeneratorsWhateverTheNamesHold() {
        for (String version : List.of("1.0", "1.0 \"beta\"", "back\\slash", "</script>", "ünïcødé ✓ 𝄞", "tab\there", "")) {
            Products.Release release = new Products.Release(9, 7, version, Instant.EPOCH);
            List<Findings.Stored> items = List.of(new Findings.Stored("cam", 7, 9, version, "f1", "{\"id\":\"f1\"}"),
                    new Findings.Stored("cam", 7, 9, version, "f2", "{\"id\":\"f2\",\"s\":\"é\"}"));
            Portfolio.FindingPage written = new Portfolio.FindingPage(PRODUCT, release, 12, 3, 2, items, Map.of());
            Portfolio.FindingPage held = new Portfolio.FindingPage(PRODUCT, release, 12, 3, 2, items, Map.of(),
                    items.stream().map(i -> dev.tandem.server.portfolio.FindingJson.item(i.item(), null)).toList(), 1);
            assertThat(new String(Views.findingPage(held), java.nio.charset.StandardCharsets.UTF_8)).as(version)
                    .isEqualTo(new String(Views.findingPage(written), java.nio.charset.StandardCharsets.UTF_8));
            Portfolio.FindingPage empty = new Portfolio.FindingPage(PRODUCT, release, 0, 0, 2, List.of(), Map.of(),
                    List.of(), 1);
            assertThat(Views.findingPage(empty)).isEqualTo(Views.findingPage(
                    new Portfolio.FindingPage(PRODUCT, release, 0, 0, 2, List.of(), Map.of())));
        }
    }

    @Test
    void anEmptyItemAndABrokenOneAreHandled() throws Exception {
        assertThat(Views.JSON.readTree(Views.withTriage("{}", "null"))).isEqualTo(Views.JSON.readTree("{\"triage\":null}"));
        assertThatThrownBy(() -> Views.withTriage("[1]", "null")).isInstanceOf(IllegalStateException.class);
    }
}
