package dev.tandem.cli.pqc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CatalogCopy;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON of {@code tandem pqc} against docs/schemas/pqc.schema.json, and the plan made from another catalog. */
class PqcContractTest {

    private static final String SCHEMA = "pqc.schema.json";
    private static final String CAMERA = "../examples/cbom/smart-camera-cbom.json";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"Algorithm_bom.json", "Certificate_bom.json", "Example-With-Dependencies_bom.json", "Key_bom.json",
            "Post-Quantum-Migration_bom.json", "Protocol_bom.json", "router-sbom.spdx.json", "smart-camera-cbom.json"})
    void everyBundledExampleMatchesTheSchema(String example) {
        CliRun run = CliRun.of("pqc", "--sbom", "../examples/cbom/" + example, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        PublishedSchemas.assertValid(SCHEMA, run.out());
    }

    /** The schema is a contract, not a formality: an output without its catalog, or with a field renamed, fails it. */
    @Test
    void theSchemaRefusesAnOutputThatBreaksTheContract() {
        String json = CliRun.of("pqc", "--sbom", CAMERA, "--format", "json").out();
        com.fasterxml.jackson.databind.node.ObjectNode withoutCatalog = (com.fasterxml.jackson.databind.node.ObjectNode)
                CliRun.of("pqc", "--sbom", CAMERA, "--format", "json").json();
        withoutCatalog.remove("catalog");
        assertThatThrownBy(() -> PublishedSchemas.assertValid(SCHEMA, withoutCatalog)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> PublishedSchemas.assertValid(SCHEMA, json.replace("\"deadline\" :", "\"due\" :")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void allExamplesTogetherAndOtherScopesMatchTheSchema() throws IOException {
        List<String> args = new ArrayList<>(List.of("pqc", "--format", "json", "--sbom"));
        try (var files = Files.list(Path.of("../examples/cbom"))) {
            files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> args.add(f.toString()));
        }
        CliRun all = CliRun.of(args.toArray(String[]::new));
        assertThat(all.exitCode()).as(all.err()).isZero();
        PublishedSchemas.assertValid(SCHEMA, all.out());
        CliRun nss = CliRun.of("pqc", "--sbom", CAMERA, "--market", "us", "--sector", "nss-networking,energy", "--format", "json");
        PublishedSchemas.assertValid(SCHEMA, nss.out());
        CliRun sbom = CliRun.of("pqc", "--sbom", "../examples/sboms/proton-bridge-v1.8.0.cdx.json", "--format", "json");
        PublishedSchemas.assertValid(SCHEMA, sbom.out());
        assertThat(sbom.json().get("assets")).allSatisfy(a -> assertThat(a.has("evidenceNote")).isTrue());
    }

    @Test
    void aProductWithNothingClassifiedMatchesTheSchema() throws IOException {
        Path sbom = Files.writeString(dir.resolve("plain.cdx.json"), """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"left-pad","version":"1"}]}
                """);
        CliRun run = CliRun.of("pqc", "--sbom", sbom.toString(), "--format", "json");
        PublishedSchemas.assertValid(SCHEMA, run.out());
        assertThat(run.json().get("products").get(0).get("readiness").isNull()).isTrue();
        assertThat(run.json().get("products").get(0).get("name").asText()).isEqualTo("plain.cdx.json");
    }

    @Test
    void aReviewedMilestoneDateInACopiedCatalogChangesThePlanAndTheFingerprint() {
        Path catalog = CatalogCopy.into(dir.resolve("catalog"));
        CatalogCopy.edit(catalog, "pqc/milestones.yaml", "    market: eu\n    date: 2026-12-31\n", "    market: eu\n    date: 2027-06-30\n");
        JsonNode bundled = CliRun.of("pqc", "--sbom", CAMERA, "--format", "json").json();
        CliRun run = CliRun.of("pqc", "--sbom", CAMERA, "--format", "json", "--catalog", catalog.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        PublishedSchemas.assertValid(SCHEMA, run.out());
        JsonNode edited = run.json();
        assertThat(bundled.get("products").get(0).get("milestones").get(0).get("date").asText()).isEqualTo("2026-12-31");
        assertThat(edited.get("products").get(0).get("milestones").get(0).get("date").asText()).isEqualTo("2027-06-30");
        assertThat(edited.get("catalog").get("origin").asText()).isEqualTo(catalog.toAbsolutePath().normalize().toString());
        assertThat(edited.get("catalog").get("sha256").asText()).isNotEqualTo(bundled.get("catalog").get("sha256").asText());

        String label = edited.get("catalog").get("version").asText() + " (sha256:" + edited.get("catalog").get("sha256").asText().substring(0, 12) + ", "
                + edited.get("catalog").get("origin").asText() + ")";
        String eol = System.lineSeparator();
        assertThat(CliRun.of("pqc", "--sbom", CAMERA, "--catalog", catalog.toString()).out()).endsWith("Catalog: " + label + eol)
                .contains("2027-06-30  [eu] EU roadmap");
        assertThat(CliRun.of("pqc", "--sbom", CAMERA, "--catalog", catalog.toString(), "--format", "md").out())
                .endsWith("_Catalog: " + label + "_" + eol);
        assertThat(CliRun.of("pqc", "--sbom", CAMERA, "--catalog", catalog.toString(), "--format", "html").out())
                .contains("from catalog " + dev.tandem.render.markup.Html.escape(label) + ".");
    }

    @Test
    void aBrokenOrMissingCatalogIsBadInputNamingTheFileAndPosition() {
        Path catalog = CatalogCopy.into(dir.resolve("catalog"));
        CatalogCopy.edit(catalog, "pqc/milestones.yaml", "    market: eu\n    date: 2026-12-31\n", "    market: eu\n    date: [2026-12-31\n");
        CliRun broken = CliRun.of("pqc", "--sbom", CAMERA, "--catalog", catalog.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.out()).isEmpty();
        assertThat(broken.err()).startsWith("tandem: " + catalog.toAbsolutePath().normalize().resolve("pqc/milestones.yaml")
                + ": line ").doesNotContain("\tat ");

        CliRun missing = CliRun.of("pqc", "--sbom", CAMERA, "--catalog", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such catalog folder");
    }
}
