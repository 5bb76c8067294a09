package dev.tandem.render.pqc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.pqc.plan.PlanScope;
import dev.tandem.pqc.plan.PqcReport;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.pqc.PqcPlanResult;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's renderers draw a result built by hand, each format ending with the catalog it was computed from. */
class PqcRenderersTest {

    private static final CatalogFingerprint CATALOG = new CatalogFingerprint("2026.12.0", "0f".repeat(32), "bundled");
    private static final PqcPlanResult EMPTY = new PqcPlanResult(new PqcReport(PlanScope.DEFAULT, List.of(), List.of(), List.of()),
            CATALOG, LocalDate.of(2026, 12, 1), List.of());
    private static final String LABEL = "2026.12.0 (sha256:0f0f0f0f0f0f, bundled)";

    @Test
    void theRegistryKeepsTodaysNamesAndDefault() {
        assertThat(PqcFormats.PLAN.names()).containsExactly("table", "json", "md", "html");
        assertThat(PqcFormats.PLAN.defaultName()).isEqualTo("table");
        assertThat(PqcFormats.PLAN.names()).extracting(n -> PqcFormats.PLAN.find(n).orElseThrow().mediaType())
                .containsExactly("text/plain", "application/json", "text/markdown", "text/html");
    }

    @Test
    void everyFormatNamesTheCatalog() throws Exception {
        String eol = System.lineSeparator();
        assertThat(text("table")).endsWith(eol + "Catalog: " + LABEL + eol);
        assertThat(text("md")).endsWith(eol + "_Catalog: " + LABEL + "_" + eol);
        assertThat(text("html")).contains("from catalog " + LABEL + ".").contains("<code class=\"hash\">" + "0f".repeat(32) + "</code>");
        JsonNode json = new ObjectMapper().readTree(text("json"));
        assertThat(json.get("tool").asText()).isEqualTo("tandem pqc");
        assertThat(json.get("assets")).isEmpty();
        assertThat(json.get("catalog").get("version").asText()).isEqualTo("2026.12.0");
        assertThat(json.get("catalog").get("sha256").asText()).isEqualTo("0f".repeat(32));
        assertThat(json.get("catalog").get("origin").asText()).isEqualTo("bundled");
    }

    private static String text(String format) {
        return ((TextRenderer<PqcPlanResult>) PqcFormats.PLAN.find(format).orElseThrow()).text(EMPTY);
    }
}
