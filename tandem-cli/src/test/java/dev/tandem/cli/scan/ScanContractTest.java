package dev.tandem.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of issue 2 checked literally through whole CLI runs: every SBOM format, every
 * advisory container (files, mixed JSON/YAML directories, OSV's zip layout), both KEV catalogues
 * alone and in either order, each {@code --fail-on} level, and the OSV range and package-identity
 * cases (GIT-only, withdrawn, {@code last_affected}, {@code limit}, PEP 503, npm scopes, Maven,
 * Debian {@code distro}/{@code upstream}).
 */
class ScanContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("src/test/resources/scan/contract");
    private static final String OSV = ROOT.resolve("osv").toString();
    private static final String CDX = ROOT.resolve("sboms/app.cdx.json").toString();
    private static final String CISA = ROOT.resolve("kev/cisa-kev.json").toString();
    private static final String EU = ROOT.resolve("kev/eu-kev.json").toString();

    private static JsonNode report(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("scan"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        return JSON.readTree(run.out());
    }

    /** purl → ids of its findings, with a trailing ! for known-exploited ones. */
    private static Map<String, List<String>> findings(JsonNode report) {
        Map<String, List<String>> byPurl = new TreeMap<>();
        for (JsonNode f : report.get("findings")) {
            byPurl.computeIfAbsent(f.get("purl").asText(), p -> new ArrayList<>())
                    .add(f.get("id").asText() + (f.get("knownExploited").asBoolean() ? "!" : ""));
        }
        return byPurl;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"app.cdx.json", "app.cdx.xml", "app.spdx.json", "app.spdx"})
    void everySbomFormatFindsTheExploitedLog4jAndFailsOnKev(String sbom) throws IOException {
        String file = ROOT.resolve("sboms").resolve(sbom).toString();
        CliRun run = CliRun.of("scan", "--sbom", file, "--advisories", OSV, "--kev", CISA, "--fail-on", "kev",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        Map<String, List<String>> findings = findings(JSON.readTree(run.out()));
        assertThat(findings.get("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")).containsExactly("CVE-2021-44228!");
        assertThat(findings).containsKey(findings.keySet().stream().filter(p -> p.startsWith("pkg:pypi/")).findFirst()
                .orElseThrow(() -> new AssertionError("no PyPI finding in " + findings)));
    }

    @Test
    void aZipInOsvsLayoutAndAMixedDirectoryGiveTheSameFindings(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> files = Files.walk(ROOT.resolve("osv"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        JsonNode fromDirectory = report("--sbom", CDX, "--advisories", OSV);
        JsonNode fromZip = report("--sbom", CDX, "--advisories", zip.toString());
        assertThat(findings(fromZip)).isEqualTo(findings(fromDirectory)).isNotEmpty();
        // The YAML record of the mixed directory was read (zope.interface, named Zope_Interface there).
        assertThat(findings(fromDirectory).get("pkg:pypi/zope.interface@5.0")).containsExactly("CVE-2021-0002");
    }

    @Test
    void theEuKevAloneMarksItsCveAndKevFilesWorkInEitherOrder() throws IOException {
        JsonNode euOnly = report("--sbom", CDX, "--advisories", OSV, "--kev", EU);
        assertThat(findings(euOnly).get("pkg:npm/lastaff@1.5.0")).contains("CVE-2022-26134!");
        JsonNode exploitation = null;
        for (JsonNode f : euOnly.get("findings")) {
            if (f.get("id").asText().equals("CVE-2022-26134")) {
                exploitation = f.get("exploitation");
            }
        }
        assertThat(exploitation).isNotNull();
        assertThat(exploitation.get(0).get("catalog").asText()).isEqualTo("eu");
        assertThat(findings(euOnly).get("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"))
                .containsExactly("CVE-2021-44228");

        Map<String, List<String>> cisaFirst = findings(report("--sbom", CDX, "--advisories", OSV, "--kev", CISA, EU));
        Map<String, List<String>> kevDirectory = findings(report("--sbom", CDX, "--advisories", OSV, "--kev",
                ROOT.resolve("kev").toString()));
        assertThat(kevDirectory).isEqualTo(cisaFirst);
        Map<String, List<String>> euFirst = findings(report("--sbom", CDX, "--advisories", OSV, "--kev", EU, CISA));
        assertThat(euFirst).isEqualTo(cisaFirst);
        assertThat(cisaFirst.toString()).contains("CVE-2021-44228!").contains("CVE-2022-26134!");
    }

    @Test
    void osvRangeSemanticsAndPackageIdentitiesHold() throws IOException {
        JsonNode report = report("--sbom", CDX, "--advisories", OSV);
        Map<String, List<String>> findings = findings(report);
        // PEP 503: "Django" in the SBOM, "django" in the advisory; "zope.interface" vs "Zope_Interface".
        assertThat(findings.get("pkg:pypi/Django@3.2.0")).containsExactly("CVE-2021-0001");
        assertThat(findings.get("pkg:pypi/pillow@9.0.0")).containsExactly("CVE-2023-4863");
        assertThat(findings.get("pkg:npm/%40angular/core@10.0.0")).containsExactly("CVE-2021-0003");
        // last_affected is inclusive; limit caps the range (2.1.0 is past the limit 2.0.0).
        assertThat(findings.get("pkg:npm/lastaff@1.5.0")).contains("GHSA-1111-2222-3333");
        assertThat(findings).doesNotContainKey("pkg:npm/lastaff2@2.1.0");
        // Withdrawn advisories are ignored.
        assertThat(findings).doesNotContainKey("pkg:npm/withdrawn-pkg@1.0.0");
        // Debian: the source package comes from "upstream", the release from "distro": the Debian 11
        // copy is vulnerable, the Debian 12 one has the fixed version.
        assertThat(findings.get("pkg:deb/debian/libc6@2.31-13?arch=amd64&distro=debian-11&upstream=glibc"))
                .containsExactly("CVE-2023-4911");
        assertThat(findings).doesNotContainKey("pkg:deb/debian/libc6@2.36-9+deb12u3?arch=amd64&distro=debian-12&upstream=glibc");
        assertThat(findings.get("pkg:apk/alpine/openssl@3.1.4-r0?arch=x86_64&distro=alpine-3.18.4"))
                .containsExactly("ALPINE-CVE-2023-5678");
        assertThat(findings.get("pkg:rpm/redhat/openssl@3.0.7-16.el9?arch=x86_64&epoch=1&distro=rhel-9.2"))
                .containsExactly("RHSA-2024:0001");
        // A GIT-only range is reported as not evaluated, never as a finding.
        assertThat(findings).doesNotContainKey("pkg:pypi/gitonly@1.0.0");
        assertThat(report.get("undecided")).anySatisfy(u -> {
            assertThat(u.get("purl").asText()).isEqualTo("pkg:pypi/gitonly@1.0.0");
            assertThat(u.get("reason").asText()).contains("GIT");
        });
        // Components without a usable purl are listed, not dropped.
        assertThat(report.get("unmatched")).extracting(u -> u.get("name").asText()).containsExactlyInAnyOrder("nopurl", "weird");
        assertThat(report.get("summary").get("components").asInt()).isEqualTo(15);
    }

    @Test
    void theCycloneDxVdrNamesTheFixOfEveryAffectedPackage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("two.json"), """
                {"id":"GHSA-twot-twot-twot","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2024-0002"],
                 "affected":[
                  {"package":{"ecosystem":"npm","name":"@angular/core"},
                   "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"11.0.5"}]}]},
                  {"package":{"ecosystem":"npm","name":"lastaff"},
                   "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}
                """);
        CliRun run = CliRun.of("scan", "--sbom", CDX, "--advisories", dir.toString(), "--format", "cyclonedx");
        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] bytes = run.out().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new org.cyclonedx.parsers.JsonParser().validate(bytes, org.cyclonedx.Version.VERSION_16)).isEmpty();
        JsonNode vulnerability = JSON.readTree(bytes).get("vulnerabilities").get(0);
        assertThat(vulnerability.get("id").asText()).isEqualTo("CVE-2024-0002");
        assertThat(vulnerability.get("recommendation").asText())
                .contains("npm/@angular/core: upgrade to 11.0.5").contains("npm/lastaff: upgrade to 2.0.0");
        assertThat(vulnerability.get("affects")).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("versions").get(0).get("status").asText()).isEqualTo("affected");
            assertThat(a.get("versions").get(0).get("version").asText()).isIn("10.0.0", "1.5.0");
        });
        assertThat(vulnerability.get("analysis").get("detail").asText())
                .contains("pkg:npm/%40angular/core@10.0.0").contains("pkg:npm/lastaff@1.5.0");
    }

    @Test
    void sarifGivesARatingOnlyAdvisoryASecuritySeverityInItsBand() throws IOException {
        CliRun run = CliRun.of("scan", "--sbom", CDX, "--advisories", ROOT.resolve("osv/angular.json").toString(),
                "--format", "sarif");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rule = JSON.readTree(run.out()).get("runs").get(0).get("tool").get("driver").get("rules").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("CVE-2021-0003");
        assertThat(rule.get("properties").get("security-severity").asText()).isEqualTo("5.5");
        assertThat(rule.get("defaultConfiguration").get("level").asText()).isEqualTo("warning");
    }

    @ParameterizedTest(name = "--fail-on {0} with only a medium finding: exit {1}")
    @CsvSource({"kev, 0", "critical, 0", "high, 0", "medium, 1", "low, 1", "any, 1", "MEDIUM, 1", "High, 0"})
    void failOnLevels(String level, int exit) {
        CliRun run = CliRun.of("scan", "--sbom", CDX, "--advisories", ROOT.resolve("osv/zope.yaml").toString(),
                "--fail-on", level, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
    }

    @Test
    void anSbomWithoutComponentsScansCleanly(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.cdx.json");
        Files.writeString(empty, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[]}");
        CliRun run = CliRun.of("scan", "--sbom", empty.toString(), "--advisories", OSV, "--fail-on", "any",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("findings")).isEmpty();
        assertThat(report.get("unmatched")).isEmpty();
    }

    @Test
    void theReportGoesIntoAFolderThatDidNotExist(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("no/such/dir/report.json");
        CliRun run = CliRun.of("scan", "--sbom", CDX, "--advisories", OSV, "-o", report.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(report.toFile()).get("findings")).isNotEmpty();
    }

    @Test
    void badUsageAndMissingPathsExitTwoNamingTheProblem() {
        CliRun noAdvisories = CliRun.of("scan", "--sbom", CDX);
        assertThat(noAdvisories.exitCode()).isEqualTo(2);
        assertThat(noAdvisories.err()).contains("--advisories");
        CliRun missing = CliRun.of("scan", "--sbom", CDX, "--advisories", "no/such/osv");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no/such/osv").doesNotContain("\tat ");
        CliRun missingKev = CliRun.of("scan", "--sbom", CDX, "--advisories", OSV, "--kev", "no/such/kev.json");
        assertThat(missingKev.exitCode()).isEqualTo(2);
        assertThat(missingKev.err()).contains("no/such/kev.json");
        // -o is the shared output option: a missing folder is created, a folder is not a file to write.
        CliRun badOutput = CliRun.of("scan", "--sbom", CDX, "--advisories", OSV, "-o", ROOT.toString());
        assertThat(badOutput.exitCode()).isEqualTo(2);
        assertThat(badOutput.err()).contains("cannot write to " + ROOT + ": it is a directory");
        CliRun upper = CliRun.of("scan", "--sbom", CDX, "--advisories", OSV, "--format", "SARIF");
        assertThat(upper.exitCode()).as(upper.err()).isZero();
        assertThat(upper.out()).contains("\"version\" : \"2.1.0\"");
    }
}
