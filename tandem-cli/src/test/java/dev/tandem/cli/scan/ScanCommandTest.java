package dev.tandem.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tandem.cli.CliRun;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs of {@code tandem scan} on the bundled examples (the README's command) and on bad input. */
class ScanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMERA = "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json";
    private static final String BRIDGE = "../examples/sboms/proton-bridge-v1.8.0.cdx.json";
    private static final String ADVISORIES = "../examples/advisories";
    private static final String CISA = "../examples/kev/cisa-known-exploited-vulnerabilities.json";
    private static final String EU = "../examples/kev/eu-kev.json";

    private static CliRun scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--sbom", CAMERA, BRIDGE, "--advisories", ADVISORIES,
                "--kev", CISA, EU));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode finding(JsonNode report, String purl, String id) {
        return StreamSupport.stream(report.get("findings").spliterator(), false)
                .filter(f -> f.get("purl").asText().equals(purl)
                        && (f.get("id").asText().equals(id) || f.get("aliases").toString().contains("\"" + id + "\"")))
                .findFirst().orElseThrow(() -> new AssertionError("no finding " + id + " for " + purl));
    }

    @Nested
    class JsonReport {

        @Test
        void theExploitedLibwebpIsFoundThroughItsCveAlias() throws Exception {
            CliRun run = scan("--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = JSON.readTree(run.out());
            JsonNode webp = finding(report, "pkg:cargo/libwebp-sys@0.9.2", "CVE-2023-4863");
            assertThat(webp.get("knownExploited").asBoolean()).isTrue();
            assertThat(webp.get("aliases")).extracting(JsonNode::asText)
                    .contains("RUSTSEC-2023-0061", "GHSA-j7hp-h8jx-5ppr");
            assertThat(webp.get("fixedIn")).extracting(JsonNode::asText).containsExactly("0.9.3");
            assertThat(webp.get("exploitation")).extracting(e -> e.get("catalog").asText()).contains("cisa");
            assertThat(webp.get("component").get("dependency").asText()).isEqualTo("transitive");
            assertThat(report.get("summary").get("knownExploited").asInt()).isGreaterThanOrEqualTo(1);
        }

        @Test
        void realGoAdvisoriesMatchTheProtonBridgeSbom() throws Exception {
            JsonNode report = JSON.readTree(scan("--format", "json").out());
            JsonNode jwt = finding(report, "pkg:golang/github.com/dgrijalva/jwt-go@v3.2.0", "CVE-2020-26160");
            assertThat(jwt.get("aliases")).extracting(JsonNode::asText).contains("GO-2020-0017");
            assertThat(jwt.get("knownExploited").asBoolean()).isFalse();
            assertThat(jwt.get("severity").asText()).isIn("critical", "high", "medium", "low", "none", "unknown");
            // gin 1.4.0 is vulnerable (GO-2020-0001) but gin 1.9.1 in the camera is not.
            finding(report, "pkg:golang/github.com/gin-gonic/gin@v1.4.0", "CVE-2020-28483");
            assertThat(report.get("findings")).noneMatch(f -> f.get("purl").asText().equals("pkg:golang/github.com/gin-gonic/gin@v1.9.1")
                    && f.get("aliases").toString().contains("GO-2020-0001"));
        }

        @Test
        void componentsThatCannotBeMatchedAreListedWithTheReason() throws Exception {
            JsonNode report = JSON.readTree(scan("--format", "json").out());
            List<String> reasons = new ArrayList<>();
            report.get("unmatched").forEach(u -> reasons.add(u.get("name").asText() + ": " + u.get("reason").asText()));
            assertThat(reasons).contains("OV5647 image sensor firmware: no package URL (purl)",
                    "busybox: no advisory ecosystem for purl type \"generic\"; its CPE can be matched only against NVD or"
                            + " CVE records, and none were given");
            assertThat(report.get("summary").get("unmatched").asInt()).isEqualTo(report.get("unmatched").size());
        }

        @Test
        void everyFindingCarriesTheContractFields() throws Exception {
            JsonNode report = JSON.readTree(scan("--format", "json").out());
            assertThat(report.get("findings").size()).isGreaterThan(40);
            for (JsonNode f : report.get("findings")) {
                assertThat(f.get("purl").isTextual()).isTrue();
                assertThat(f.get("id").isTextual()).isTrue();
                assertThat(f.get("aliases").isArray()).isTrue();
                assertThat(f.get("knownExploited").isBoolean()).isTrue();
                assertThat(f.get("severity").isTextual()).isTrue();
                assertThat(f.get("fixedIn").isArray()).isTrue();
            }
        }
    }

    @Nested
    class ExitCodes {

        @Test
        void failOnKevFailsBecauseOfTheExploitedComponent() {
            assertThat(scan("--fail-on", "kev", "--format", "json").exitCode()).isEqualTo(1);
        }

        @Test
        void failOnKevPassesWhenNothingIsExploited() {
            CliRun run = CliRun.of("scan", "--sbom", BRIDGE, "--advisories", ADVISORIES, "--kev", CISA, EU,
                    "--fail-on", "kev", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }

        @Test
        void failOnAnyFailsOnAnyFinding() {
            CliRun run = CliRun.of("scan", "--sbom", BRIDGE, "--advisories", ADVISORIES, "--fail-on", "any");
            assertThat(run.exitCode()).isEqualTo(1);
        }

        @Test
        void aMissingSbomIsBadInputNamingTheFile() {
            CliRun run = CliRun.of("scan", "--sbom", "no/such/bom.json", "--advisories", ADVISORIES);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("no/such/bom.json").doesNotContain("Exception");
        }

        @Test
        void aTruncatedSbomIsBadInputNamingFileAndLine(@TempDir Path dir) throws Exception {
            Path bom = dir.resolve("truncated.cdx.json");
            String text = Files.readString(Path.of(CAMERA));
            Files.writeString(bom, text.substring(0, text.length() / 2));
            CliRun run = CliRun.of("scan", "--sbom", bom.toString(), "--advisories", ADVISORIES);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("truncated.cdx.json").containsPattern("line \\d+");
            assertThat(run.err()).doesNotContain("\tat ");
        }

        @Test
        void aMalformedAdvisoryIsBadInputUnlessLenient(@TempDir Path dir) throws Exception {
            Path advisories = dir.resolve("osv");
            Files.createDirectories(advisories);
            Files.writeString(advisories.resolve("BROKEN-1.json"), "{\"id\": \"BROKEN-1\", \"modified\": ");
            Files.copy(Path.of(ADVISORIES, "crates.io", "RUSTSEC-2023-0061.json"), advisories.resolve("RUSTSEC-2023-0061.json"));
            CliRun strict = CliRun.of("scan", "--sbom", CAMERA, "--advisories", advisories.toString());
            assertThat(strict.exitCode()).isEqualTo(2);
            assertThat(strict.err()).contains("BROKEN-1.json");
            CliRun lenient = CliRun.of("scan", "--sbom", CAMERA, "--advisories", advisories.toString(), "--lenient", "--format", "json");
            assertThat(lenient.exitCode()).as(lenient.err()).isZero();
            assertThat(lenient.err()).contains("BROKEN-1.json");
            assertThat(JSON.readTree(lenient.out()).get("warnings").toString()).contains("BROKEN-1.json");
            assertThat(JSON.readTree(lenient.out()).get("findings").size()).isEqualTo(1);
        }

        @Test
        void anUnknownFormatIsBadUsage() {
            CliRun run = scan("--format", "pdf");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--format");
        }
    }

    @Nested
    class Renderers {

        @Test
        void tableGroupsByComponentWithTheExploitedFirst() {
            CliRun run = scan();
            assertThat(run.exitCode()).isZero();
            String camera = run.out().substring(run.out().indexOf("SC-200 smart camera firmware"));
            String firstComponent = camera.lines().filter(l -> l.startsWith(" ! ") || l.startsWith("   pkg:")).findFirst().orElseThrow();
            assertThat(firstComponent).isEqualTo(" ! pkg:cargo/libwebp-sys@0.9.2  (transitive dependency)");
            assertThat(camera).contains("KNOWN EXPLOITED").contains("fixed in 0.9.3");
            assertThat(run.out()).contains("Not matched (2 components)");
        }

        @Test
        void sarifIsValidAgainstTheSarif210Schema() throws Exception {
            CliRun run = scan("--format", "sarif");
            assertThat(run.exitCode()).isZero();
            Schema schema;
            try (InputStream in = ScanCommandTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
            }
            JsonNode sarif = JSON.readTree(run.out());
            assertThat(schema.validate(sarif)).isEmpty();
            JsonNode results = sarif.get("runs").get(0).get("results");
            assertThat(results.size()).isGreaterThan(40);
            assertThat(results).anySatisfy(r -> {
                assertThat(r.get("ruleId").asText()).isEqualTo("CVE-2023-4863");
                assertThat(r.get("level").asText()).isEqualTo("error");
                assertThat(r.get("properties").get("knownExploited").asBoolean()).isTrue();
            });
            // Code scanning needs a region; it points at the line of the SBOM that names the component.
            List<String> cameraLines = Files.readAllLines(Path.of(CAMERA));
            for (JsonNode r : results) {
                JsonNode location = r.get("locations").get(0).get("physicalLocation");
                int line = location.get("region").get("startLine").asInt();
                assertThat(line).isPositive();
                if (location.get("artifactLocation").get("uri").asText().equals(CAMERA)) {
                    assertThat(cameraLines.get(line - 1)).contains(r.get("properties").get("purl").asText());
                }
            }
            // A broken document must fail the same validation, or the check above proves nothing.
            ((com.fasterxml.jackson.databind.node.ObjectNode) sarif).put("version", "2.0.0");
            assertThat(schema.validate(sarif)).isNotEmpty();
        }

        @Test
        void cycloneDxVdrIsValidAgainstTheCycloneDx16Schema() throws Exception {
            CliRun run = scan("--format", "cyclonedx");
            assertThat(run.exitCode()).isZero();
            byte[] bytes = run.out().getBytes(StandardCharsets.UTF_8);
            assertThat(new org.cyclonedx.parsers.JsonParser().validate(bytes, org.cyclonedx.Version.VERSION_16)).isEmpty();
            JsonNode bom = JSON.readTree(bytes);
            JsonNode webp = StreamSupport.stream(bom.get("vulnerabilities").spliterator(), false)
                    .filter(v -> v.get("id").asText().equals("CVE-2023-4863")).findFirst().orElseThrow();
            assertThat(webp.get("properties").toString()).contains("tandem:knownExploited").contains("tandem:kev:cisa");
            assertThat(webp.get("affects").get(0).get("ref").asText()).isEqualTo("sbom1:libwebp-sys@0.9.2");
        }

        @Test
        void outputOptionWritesTheReportToAFile(@TempDir Path dir) throws Exception {
            Path out = dir.resolve("report.json");
            CliRun run = scan("--format", "json", "--output", out.toString());
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(JSON.readTree(out.toFile()).get("findings").size()).isGreaterThan(40);
        }
    }
}
