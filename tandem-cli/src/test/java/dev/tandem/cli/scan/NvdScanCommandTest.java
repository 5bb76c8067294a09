package dev.tandem.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import dev.tandem.cli.exit.ExitCode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs of {@code tandem scan --nvd}: the bundled router, a device named by CPE, and bad record files. */
class NvdScanCommandTest {

    private static final String ROUTER = "../examples/cbom/router-sbom.spdx.json";
    private static final String NVD = "../examples/nvd";
    private static final String DEVICE = "src/test/resources/scan/nvd/device.cdx.json";
    private static final String RECORDS = "src/test/resources/scan/nvd/records";
    private static final String CISA = "../examples/kev/cisa-known-exploited-vulnerabilities.json";

    @TempDir
    Path dir;

    private static JsonNode finding(JsonNode report, String name, String id) {
        return StreamSupport.stream(report.get("findings").spliterator(), false)
                .filter(f -> f.get("component").get("name").asText().equals(name) && f.get("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no finding " + id + " for " + name));
    }

    @Test
    void theBundledRoutersFirmwareComponentsMatchWhereTheRecordsSaySo() {
        CliRun without = CliRun.of("scan", "--sbom", ROUTER, "--advisories", "../examples/advisories", "--format", "json");
        assertThat(without.json().get("summary").get("unmatched").asInt()).isEqualTo(5);
        CliRun run = CliRun.of("scan", "--sbom", ROUTER, "--nvd", NVD, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        PublishedSchemas.assertValid("scan.schema.json", run.out());
        JsonNode report = run.json();
        // Only the product itself is left: busybox, OpenSSL, wolfSSL, Dropbear and hostapd all have a CPE now.
        assertThat(report.get("unmatched")).extracting(u -> u.get("name").asText()).containsExactly("homerouter-r7-firmware");
        assertThat(report.get("findings")).extracting(f -> f.get("component").get("name").asText() + " " + f.get("id").asText())
                .containsExactlyInAnyOrder("busybox CVE-2022-48174", "openssl CVE-2024-5535", "openssl CVE-2024-6119",
                        "openssl CVE-2024-4603", "wolfssl CVE-2024-5991", "wolfssl CVE-2024-0901", "wolfssl CVE-2024-5814");
        JsonNode openssl = finding(report, "openssl", "CVE-2024-5535");
        assertThat(openssl.get("matchedBy").asText()).isEqualTo("cpe");
        assertThat(openssl.get("cpe").get("inferred").asBoolean()).isTrue();
        assertThat(openssl.get("cpe").get("cpe").asText()).isEqualTo("cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*");
        assertThat(openssl.get("fixedIn")).extracting(JsonNode::asText).containsExactly("3.0.15");
        assertThat(openssl.get("severitySource").asText()).isEqualTo("CVE List CVE-2024-5535 (ADP CISA-ADP)");
        // wolfSSL 5.6.6 is past CVE-2023-6936 (up to 5.6.5).
        assertThat(report.get("findings")).noneMatch(f -> f.get("id").asText().equals("CVE-2023-6936"));
    }

    @Test
    void aDeviceNamedByCpeMeetsPlatformsKevAndUndecidedConfigurations() {
        CliRun run = CliRun.of("scan", "--sbom", DEVICE, "--nvd", RECORDS, "--kev", CISA, "--format", "json", "--fail-on", "kev");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FINDINGS);
        PublishedSchemas.assertValid("scan.schema.json", run.out());
        JsonNode report = run.json();
        JsonNode archer = finding(report, "archer_ax21_firmware", "CVE-2023-1389");
        assertThat(archer.get("knownExploited").asBoolean()).isTrue();
        assertThat(archer.get("matchRule").asText()).endsWith("with cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*");
        assertThat(archer.get("purl").asText()).isEmpty();
        JsonNode kernel = finding(report, "linux", "CVE-2024-1086");
        assertThat(kernel.get("knownExploited").asBoolean()).isTrue();
        assertThat(kernel.get("cpe").get("cpe").asText()).isEqualTo("cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:*");
        JsonNode heartbleed = finding(report, "openssl", "CVE-2014-0160");
        assertThat(heartbleed.get("knownExploited").asBoolean()).isTrue();
        assertThat(heartbleed.get("fixedIn")).extracting(JsonNode::asText).containsExactly("1.0.1g");
        // The hardware is a platform, never a finding; the Archer C5 firmware lacks its hardware: undecided.
        assertThat(report.get("findings")).noneMatch(f -> f.get("component").get("name").asText().equals("archer_ax21"));
        assertThat(report.get("undecided")).singleElement().satisfies(u -> {
            assertThat(u.get("id").asText()).isEqualTo("CVE-2015-3035");
            assertThat(u.get("matchedBy").asText()).isEqualTo("cpe");
            assertThat(u.get("reason").asText()).contains("applies only together with cpe:2.3:h:tp-link:archer_c5_\\(1.2\\):*");
        });
        assertThat(report.get("unmatched")).extracting(u -> u.get("name").asText()).containsExactly("radio calibration blob");
        CliRun table = CliRun.of("scan", "--sbom", DEVICE, "--nvd", RECORDS, "--kev", CISA);
        assertThat(table.out()).contains("KNOWN EXPLOITED").contains("matched by CPE cpe:2.3:a:openssl:openssl:1.0.1f")
                .contains("Not decided (1)");
    }

    @Test
    void badRecordFilesAreRefusedNamingFileAndPositionOrSkippedWhenLenient() throws Exception {
        Path truncated = dir.resolve("CVE-2023-1389.json");
        String text = Files.readString(Path.of(RECORDS, "CVE-2023-1389.json"));
        Files.writeString(truncated, text.substring(0, text.length() / 2));
        CliRun strict = CliRun.of("scan", "--sbom", DEVICE, "--nvd", truncated.toString());
        assertThat(strict.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(strict.err()).startsWith("tandem: " + truncated + ": line ").doesNotContain("Exception");
        CliRun lenient = CliRun.of("scan", "--sbom", DEVICE, "--nvd", truncated.toString(), RECORDS, "--lenient",
                "--format", "json");
        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.err()).contains("tandem: warning: skipped NVD or CVE record: " + truncated);
        assertThat(lenient.json().get("warnings").get(0).asText()).startsWith("skipped NVD or CVE record: " + truncated);

        Path zip = dir.resolve("records.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../escape/CVE-2023-1389.json"));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        CliRun traversal = CliRun.of("scan", "--sbom", DEVICE, "--nvd", zip.toString());
        assertThat(traversal.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(traversal.err()).contains(zip + "!/../escape/CVE-2023-1389.json: unsafe archive entry name");

        Path notRecords = dir.resolve("osv.json");
        Files.writeString(notRecords, "{\"id\":\"GHSA-xxxx-xxxx-xxxx\",\"modified\":\"2024-01-01T00:00:00Z\"}");
        CliRun wrongKind = CliRun.of("scan", "--sbom", DEVICE, "--nvd", notRecords.toString());
        assertThat(wrongKind.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(wrongKind.err()).contains(notRecords + ": line 1, column 1, at /: not an NVD or CVE record");
    }

    @Test
    void recordsGoBesideOsvAdvisoriesAndJoinTheirFindings() {
        List<String> args = new ArrayList<>(List.of("scan", "--sbom", "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json",
                "--advisories", "../examples/advisories", "--nvd", NVD, "--format", "json"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = run.json();
        // One finding for the HTTP/2 CONTINUATION flood: matched by the Go advisory, scored by CISA's ADP.
        List<JsonNode> flood = StreamSupport.stream(report.get("findings").spliterator(), false)
                .filter(f -> f.get("id").asText().equals("CVE-2023-45288")).toList();
        assertThat(flood).singleElement().satisfies(f -> {
            assertThat(f.get("matchedBy").asText()).isEqualTo("osv");
            assertThat(f.get("severity").asText()).isEqualTo("high");
            assertThat(f.get("severitySource").asText()).isEqualTo("CVE List CVE-2023-45288 (ADP CISA-ADP)");
        });
        JsonNode busybox = finding(report, "busybox", "CVE-2022-48174");
        assertThat(busybox.get("cpe").get("inferred").asBoolean()).isFalse();
    }

    @Test
    void sarifAndTheCycloneDxVdrOfCpeFindingsAreValidAgainstTheirOfficialSchemas() throws Exception {
        CliRun sarifRun = CliRun.of("scan", "--sbom", DEVICE, ROUTER, "--nvd", RECORDS, NVD, "--kev", CISA, "--format", "sarif");
        assertThat(sarifRun.exitCode()).as(sarifRun.err()).isZero();
        Schema schema;
        try (InputStream in = NvdScanCommandTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        JsonNode sarif = sarifRun.json();
        assertThat(schema.validate(sarif)).isEmpty();
        // A component without purl is located at the line where the SBOM writes its CPE.
        List<String> device = Files.readAllLines(Path.of(DEVICE));
        JsonNode kernel = StreamSupport.stream(sarif.get("runs").get(0).get("results").spliterator(), false)
                .filter(r -> r.get("ruleId").asText().equals("CVE-2024-1086")).findFirst().orElseThrow();
        int line = kernel.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt();
        assertThat(device.get(line - 1)).contains("cpe:/o:linux:linux_kernel:6.6.14");

        CliRun vdr = CliRun.of("scan", "--sbom", DEVICE, ROUTER, "--nvd", RECORDS, NVD, "--kev", CISA, "--format", "cyclonedx");
        byte[] bytes = vdr.out().getBytes(StandardCharsets.UTF_8);
        assertThat(new org.cyclonedx.parsers.JsonParser().validate(bytes, org.cyclonedx.Version.VERSION_16)).isEmpty();
        JsonNode bom = vdr.json();
        assertThat(bom.get("components")).anySatisfy(c -> assertThat(c.path("cpe").asText())
                .isEqualTo("cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*"));
    }
}
