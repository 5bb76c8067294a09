package dev.tandem.cli.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CatalogCopy;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON of {@code tandem sbom check} against docs/schemas/sbom-check.schema.json, and the check run on another catalog. */
class SbomCheckContractTest {

    private static final String SCHEMA = "sbom-check.schema.json";
    private static final String CAMERA = "../examples/products/smart-camera.cdx.json";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "../examples/products/smart-camera.cdx.json, tr-03183-2, 1",
        "../examples/products/smart-camera.cdx.json, ntia, 0",
        "../examples/sboms/proton-bridge-v1.8.0.cdx.json, tr-03183-2, 1",
        "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json, NTIA, 1"})
    void theBundledExamplesMatchTheSchema(String sbom, String profile, int exit) {
        CliRun run = CliRun.of("sbom", "check", sbom, "--profile", profile, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        PublishedSchemas.assertValid(SCHEMA, run.out());
        JsonNode catalog = run.json().get("catalog");
        assertThat(catalog.get("origin").asText()).isEqualTo("bundled");
        assertThat(catalog.get("sha256").asText()).hasSize(64);
    }

    /** The schema is a contract, not a formality: a renamed field or a coverage above 1 fails it. */
    @Test
    void theSchemaRefusesAnOutputThatBreaksTheContract() {
        String json = CliRun.of("sbom", "check", CAMERA, "--format", "json").out();
        assertThatThrownBy(() -> PublishedSchemas.assertValid(SCHEMA, json.replace("\"profileTitle\"", "\"title_\"")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> PublishedSchemas.assertValid(SCHEMA, json.replaceFirst("\"coverage\" : 1.0", "\"coverage\" : 2.0")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void unverifiableFieldsAndAnSbomWithoutComponentsMatchTheSchema() throws IOException {
        // BSI properties cannot be said in SPDX 2.3: unverifiable, in either encoding (issue 22).
        Path spdx = Files.writeString(dir.resolve("bom.spdx"), "SPDXVersion: SPDX-2.3\nPackageName: a\n"
                + "SPDXID: SPDXRef-a\nPackageVersion: 1\n");
        CliRun unverifiable = CliRun.of("sbom", "check", spdx.toString(), "--format", "json");
        assertThat(unverifiable.exitCode()).isEqualTo(1);
        PublishedSchemas.assertValid(SCHEMA, unverifiable.out());
        assertThat(unverifiable.json().get("fields")).anySatisfy(f -> assertThat(f.get("verifiable").asBoolean()).isFalse());

        Path empty = Files.writeString(dir.resolve("empty.spdx"), "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n");
        CliRun none = CliRun.of("sbom", "check", empty.toString(), "--profile", "ntia", "--format", "json");
        PublishedSchemas.assertValid(SCHEMA, none.out());
        assertThat(none.json().get("components").asInt()).isZero();
    }

    @Test
    void aReviewedEditInACopiedCatalogChangesTheVerdictAndTheFingerprint() {
        Path catalog = CatalogCopy.into(dir.resolve("catalog"));
        CatalogCopy.edit(catalog, "sbom/quality-profiles.yaml",
                "{id: filename, level: component, obligation: required,", "{id: filename, level: component, obligation: optional,");
        CliRun bundled = CliRun.of("sbom", "check", CAMERA, "--format", "json");
        CliRun edited = CliRun.of("sbom", "check", CAMERA, "--format", "json", "--catalog", catalog.toString());
        assertThat(edited.exitCode()).as(edited.err()).isEqualTo(1);
        PublishedSchemas.assertValid(SCHEMA, edited.out());
        assertThat(bundled.json().get("violations")).anySatisfy(v -> assertThat(v.get("field").asText()).isEqualTo("filename"));
        assertThat(edited.json().get("violations")).noneSatisfy(v -> assertThat(v.get("field").asText()).isEqualTo("filename"))
                .hasSize(bundled.json().get("violations").size() - 1);
        JsonNode fingerprint = edited.json().get("catalog");
        assertThat(fingerprint.get("origin").asText()).isEqualTo(catalog.toAbsolutePath().normalize().toString());
        assertThat(fingerprint.get("sha256").asText()).isNotEqualTo(bundled.json().get("catalog").get("sha256").asText());

        CliRun table = CliRun.of("sbom", "check", CAMERA, "--catalog", catalog.toString());
        assertThat(table.out()).endsWith("Catalog: " + fingerprint.get("version").asText() + " (sha256:" + fingerprint.get("sha256").asText().substring(0, 12)
                + ", " + fingerprint.get("origin").asText() + ")" + System.lineSeparator());
    }

    @Test
    void aBrokenOrMissingCatalogIsBadInputNamingTheFileAndPosition() {
        Path catalog = CatalogCopy.into(dir.resolve("catalog"));
        CatalogCopy.edit(catalog, "sbom/quality-profiles.yaml", "  - id: ntia\n", "  - id: ntia\n   title: [unclosed\n");
        CliRun broken = CliRun.of("sbom", "check", CAMERA, "--catalog", catalog.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.out()).isEmpty();
        assertThat(broken.err()).startsWith("tandem: " + catalog.toAbsolutePath().normalize().resolve("sbom/quality-profiles.yaml")
                + ": line ").doesNotContain("\tat ");

        CliRun missing = CliRun.of("sbom", "check", CAMERA, "--catalog", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere").contains("no such catalog folder");
    }
}
