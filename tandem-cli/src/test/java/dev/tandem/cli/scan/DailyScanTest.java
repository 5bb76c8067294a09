package dev.tandem.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import dev.tandem.cli.exit.ExitCode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem scan} as a daily tool, every format: EPSS and every source's CVSS, failing on EPSS,
 * honest coverage, ignore files, baselines, KEV-first across SBOMs, KEV folders with schemas, and
 * columns that never run together.
 */
class DailyScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMERA = "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json";
    private static final String BRIDGE = "../examples/sboms/proton-bridge-v1.8.0.cdx.json";
    private static final String ADVISORIES = "../examples/advisories";
    private static final String CISA = "../examples/kev/cisa-known-exploited-vulnerabilities.json";
    private static final String EU = "../examples/kev/eu-kev.json";
    private static final String EPSS = "src/test/resources/scan/epss/epss_scores-sample.csv";

    @TempDir
    static Path dir;
    private static Schema sarifSchema;

    @BeforeAll
    static void sarif() throws Exception {
        try (InputStream in = DailyScanTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    private static CliRun scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--sbom", BRIDGE, CAMERA, "--advisories", ADVISORIES,
                "--kev", CISA, EU));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode finding(JsonNode report, String id) {
        return StreamSupport.stream(report.get("findings").spliterator(), false)
                .filter(f -> f.get("id").asText().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    private static void validSarif(String text) throws Exception {
        assertThat(sarifSchema.validate(JSON.readTree(text))).isEmpty();
    }

    private static void validVdr(String text) throws Exception {
        assertThat(new org.cyclonedx.parsers.JsonParser().validate(text.getBytes(StandardCharsets.UTF_8),
                org.cyclonedx.Version.VERSION_16)).isEmpty();
    }

    @Test
    void knownExploitedFindingsLeadEveryFormatAcrossAllSboms() throws Exception {
        // The bridge comes first on the command line; the camera's known-exploited finding still leads.
        JsonNode report = scan("--format", "json").json();
        assertThat(report.get("findings").get(0).get("id").asText()).isEqualTo("CVE-2023-4863");
        JsonNode sarif = JSON.readTree(scan("--format", "sarif").out());
        assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo("CVE-2023-4863");
        JsonNode vdr = JSON.readTree(scan("--format", "cyclonedx").out());
        assertThat(vdr.at("/vulnerabilities/0/id").asText()).isEqualTo("CVE-2023-4863");
        String table = scan().out();
        assertThat(table.indexOf("Known exploited, in all SBOMs (1)")).isPositive()
                .isLessThan(table.indexOf("== github.com/ProtonMail/proton-bridge"));
    }

    @Test
    void epssScoresJoinFindingsInEveryFormatAndCanFailTheScan() throws Exception {
        CliRun json = scan("--epss", EPSS, "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = json.json();
        PublishedSchemas.assertValid("scan.schema.json", report);
        assertThat(report.at("/epss/modelVersion").asText()).isEqualTo("v2025.03.14");
        assertThat(report.at("/epss/scores").asInt()).isEqualTo(7);
        JsonNode webp = finding(report, "CVE-2023-4863");
        assertThat(webp.at("/epss/score").asDouble()).isEqualTo(0.9358);
        assertThat(webp.at("/epss/percentile").asDouble()).isEqualTo(0.99822);
        assertThat(webp.at("/epss/date").asText()).isEqualTo("2026-12-05");
        assertThat(finding(report, "CVE-2020-26160").at("/epss/score").asDouble()).isEqualTo(0.00301);
        assertThat(finding(report, "CVE-2020-28483").get("epss").isNull()).isTrue();

        assertThat(scan("--epss", EPSS).out()).contains("EPSS: 7 scores of 2026-12-05 (model v2025.03.14)")
                .contains("EPSS 0.936 (99%)").contains("EPSS -");
        String sarif = scan("--epss", EPSS, "--format", "sarif").out();
        validSarif(sarif);
        assertThat(JSON.readTree(sarif).at("/runs/0/results/0/properties/epss").asDouble()).isEqualTo(0.9358);
        String vdr = scan("--epss", EPSS, "--format", "cyclonedx").out();
        validVdr(vdr);
        assertThat(vdr).contains("\"tandem:epss:score\"");

        // Without the exploited camera: 0.003 is below 0.5, at or above 0.001.
        CliRun bridge = CliRun.of("scan", "--sbom", BRIDGE, "--advisories", ADVISORIES, "--epss", EPSS, "--fail-on", "epss:0.5");
        assertThat(bridge.exitCode()).as(bridge.err()).isZero();
        assertThat(CliRun.of("scan", "--sbom", BRIDGE, "--advisories", ADVISORIES, "--epss", EPSS, "--fail-on", "epss:0.001")
                .exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(CliRun.of("scan", "--sbom", BRIDGE, "--advisories", ADVISORIES, "--epss", EPSS,
                "--fail-on", "critical,epss-percentile:0.7").exitCode()).isEqualTo(ExitCode.FINDINGS);
        // A known-exploited finding meets an EPSS condition whatever its score.
        assertThat(scan("--fail-on", "epss:0.99").exitCode()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void failingOnEpssWithoutScoresIsSaidAndABadConditionIsRefused() {
        CliRun run = CliRun.of("scan", "--sbom", BRIDGE, "--advisories", ADVISORIES, "--fail-on", "epss:0.5");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("--fail-on epss:0.5 but no EPSS scores were loaded");
        CliRun bad = CliRun.of("scan", "--sbom", BRIDGE, "--advisories", ADVISORIES, "--fail-on", "epss:high");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("invalid value for --fail-on").contains("between 0 and 1");
        CliRun broken = CliRun.of("scan", "--sbom", BRIDGE, "--advisories", ADVISORIES, "--epss", CISA);
        assertThat(broken.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(broken.err()).startsWith("tandem: " + CISA + ": line 1");
    }

    @Test
    void everySeverityASourceStatesIsListedWithItsSource() throws Exception {
        JsonNode report = scan("--format", "json").json();
        for (JsonNode finding : report.get("findings")) {
            for (JsonNode severity : finding.get("severities")) {
                assertThat(severity.get("source").asText()).isEqualTo("OSV");
                assertThat(finding.get("advisories").toString()).contains(severity.get("sourceId").asText());
            }
        }
        JsonNode scored = StreamSupport.stream(report.get("findings").spliterator(), false)
                .filter(f -> !f.get("severities").isEmpty()).findFirst().orElseThrow();
        assertThat(scored.at("/severities/0/vector").asText()).startsWith("CVSS:");
        JsonNode vdr = JSON.readTree(scan("--format", "cyclonedx").out());
        boolean sourced = false;
        for (JsonNode vulnerability : vdr.get("vulnerabilities")) {
            for (JsonNode rating : vulnerability.path("ratings")) {
                sourced |= rating.at("/source/name").asText().equals("OSV");
            }
        }
        assertThat(sourced).isTrue();
    }

    @Test
    void anEcosystemWithoutAdvisoriesIsSaidInEveryFormatNeverNoVulnerabilities() throws Exception {
        Path sbom = Files.writeString(dir.resolve("web.cdx.json"), """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"type":"application","name":"Web console","version":"1.0"}},
                 "components":[{"type":"library","name":"lodash","version":"4.17.20","purl":"pkg:npm/lodash@4.17.20"},
                  {"type":"library","name":"left-pad","version":"1.3.0","purl":"pkg:npm/left-pad@1.3.0"}]}
                """);
        String[] base = {"scan", "--sbom", sbom.toString(), "--advisories", ADVISORIES};
        CliRun table = CliRun.of(base);
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).doesNotContain("No known vulnerabilities")
                .contains("No findings in 2 components, but not every component could be checked: 2 npm components had no advisories to check against.")
                .contains("Coverage: INCOMPLETE: npm 2 components against 0 advisories (NOT CHECKED)");
        assertThat(table.err()).contains("tandem: warning: coverage: no advisories for ecosystem npm were loaded, so its 2 components were not checked");

        JsonNode report = CliRun.of(concat(base, "--format", "json")).json();
        PublishedSchemas.assertValid("scan.schema.json", report);
        assertThat(report.at("/coverage/complete").asBoolean()).isFalse();
        assertThat(report.at("/coverage/unchecked").asInt()).isEqualTo(2);
        assertThat(report.at("/coverage/ecosystems/0/ecosystem").asText()).isEqualTo("npm");
        assertThat(report.at("/coverage/ecosystems/0/checked").asBoolean()).isFalse();
        assertThat(report.at("/coverage/sboms/0/complete").asBoolean()).isFalse();
        assertThat(report.get("warnings").toString()).contains("no advisories for ecosystem npm");

        String sarif = CliRun.of(concat(base, "--format", "sarif")).out();
        validSarif(sarif);
        JsonNode log = JSON.readTree(sarif);
        assertThat(log.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asText()).contains("ecosystem npm");
        assertThat(log.at("/runs/0/properties/coverage/complete").asBoolean()).isFalse();

        String vdr = CliRun.of(concat(base, "--format", "cyclonedx")).out();
        validVdr(vdr);
        assertThat(vdr).contains("tandem:coverage:complete").contains("\"tandem:coverage:ecosystem:npm\"");

        // The camera's bundled scan checked every Go and Rust component, but two components had no purl.
        String camera = CliRun.of("scan", "--sbom", CAMERA, "--advisories", ADVISORIES).out();
        assertThat(camera).contains("Not every component could be checked: 2 components could not be matched.");
    }

    @Test
    void theIgnoreFileSuppressesWithItsReasonAndBadEntriesAreRefusedAtTheirLine() throws Exception {
        Path ignore = Files.writeString(dir.resolve("ignore.yaml"), """
                ignore:
                  - id: GHSA-j7hp-h8jx-5ppr
                    purl: pkg:cargo/libwebp-sys
                    reason: WebP images are never decoded from untrusted sources on the camera.
                    expires: 2099-12-31
                """);
        CliRun run = scan("--ignore", ignore.toString(), "--fail-on", "kev", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode webp = finding(run.json(), "CVE-2023-4863");
        assertThat(webp.get("suppressed").asBoolean()).isTrue();
        assertThat(webp.at("/analysis/0/origin").asText()).isEqualTo("ignore");
        assertThat(webp.at("/analysis/0/source").asText()).isEqualTo(ignore + ":2");
        assertThat(scan("--ignore", ignore.toString()).out()).contains("Suppressed (1)");

        Path lapsed = Files.writeString(dir.resolve("lapsed.yaml"), """
                ignore:
                  - id: CVE-2023-4863
                    reason: accepted until the firmware update ships
                    expires: 2020-01-31
                """);
        CliRun expired = scan("--ignore", lapsed.toString(), "--fail-on", "kev");
        assertThat(expired.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(expired.err()).contains("the ignore entry for CVE-2023-4863 in " + lapsed + ":2 expired on 2020-01-31; it no longer suppresses");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "ignore:\n  - id: CVE-2023-4863\n    expires: 2099-01-01\n");
        CliRun refused = scan("--ignore", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).startsWith("tandem: " + bad + ": line 2, column 5: the ignore entry for CVE-2023-4863 has no 'reason'");
        assertThat(scan("--ignore", bad.toString(), "--no-ignore").err()).contains("not both");
    }

    @Test
    void aBaselineMarksNewAndUnchangedAndListsWhatIsGoneInEveryFormat() throws Exception {
        // Yesterday: only the bridge was scanned, and it had a finding that is gone today.
        JsonNode yesterday = CliRun.of("scan", "--sbom", BRIDGE, "--advisories", ADVISORIES, "--format", "json").json();
        ((com.fasterxml.jackson.databind.node.ArrayNode) yesterday.get("findings")).addObject()
                .put("findingId", "TF-0123456789abcdef0123").put("id", "CVE-2019-99999")
                .put("purl", "pkg:golang/example.com/gone@v1.0.0").put("product", "github.com/ProtonMail/proton-bridge")
                .put("knownExploited", false);
        Path baseline = dir.resolve("yesterday.json");
        Files.writeString(baseline, yesterday.toString());

        JsonNode today = scan("--baseline", baseline.toString(), "--format", "json").json();
        PublishedSchemas.assertValid("scan.schema.json", today);
        assertThat(today.at("/baseline/fixed").asInt()).isEqualTo(1);
        assertThat(today.at("/baseline/fixedFindings/0/id").asText()).isEqualTo("CVE-2019-99999");
        int bridgeFindings = yesterday.get("findings").size() - 1;
        assertThat(today.at("/baseline/unchanged").asInt()).isEqualTo(bridgeFindings);
        assertThat(today.at("/baseline/new").asInt()).isEqualTo(today.get("findings").size() - bridgeFindings);
        assertThat(finding(today, "CVE-2023-4863").get("baseline").asText()).isEqualTo("new");
        assertThat(finding(today, "CVE-2020-26160").get("baseline").asText()).isEqualTo("unchanged");

        String table = scan("--baseline", baseline.toString()).out();
        assertThat(table).contains("Baseline: " + baseline).contains("1 fixed or gone").contains("Fixed or gone since the baseline (1):")
                .contains("CVE-2019-99999").containsPattern("CVE-2023-4863 +KNOWN EXPLOITED UNKNOWN +NEW");

        String sarif = scan("--baseline", baseline.toString(), "--format", "sarif").out();
        validSarif(sarif);
        JsonNode log = JSON.readTree(sarif);
        List<String> states = new ArrayList<>();
        log.at("/runs/0/results").forEach(r -> states.add(r.get("baselineState").asText()));
        assertThat(states).contains("new", "unchanged", "absent");

        String vdr = scan("--baseline", baseline.toString(), "--format", "cyclonedx").out();
        validVdr(vdr);
        assertThat(vdr).contains("tandem:baseline:fixedFinding").contains("TF-0123456789abcdef0123 CVE-2019-99999");

        CliRun notAReport = scan("--baseline", CISA);
        assertThat(notAReport.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(notAReport.err()).startsWith("tandem: " + CISA + ": ").contains("not a Tandem scan report");
    }

    @Test
    void aKevFolderMayHoldTheCataloguesSchemas() {
        CliRun run = CliRun.of("scan", "--sbom", CAMERA, "--advisories", ADVISORIES, "--kev", "src/test/resources/scan/kev-folder",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("skipped src/test/resources/scan/kev-folder/eukev-schema.json: a JSON Schema, not a KEV catalogue")
                .contains("known_exploited_vulnerabilities_schema.json: a JSON Schema");
        assertThat(run.json().at("/summary/advisories/kevEntries").asInt()).isEqualTo(5);
        CliRun schemaAlone = CliRun.of("scan", "--sbom", CAMERA, "--advisories", ADVISORIES, "--kev",
                "src/test/resources/scan/kev-folder/eukev-schema.json");
        assertThat(schemaAlone.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(schemaAlone.err()).contains("a JSON Schema, not a KEV catalogue");
    }

    @Test
    void theTableNeverRunsTwoColumnsTogether() throws Exception {
        Path osv = Files.createDirectories(dir.resolve("long-ids"));
        Files.writeString(osv.resolve("long.json"), """
                {"id":"UBUNTU-CVE-2024-1234567890","modified":"2024-01-01T00:00:00Z",
                 "affected":[{"package":{"ecosystem":"crates.io","name":"libwebp-sys"},
                  "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"0.9.3"}]}]}],
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}]}
                """);
        Files.copy(Path.of(ADVISORIES, "crates.io", "RUSTSEC-2023-0061.json"), osv.resolve("RUSTSEC-2023-0061.json"));
        String table = CliRun.of("scan", "--sbom", CAMERA, "--advisories", osv.toString(), "--kev", CISA).out();
        assertThat(table).containsPattern("UBUNTU-CVE-2024-1234567890 {2,}CRITICAL +10\\.0  fixed in 0\\.9\\.3")
                .containsPattern("CVE-2023-4863 {2,}KNOWN EXPLOITED UNKNOWN {2,}");
        for (String line : table.lines().toList()) {
            assertThat(line).doesNotContainPattern("\\S(CRITICAL|KNOWN EXPLOITED|UNKNOWN)");
        }
    }

    private static String[] concat(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
