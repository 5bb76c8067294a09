package dev.tandem.cli.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.cli.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole CLI runs of the conformity commands on the bundled example (the same file the README uses). */
class ConformityCommandsTest {

    private static final String EXAMPLE = "../examples/products/smart-camera.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void catalogListAndShow() throws Exception {
        CliRun list = run("catalog", "list", "--format", "json");
        assertThat(list.code()).isZero();
        assertThat(list.json().path("catalogs").findValuesAsText("id")).containsExactly("cra-annex-i", "nist-ir-8425", "etsi-en-303-645",
                "etsi-en-303-645-v3");

        CliRun show = run("catalog", "show", "nist-ir-8425", "--format", "json");
        assertThat(show.code()).isZero();
        JsonNode doc = show.json();
        assertThat(doc.path("id").asText()).isEqualTo("nist-ir-8425");
        assertThat(doc.path("requirements")).hasSize(39).allSatisfy(r -> {
            assertThat(r.path("id").asText()).isNotEmpty();
            assertThat(r.path("title").asText()).isNotEmpty();
        });

        CliRun table = run("catalog", "show", "cra-annex-i");
        assertThat(table.out()).contains("CRA-I-2a").contains("where-applicable");
        CliRun md = run("catalog", "show", "etsi-en-303-645", "--format", "md");
        assertThat(md.out()).contains("| 5.1-1 | requirement | mandatory (conditional) |");
        CliRun oscal = run("catalog", "show", "etsi-en-303-645", "--format", "oscal");
        assertThat(oscal.json().at("/catalog/metadata/oscal-version").asText()).isEqualTo("1.1.3");
    }

    @Test
    void unknownCatalogIsBadUsage() {
        CliRun run = run("catalog", "show", "iso-27001");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown catalog 'iso-27001'");
        assertThat(run.out()).isEmpty();
        assertThat(run("crosswalk", "--from", "cra-annex-i", "--to", "cra-annex-i").code()).isEqualTo(2);
        assertThat(run("catalog", "show", "cra-annex-i", "--format", "pdf").code()).isEqualTo(2);
    }

    @Test
    void idsAreReadInAnyCase() throws Exception {
        CliRun show = run("catalog", "show", "CRA-Annex-I", "--format", "json");
        assertThat(show.code()).isZero();
        assertThat(show.json().path("id").asText()).isEqualTo("cra-annex-i");
        CliRun crosswalk = run("crosswalk", "--from", "NIST-IR-8425", "--to", "ETSI-EN-303-645", "--format", "json");
        assertThat(crosswalk.code()).isZero();
        assertThat(crosswalk.json().path("from").asText()).isEqualTo("nist-ir-8425");
        CliRun sbom = run("sbom", "check", "../examples/products/smart-camera.cdx.json", "--profile", "NTIA");
        assertThat(sbom.code()).isZero();
        assertThat(sbom.out()).contains("NTIA Minimum Elements").contains("PASSED");
    }

    @Test
    void crosswalkJsonContract() throws Exception {
        CliRun run = run("crosswalk", "--from", "cra-annex-i", "--to", "nist-ir-8425", "--format", "json");
        assertThat(run.code()).isZero();
        JsonNode mappings = run.json().path("mappings");
        Set<String> sources = new HashSet<>();
        Set<String> relationships = Set.of("equivalent", "subset", "superset", "intersects", "no relationship");
        for (JsonNode m : mappings) {
            assertThat(m.has("source") && m.has("target") && m.has("relationship")).isTrue();
            assertThat(relationships).contains(m.path("relationship").asText());
            sources.add(m.path("source").asText());
        }
        assertThat(sources).hasSize(22).contains("CRA-I-1", "CRA-II-8");
        JsonNode none = mappings.findParents("source").stream().filter(m -> m.path("source").asText().equals("CRA-I-2k")).findFirst().orElseThrow();
        assertThat(none.path("target").isNull()).isTrue();
        assertThat(none.path("relationship").asText()).isEqualTo("no relationship");
        assertThat(none.path("reason").asText()).isNotEmpty();

        CliRun reversed = run("crosswalk", "--from", "etsi-en-303-645", "--to", "cra-annex-i", "--format", "json");
        assertThat(reversed.json().path("reversed").asBoolean()).isTrue();
        CliRun oscal = run("crosswalk", "--from", "cra-annex-i", "--to", "etsi-en-303-645", "--format", "oscal");
        assertThat(oscal.json().at("/mapping-collection/mappings/0/maps/0/relationship").asText()).endsWith("-with");
        assertThat(run("crosswalk", "--from", "cra-annex-i", "--to", "nist-ir-8425", "--format", "md").out())
                .contains("| CRA-I-2e | intersects | DP-1, DP-3 |").contains("| CRA-I-2m | superset | DP-2 |");
    }

    @Test
    void assessJsonContract() throws Exception {
        CliRun run = run("assess", "--product", EXAMPLE, "--format", "json");
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode doc = run.json();
        assertThat(doc.path("regimes").findValuesAsText("id")).contains("cra-annex-i", "nist-ir-8425");
        for (JsonNode regime : doc.path("regimes")) {
            assertThat(regime.path("coverage").isNumber()).isTrue();
            for (JsonNode r : regime.path("requirements")) {
                assertThat(r.has("id") && r.has("status")).isTrue();
            }
        }
        JsonNode su1 = doc.at("/regimes/1/requirements").findParents("id").stream()
                .filter(r -> r.path("id").asText().equals("SU-1")).findFirst().orElseThrow();
        // CRA-I-2c only intersects SU-1 ∪ SU-2: partial, naming the mapping; CRA-I-2m contains DP-2: met.
        assertThat(su1.path("status").asText()).isEqualTo("partial");
        assertThat(su1.at("/derivedFrom/mapping").asText()).isEqualTo("cra-annex-i--nist-ir-8425#CRA-I-2c");
        assertThat(su1.at("/derivedFrom/carriesMet").asBoolean()).isFalse();
        JsonNode dp2 = doc.at("/regimes/1/requirements").findParents("id").stream()
                .filter(r -> r.path("id").asText().equals("DP-2")).findFirst().orElseThrow();
        assertThat(dp2.path("status").asText()).isEqualTo("met");
        assertThat(dp2.at("/derivedFrom/mapping").asText()).isEqualTo("cra-annex-i--nist-ir-8425#CRA-I-2m");
        assertThat(dp2.at("/derivedFrom/rationale").asText()).isNotEmpty();
        assertThat(doc.at("/classification/craClass").asText()).isEqualTo("important-i");
        assertThat(doc.at("/classification/categories/0/id").asText()).isEqualTo("CRA-AIII-I-17");
        assertThat(doc.at("/assessedAgainst/0/version").asText()).isEqualTo("V2.1.1 (2020-06)");
        assertThat(doc.path("contradictions")).isEmpty();
        assertThat(doc.at("/regimes/0/coverage").asDouble()).isEqualTo(0.9091);
        assertThat(doc.path("gaps")).isNotEmpty();
        assertThat(doc.at("/conformityRoute/craClass").asText()).isEqualTo("important-i");
        assertThat(doc.at("/supportPeriod/compliant").asBoolean()).isTrue();
    }

    @Test
    void assessDerivedFromIsPresentOnEveryRequirement() throws Exception {
        // derivedFrom is part of the contract: null when assessed directly.
        JsonNode doc = run("assess", "--product", EXAMPLE, "--format", "json").json();
        JsonNode direct = doc.at("/regimes/0/requirements/0");
        assertThat(direct.has("derivedFrom")).isTrue();
        assertThat(direct.path("derivedFrom").isNull()).isTrue();
    }

    @Test
    void assessOtherFormatsAndFailOn() {
        CliRun table = run("assess", "--product", EXAMPLE);
        assertThat(table.out()).contains("cra-annex-i      EU          90.9%").contains("Gaps (");
        assertThat(run("assess", "--product", EXAMPLE, "--format", "md").out()).contains("## Gaps");
        assertThat(run("assess", "--product", EXAMPLE, "--format", "html").out()).startsWith("<!DOCTYPE html>");
        assertThat(run("assess", "--product", EXAMPLE, "--fail-on", "gaps").code()).isEqualTo(1);
    }

    @Test
    void badProfilesExitTwoWithFileAndPosition(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "product: X\nmanufacturer: M\ncraClass: huge\n");
        CliRun run = run("assess", "--product", bad.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("bad.yaml: at /craClass: unknown CRA class 'huge'").doesNotContain("Exception");
        CliRun missing = run("assess", "--product", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "product: X\nmanufacturer: M\nflavour: mint\n");
        for (String command : new String[] {"assess", "declaration", "registry-entry"}) {
            CliRun refused = run(command, "--product", unknown.toString());
            assertThat(refused.code()).as(command).isEqualTo(2);
            assertThat(refused.out()).as(command).isEmpty();
            assertThat(refused.err()).as(command).contains("unknown.yaml: at /flavour: unknown key 'flavour'")
                    .doesNotContain("Exception");
        }
        Path duplicate = dir.resolve("dup.yaml");
        Files.writeString(duplicate, "product: X\nmanufacturer: M\nproduct: Y\n");
        CliRun dup = run("assess", "--product", duplicate.toString(), "--format", "json");
        assertThat(dup.code()).isEqualTo(2);
        assertThat(dup.out()).isEmpty();
        assertThat(dup.err()).contains("dup.yaml: line 3");
    }

    @Test
    void declarationRegistryEntryAndLabel(@TempDir Path dir) throws Exception {
        CliRun md = run("declaration", "--product", EXAMPLE);
        assertThat(md.code()).isZero();
        assertThat(md.out()).startsWith("# EU declaration of conformity (DRAFT): Lumen HomeCam 2").contains("Annex VII");
        CliRun html = run("declaration", "--product", EXAMPLE, "--format", "html");
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<h2>7. Notified body and procedure</h2>");

        Path written = dir.resolve("new-folder/declaration.html");
        assertThat(run("declaration", "--product", EXAMPLE, "--format", "html", "--out", written.toString()).code()).isZero();
        assertThat(Files.readString(written)).startsWith("<!DOCTYPE html>");
        Path entryFile = dir.resolve("other-folder/entry.json");
        assertThat(run("registry-entry", "--product", EXAMPLE, "--out", entryFile.toString()).code()).isZero();
        assertThat(JSON.readTree(entryFile.toFile()).path("schema_version").asText()).isEqualTo("1.0.0");

        CliRun registry = run("registry-entry", "--product", EXAMPLE);
        assertThat(registry.code()).isZero();
        assertThat(registry.err()).isEmpty();
        JsonNode entry = registry.json();
        assertThat(entry.path("schema_version").asText()).isEqualTo("1.0.0");
        assertThat(entry.path("product_name").asText()).isEqualTo("Lumen HomeCam 2");
        assertThat(entry.path("support_date").asText()).isEqualTo("2033-12-31");

        CliRun label = run("label", "--product", EXAMPLE, "--out", dir.resolve("label").toString());
        assertThat(label.code()).isZero();
        assertThat(Files.readString(dir.resolve("label/label.svg"))).contains("US Cyber Trust Mark");
        assertThat(Files.readAllBytes(dir.resolve("label/label.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(dir.resolve("label/label.txt"))).contains("https://registry.lumen-devices.example/usctm/lhc2");
    }

    /*
     * A product whose assessment shows a NIST IR 8425 outcome not met (the Cyber Trust Mark criteria, FCC
     * 24-26) gets no registry entry and no label: refused with exit code 1 and nothing written, or, with
     * --draft, written with a prominent "not eligible" marking, still exit code 1.
     */
    @Test
    void registryEntryAndLabelAreRefusedOrDraftedAsNotEligible(@TempDir Path dir) throws Exception {
        String plug = "../examples/products/smart-plug.yaml";
        CliRun refused = run("registry-entry", "--product", plug);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("refused: not eligible for the US Cyber Trust Mark")
                .contains("CSA (CSA-1 assessed as not met: The plug keeps no state information").contains("--draft");
        CliRun draft = run("registry-entry", "--product", plug, "--draft");
        assertThat(draft.code()).isEqualTo(1);
        JsonNode entry = draft.json();
        assertThat(entry.fieldNames().next()).isEqualTo("eligibility");
        assertThat(entry.at("/eligibility/eligible").asBoolean()).isFalse();
        assertThat(entry.at("/eligibility/banner").asText()).startsWith("NOT ELIGIBLE");
        assertThat(entry.at("/eligibility/notMet/0/requirement").asText()).isEqualTo("CSA-1");
        assertThat(entry.path("security_contact").asText()).isEqualTo("psirt@volta-home.example");
        assertThat(draft.err()).contains("warning: NOT ELIGIBLE");

        CliRun noLabel = run("label", "--product", plug, "--out", dir.resolve("refused").toString());
        assertThat(noLabel.code()).isEqualTo(1);
        assertThat(dir.resolve("refused")).doesNotExist();
        CliRun label = run("label", "--product", plug, "--out", dir.resolve("draft").toString(), "--draft");
        assertThat(label.code()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("draft/label.txt"))).startsWith("*** NOT ELIGIBLE FOR THE US CYBER TRUST MARK");
        assertThat(Files.readString(dir.resolve("draft/label.svg"))).contains("NOT ELIGIBLE - DRAFT");
        // The eligible camera is unaffected by --draft.
        assertThat(run("registry-entry", "--product", EXAMPLE, "--draft").code()).isZero();
    }

    @Test
    void registryEntryWithoutUsDataIsBadInput(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("eu-only.yaml");
        Files.writeString(profile, "product: X\nmanufacturer: M\nmarkets: [EU]\n");
        CliRun run = run("registry-entry", "--product", profile.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("eu-only.yaml: at /us");
        assertThat(run.out()).isEmpty();
    }
}
