package dev.tandem.cli.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import dev.tandem.conformity.BundledSchema;
import dev.tandem.conformity.registry.RegistryEntryWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real JSON outputs of the conformity commands against their published schemas (docs/schemas/), and
 * the outputs in external formats against the official schemas bundled in the core (CTA-2120, OSCAL).
 */
class ConformitySchemasTest {

    private static final String EXAMPLE = "../examples/products/smart-camera.yaml";
    private static final List<String> CATALOGS = List.of("cra-annex-i", "nist-ir-8425", "etsi-en-303-645", "etsi-en-303-645-v3");

    /** A profile with everything that can go wrong short of an error: gaps, missing and remote SBOMs, odd routes, unknown evidence. */
    private static final String GAPPY = """
            product: Gappy Plug
            manufacturer: Example Plugs Ltd
            craClass: important-ii
            markets: [eu, us]
            placedOnMarket: 2028-01-01
            supportPeriod: {end: 2029-06-30}
            sbom:
              - {path: sboms/missing.cdx.json}
              - {path: broken.cdx.json}
              - {url: https://plugs.example/sbom.json}
            eu: {conformityModule: Module A}
            evidence:
              cra-annex-i:
                CRA-I-1: {status: not met, justification: no risk assessment yet}
                CRA-II-5: {status: not met}
                CRA-I-2a: {status: not applicable}
                I.2(b): {status: partial}
                CRA-I-2b: {status: met}
                CRA-I-99: {status: met}
                CRA-I-2m: {status: met}
              nist-ir-8425:
                DP-2: {status: not met}
              iso-27001:
                A.5: {status: met}
            """;

    static Stream<String> crosswalks() {
        // The two editions of EN 303 645 have no crosswalk between them: a profile is assessed against one.
        return CATALOGS.stream().flatMap(from -> CATALOGS.stream().filter(to -> !to.equals(from))
                .filter(to -> !(from.startsWith("etsi") && to.startsWith("etsi"))).map(to -> from + " " + to));
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void catalogListMatchesItsSchema() {
        PublishedSchemas.assertValid("catalog-list.schema.json", ok("catalog", "list", "--format", "json").out());
    }

    @Test
    void everyCatalogShownMatchesTheSchema() {
        for (String id : CATALOGS) {
            PublishedSchemas.assertValid("catalog-show.schema.json", ok("catalog", "show", id, "--format", "json").out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crosswalks")
    void everyCrosswalkStoredOrReversedMatchesTheSchema(String pair) {
        String[] ids = pair.split(" ");
        PublishedSchemas.assertValid("crosswalk.schema.json", ok("crosswalk", "--from", ids[0], "--to", ids[1], "--format", "json").out());
    }

    @Test
    void theExampleAssessmentMatchesTheSchema() {
        PublishedSchemas.assertValid("assessment.schema.json", ok("assess", "--product", EXAMPLE, "--format", "json").out());
    }

    @Test
    void anAssessmentFullOfGapsMatchesTheSchema(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("gappy.yaml");
        Files.writeString(profile, GAPPY);
        Files.writeString(dir.resolve("broken.cdx.json"), "{\"bomFormat\": \"CycloneDX\", ");
        CliRun run = CliRun.of("assess", "--product", profile.toString(), "--format", "json", "--fail-on", "gaps");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("tandem: warning: " + profile + ": at /evidence/cra-annex-i/CRA-I-2b: ")
                .contains("at /evidence/iso-27001: unknown catalog");
        JsonNode doc = run.json();
        assertThat(doc.at("/conformityRoute/chosenAllowed").asBoolean(true)).isFalse();
        assertThat(doc.at("/supportPeriod/compliant").asBoolean(true)).isFalse();
        assertThat(doc.path("sbom").findValuesAsText("finding")).satisfiesExactly(
                f -> assertThat(f).startsWith("not found"), f -> assertThat(f).startsWith("unreadable: "),
                f -> assertThat(f).contains("not fetched"));
        assertThat(doc.path("gaps").findValuesAsText("status")).contains("not met", "partial", "not assessed");
        assertThat(doc.path("contradictions")).hasSize(1);
        assertThat(doc.at("/classification/derived").asBoolean()).isFalse();
        PublishedSchemas.assertValid("assessment.schema.json", doc);

        CliRun bare = CliRun.of("assess", "--product", writeProfile(dir, "product: X\nmanufacturer: M\n"), "--format", "json");
        assertThat(bare.json().at("/sbom/0/reference").isMissingNode()).isTrue();
        PublishedSchemas.assertValid("assessment.schema.json", bare.out());
    }

    @Test
    void theSchemasRefuseWhatTheContractDoesNotAllow() {
        JsonNode assessment = ok("assess", "--product", EXAMPLE, "--format", "json").json();
        ObjectNode extra = assessment.deepCopy();
        extra.put("score", 1);
        ObjectNode noCatalog = assessment.deepCopy();
        noCatalog.remove("catalog");
        ObjectNode badStatus = assessment.deepCopy();
        ((ObjectNode) badStatus.at("/regimes/0/requirements/0")).put("status", "done");
        ObjectNode shortHash = assessment.deepCopy();
        ((ObjectNode) shortHash.path("catalog")).put("sha256", "abc");
        for (ObjectNode bad : List.of(extra, noCatalog, badStatus, shortHash)) {
            assertThat(PublishedSchemas.schema("assessment.schema.json").validate(bad)).isNotEmpty();
        }
        ObjectNode crosswalk = (ObjectNode) ok("crosswalk", "--from", "cra-annex-i", "--to", "nist-ir-8425", "--format", "json").json();
        ObjectNode unmapped = (ObjectNode) crosswalk.path("mappings").get(0);
        unmapped.put("relationship", "no relationship");
        assertThat(PublishedSchemas.schema("crosswalk.schema.json").validate(crosswalk)).isNotEmpty();
    }

    @Test
    void theRegistryEntryWithItsCatalogFieldStillValidatesAsCta2120() {
        JsonNode entry = ok("registry-entry", "--product", EXAMPLE).json();
        assertThat(entry.path("catalog").path("origin").asText()).isEqualTo("bundled");
        assertThat(RegistryEntryWriter.validate(entry)).isEmpty();
        // A draft marked not eligible, with an e-mail security contact, also validates as CTA-2120 as published.
        CliRun draft = CliRun.of("registry-entry", "--product", "../examples/products/smart-plug.yaml", "--draft");
        assertThat(draft.exitCode()).isEqualTo(1);
        assertThat(RegistryEntryWriter.validate(draft.json())).isEmpty();
    }

    @Test
    void theSecondExampleAssessmentMatchesTheSchema() {
        PublishedSchemas.assertValid("assessment.schema.json",
                ok("assess", "--product", "../examples/products/smart-plug.yaml", "--format", "json").out());
    }

    @Test
    void oscalExportsValidateAgainstTheOfficialSchemas() {
        BundledSchema catalog = BundledSchema.load(BundledSchema.OSCAL_CATALOG);
        BundledSchema mapping = BundledSchema.load(BundledSchema.OSCAL_MAPPING);
        for (String id : CATALOGS) {
            assertThat(catalog.violations(ok("catalog", "show", id, "--format", "oscal").json())).as(id).isEmpty();
        }
        crosswalks().forEach(pair -> {
            String[] ids = pair.split(" ");
            JsonNode doc = ok("crosswalk", "--from", ids[0], "--to", ids[1], "--format", "oscal").json();
            assertThat(mapping.violations(doc)).as(pair).isEmpty();
        });
    }

    private static String writeProfile(Path dir, String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "profile", ".yaml");
        Files.writeString(file, yaml);
        return file.toString();
    }
}
