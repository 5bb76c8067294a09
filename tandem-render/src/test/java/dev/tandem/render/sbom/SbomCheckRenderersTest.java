package dev.tandem.render.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.render.TextRenderer;
import dev.tandem.sbom.quality.QualityReport;
import dev.tandem.usecase.sbom.SbomCheckResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SBOM check's renderers draw a result built by hand: they compute nothing and read no file. */
class SbomCheckRenderersTest {

    private static final CatalogFingerprint CATALOG = new CatalogFingerprint("2026.12.0", "ab".repeat(32), "/srv/catalog");
    private static final SbomCheckResult RESULT = new SbomCheckResult(new QualityReport("upload.json", "ntia",
            "NTIA Minimum Elements", 2, false,
            List.of(new QualityReport.FieldResult("supplier", "component", "required", "Supplier name", 1, 2, 0.5, true, "NTIA"),
                    new QualityReport.FieldResult("timestamp", "sbom", "required", "Timestamp", 0, 1, 0.0, false, null)),
            List.of(new QualityReport.Violation("supplier", "component", "Supplier name: missing on 1 of 2 components",
                    List.of("pkg:npm/b@1")))),
            "CycloneDX JSON 1.6", CATALOG, Instant.parse("2026-12-01T00:00:00Z"), List.of());

    @Test
    void theRegistryKeepsTodaysNamesAndDefault() {
        assertThat(SbomCheckFormats.CHECK.names()).containsExactly("table", "json", "html");
        assertThat(SbomCheckFormats.CHECK.defaultName()).isEqualTo("table");
        assertThat(SbomCheckFormats.CHECK.find("JSON").orElseThrow().mediaType()).isEqualTo("application/json");
    }

    @Test
    void theTableEndsWithTheCatalog() {
        String table = ((TextRenderer<SbomCheckResult>) SbomCheckFormats.CHECK.find("table").orElseThrow()).text(RESULT);
        assertThat(table).startsWith("upload.json against NTIA Minimum Elements: BELOW THE PROFILE (2 components)")
                .contains("component  supplier             yes           50.0%  Supplier name")
                .contains("sbom       timestamp            yes         unknown  Timestamp")
                .contains("  component supplier: Supplier name: missing on 1 of 2 components; e.g. pkg:npm/b@1")
                .endsWith("Catalog: 2026.12.0 (sha256:abababababab, /srv/catalog)" + System.lineSeparator());
    }

    @Test
    void theJsonNamesEveryFieldAndTheCatalog() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new SbomCheckJsonRenderer().text(RESULT));
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("fields").get(0).get("coverage").asDouble()).isEqualTo(0.5);
        assertThat(json.get("fields").get(1).has("source")).as("a field without a source leaves it out").isFalse();
        assertThat(json.get("violations").get(0).get("examples")).hasSize(1);
        assertThat(json.get("catalog").get("sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(json.get("catalog").get("origin").asText()).isEqualTo("/srv/catalog");
    }
}
