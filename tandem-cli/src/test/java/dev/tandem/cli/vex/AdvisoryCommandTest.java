package dev.tandem.cli.vex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.cli.CliRun;
import dev.tandem.render.vex.BsiCsafValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem advisory}: CSAF 2.0 from the bundled examples, valid against the OASIS schema and the BSI validator. */
class AdvisoryCommandTest {

    static final String CAMERA = "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json";
    static final String PROTON = "../examples/sboms/proton-bridge-v1.8.0.cdx.json";
    static final String DECISIONS = "../examples/vex/sc200-decisions.yaml";
    static final String ADVISORIES = "../examples/advisories";
    static final String CISA = "../examples/kev/cisa-known-exploited-vulnerabilities.json";
    static final String EU = "../examples/kev/eu-kev.json";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    /** Every document the tests write; the BSI validator runs once over all of them. */
    static final List<Path> GENERATED = new ArrayList<>();

    static CliRun advisory(String... extra) {
        List<String> args = new ArrayList<>(List.of("advisory", "--sbom", CAMERA, PROTON, "--advisories", ADVISORIES,
                "--kev", CISA, EU, "--decisions", DECISIONS, "--date", "2026-11-06T10:00:00Z"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    static JsonNode written(CliRun run, String name) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = tmp.resolve(name);
        Files.writeString(file, run.out());
        GENERATED.add(file);
        OfficialSchemas.assertValid(OfficialSchemas.CSAF, run.out());
        return JSON.readTree(run.out());
    }

    static JsonNode vulnerability(JsonNode csaf, String cve) {
        for (JsonNode v : csaf.get("vulnerabilities")) {
            if (cve.equals(v.path("cve").asText()) || v.path("ids").findValuesAsText("text").contains(cve)) {
                return v;
            }
        }
        throw new AssertionError("no vulnerability " + cve);
    }

    static String productOf(JsonNode csaf, String purl) {
        String component = null;
        for (JsonNode p : csaf.get("product_tree").get("full_product_names")) {
            if (purl.equals(p.path("product_identification_helper").path("purl").asText())) {
                component = p.get("product_id").asText();
            }
        }
        for (JsonNode r : csaf.get("product_tree").get("relationships")) {
            if (r.get("product_reference").asText().equals(component)) {
                return r.get("full_product_name").get("product_id").asText();
            }
        }
        throw new AssertionError("no product for " + purl);
    }

    @Test
    void theBundledExampleIsWhatTheCommandWrites() throws IOException {
        Path example = Path.of("../examples/vex/sc200-vex.json");
        CliRun run = CliRun.of("advisory", "--sbom", "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json", "--advisories",
                "../examples/advisories", "--kev", CISA, EU, "--decisions", DECISIONS, "--profile", "csaf_vex",
                "--publisher-namespace", "https://camera.example", "--tracking-id", "SC200-VEX-2026-001",
                "--date", "2026-11-06T10:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String engine = "(\"engine\": \\{\\s*\"name\": \"Tandem\",\\s*\"version\": \")[^\"]+";
        // The example was written from the repository root; the tests run one folder down.
        assertThat(run.out().replace("../examples/", "examples/").replaceAll(engine, "$1"))
                .isEqualTo(Files.readString(example).replaceAll(engine, "$1"));
        GENERATED.add(example);
    }

    @AfterAll
    static void everyGeneratedDocumentPassesTheBsiValidator() throws Exception {
        assertThat(GENERATED).isNotEmpty();
        BsiCsafValidator.assertValid(GENERATED);
    }

    @Test
    void vexOfTheBundledExamplesCarriesEachDecisionInCsafTerms() throws IOException {
        CliRun run = advisory("--profile", "csaf_vex", "--publisher-namespace", "https://camera.example");
        JsonNode csaf = written(run, "vex.json");
        JsonNode document = csaf.get("document");
        assertThat(document.get("category").asText()).isEqualTo("csaf_vex");
        assertThat(document.get("publisher").get("name").asText()).isEqualTo("Example Camera Co.");
        assertThat(document.get("tracking").get("status").asText()).isEqualTo("final");
        assertThat(document.get("tracking").get("version").asText()).isEqualTo("1");
        assertThat(document.get("tracking").get("current_release_date").asText()).isEqualTo("2026-11-06T10:00:00Z");
        assertThat(document.get("tracking").get("generator").get("engine").get("name").asText()).isEqualTo("Tandem");
        // The product tree: a vendor branch per manufacturer, one version per release.
        assertThat(csaf.get("product_tree").get("branches").findValuesAsText("name"))
                .contains("Example Camera Co.", "SC-200 smart camera firmware", "2.4.1", "github.com/ProtonMail/proton-bridge", "v1.8.0");

        JsonNode webp = vulnerability(csaf, "CVE-2023-4863");
        String webpProduct = productOf(csaf, "pkg:cargo/libwebp-sys@0.9.2");
        assertThat(webp.get("product_status").get("known_affected").findValuesAsText("")).isEmpty();
        assertThat(webp.get("product_status").get("known_affected").get(0).asText()).isEqualTo(webpProduct);
        assertThat(webp.get("remediations").get(0).get("category").asText()).isEqualTo("vendor_fix");
        assertThat(webp.get("remediations").get(0).get("details").asText()).contains("Firmware 2.4.2 moves to libwebp-sys 0.9.5");
        assertThat(webp.get("threats").findValuesAsText("category")).contains("exploit_status", "impact");
        assertThat(webp.toString()).contains("listed in the CISA Known Exploited Vulnerabilities catalog since");
        assertThat(webp.has("scores")).as("the advisory states no severity").isFalse();

        JsonNode rustls = vulnerability(csaf, "CVE-2024-32650");
        assertThat(rustls.get("product_status").get("known_not_affected").get(0).asText())
                .isEqualTo(productOf(csaf, "pkg:cargo/rustls@0.21.7"));
        assertThat(rustls.get("flags").get(0).get("label").asText()).isEqualTo("vulnerable_code_not_in_execute_path");
        JsonNode cvss = rustls.get("scores").get(0).get("cvss_v3");
        assertThat(cvss.get("vectorString").asText()).startsWith("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
        assertThat(cvss.get("baseScore").asDouble()).isEqualTo(7.5);
        assertThat(cvss.get("baseSeverity").asText()).isEqualTo("HIGH");

        assertThat(vulnerability(csaf, "CVE-2025-24898").get("product_status").get("fixed")).hasSize(1);
        JsonNode tokio = vulnerability(csaf, "RUSTSEC-2025-0023");
        assertThat(tokio.has("cve")).isFalse();
        assertThat(tokio.get("flags").get(0).get("label").asText()).isEqualTo("component_not_present");
        assertThat(vulnerability(csaf, "CVE-2023-45288").get("product_status").get("under_investigation")).isNotEmpty();
        // Findings without a decision are under investigation, never claimed affected or not.
        assertThat(vulnerability(csaf, "CVE-2020-26160").get("product_status").fieldNames()).toIterable()
                .containsExactly("under_investigation");
    }

    @Test
    void withoutAPublisherNamespaceTheDocumentIsADraftAndSaysSo() throws IOException {
        CliRun run = advisory("--profile", "csaf_vex");
        JsonNode csaf = written(run, "draft.json");
        assertThat(csaf.get("document").get("tracking").get("status").asText()).isEqualTo("draft");
        assertThat(csaf.get("document").get("publisher").get("namespace").asText()).isEqualTo("https://publisher.invalid");
        assertThat(run.err()).contains("the publisher's namespace is not known");
        assertThat(advisory("--profile", "csaf_vex", "--status", "final").exitCode()).isEqualTo(2);
    }

    @Test
    void aSecurityAdvisoryFromAProductProfileAndTheFixedRelease() throws IOException {
        String fixed = Files.readString(Path.of(CAMERA)).replace("\"version\": \"2.4.1\"", "\"version\": \"2.4.2\"")
                .replace("sc200-firmware@2.4.1", "sc200-firmware@2.4.2").replace("libwebp-sys@0.9.2", "libwebp-sys@0.9.5")
                .replace("\"version\": \"0.9.2\"", "\"version\": \"0.9.5\"");
        Path next = tmp.resolve("sc200-camera-firmware-2.4.2.cdx.json");
        Files.writeString(next, fixed);
        CliRun run = CliRun.of("advisory", "--sbom", CAMERA, next.toString(), "--advisories", ADVISORIES, "--kev", CISA,
                "--decisions", DECISIONS, "--profile", "csaf_security_advisory", "--product", "../examples/products/smart-camera.yaml",
                "--tracking-id", "LUMEN-SA-2026-001", "--date", "2026-11-06T10:00:00Z", "--out", tmp.resolve("sa/out.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(tmp.resolve("sa/out.json"));
        JsonNode csaf = written(new CliRun(0, text, run.err()), "sa.json");
        assertThat(csaf.get("document").get("category").asText()).isEqualTo("csaf_security_advisory");
        assertThat(csaf.get("document").get("publisher").get("name").asText()).isEqualTo("Lumen Devices GmbH");
        assertThat(csaf.get("document").get("publisher").get("namespace").asText()).isEqualTo("https://lumen-devices.example");
        JsonNode webp = vulnerability(csaf, "CVE-2023-4863");
        assertThat(webp.get("product_status").get("fixed")).hasSize(1);
        assertThat(webp.get("remediations").findValuesAsText("details"))
                .anySatisfy(d -> assertThat(d).contains("Update to SC-200 smart camera firmware 2.4.2"));
    }

    @Test
    void aNewRevisionContinuesThePreviousDocument() throws IOException {
        CliRun first = advisory("--profile", "csaf_vex", "--publisher-namespace", "https://camera.example", "--tracking-id", "CAM-VEX-1");
        Path previous = tmp.resolve("previous.json");
        Files.writeString(previous, first.out());
        CliRun second = CliRun.of("advisory", "--sbom", CAMERA, "--advisories", ADVISORIES, "--decisions", DECISIONS,
                "--profile", "csaf_vex", "--publisher-namespace", "https://camera.example", "--previous", previous.toString(),
                "--date", "2026-12-01T09:00:00Z", "--summary", "Re-triaged after the December scan.");
        JsonNode tracking = written(second, "second.json").get("document").get("tracking");
        assertThat(tracking.get("id").asText()).isEqualTo("CAM-VEX-1");
        assertThat(tracking.get("version").asText()).isEqualTo("2");
        assertThat(tracking.get("initial_release_date").asText()).isEqualTo("2026-11-06T10:00:00Z");
        assertThat(tracking.get("revision_history").findValuesAsText("number")).containsExactly("1", "2");
        assertThat(tracking.get("revision_history").get(1).get("summary").asText()).isEqualTo("Re-triaged after the December scan.");

        // A revision dated before the last one would break the history's order (CSAF 6.1.16, 6.1.21): refused.
        CliRun earlier = CliRun.of("advisory", "--sbom", CAMERA, "--advisories", ADVISORIES, "--decisions", DECISIONS,
                "--profile", "csaf_vex", "--publisher-namespace", "https://camera.example", "--previous", previous.toString(),
                "--date", "2026-10-01T09:00:00Z");
        assertThat(earlier.exitCode()).isEqualTo(2);
        assertThat(earlier.err()).contains("previous.json").contains("is before the previous document's last revision");
    }

    @Test
    void aSnapshotGivesTheSameStatementsAsTheAdvisoriesItWasBuiltFrom() throws IOException {
        Path snapshot = tmp.resolve("advisories.tdb");
        CliRun build = CliRun.of("db", "build", "--advisories", ADVISORIES, "--kev", CISA, EU, "--out", snapshot.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        CliRun fromDb = CliRun.of("advisory", "--sbom", CAMERA, PROTON, "--db", snapshot.toString(), "--decisions", DECISIONS,
                "--profile", "csaf_vex", "--publisher-namespace", "https://camera.example", "--date", "2026-11-06T10:00:00Z");
        JsonNode viaDb = written(fromDb, "via-db.json");
        JsonNode viaFiles = JSON.readTree(advisory("--profile", "csaf_vex", "--publisher-namespace", "https://camera.example").out());
        // The same statements, scores and threats; a snapshot keeps summaries but not the advisories'
        // full descriptions and references, so those notes and references are fewer (docs/commands/advisory.md).
        assertThat(viaDb.get("vulnerabilities")).hasSameSizeAs(viaFiles.get("vulnerabilities"));
        for (int i = 0; i < viaFiles.get("vulnerabilities").size(); i++) {
            for (String field : List.of("cve", "ids", "product_status", "flags", "remediations", "scores", "threats", "title")) {
                assertThat(viaDb.get("vulnerabilities").get(i).get(field)).as("%s of vulnerability %d", field, i)
                        .isEqualTo(viaFiles.get("vulnerabilities").get(i).get(field));
            }
        }
        assertThat(viaDb.toString()).contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H").contains("CSAF 2.0 has no field for CVSS v4.0");
        assertThat(viaDb.get("product_tree")).isEqualTo(viaFiles.get("product_tree"));
        // Exactly one source of advisories.
        CliRun both = CliRun.of("advisory", "--sbom", CAMERA, "--db", snapshot.toString(), "--advisories", ADVISORIES,
                "--decisions", DECISIONS, "--profile", "csaf_vex");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one source of advisories");
        assertThat(CliRun.of("advisory", "--sbom", CAMERA, "--decisions", DECISIONS, "--profile", "csaf_vex").exitCode()).isEqualTo(2);
    }

    @Test
    void badInputIsExitTwoWithTheFileNamed() throws IOException {
        Path bad = tmp.resolve("bad-decisions.yaml");
        Files.writeString(bad, "decisions:\n  - vulnerability: CVE-1\n    component: pkg:npm/a\n    state: fixed\n");
        CliRun run = CliRun.of("advisory", "--sbom", CAMERA, "--advisories", ADVISORIES, "--decisions", bad.toString(),
                "--profile", "csaf_vex");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad-decisions.yaml: line 4").contains("unknown analysis state 'fixed'");
        assertThat(advisory("--profile", "csaf_base").err()).contains("unknown CSAF profile");
        assertThat(advisory("--profile", "csaf_vex", "--tlp", "PURPLE").exitCode()).isEqualTo(2);
        assertThat(advisory("--profile", "csaf_vex", "--publisher-namespace", "camera.example").err()).contains("https URL");
    }
}
