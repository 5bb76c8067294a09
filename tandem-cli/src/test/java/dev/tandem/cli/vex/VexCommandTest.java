package dev.tandem.cli.vex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tandem vex}: the same decisions as CycloneDX VEX 1.6 and OpenVEX 0.2.0, each valid, each read back by the scan. */
class VexCommandTest {

    @TempDir
    Path tmp;

    static CliRun vex(String format, String... extra) {
        List<String> args = new ArrayList<>(List.of("vex", "--sbom", AdvisoryCommandTest.CAMERA, AdvisoryCommandTest.PROTON,
                "--advisories", AdvisoryCommandTest.ADVISORIES, "--kev", AdvisoryCommandTest.CISA, "--decisions",
                AdvisoryCommandTest.DECISIONS, "--date", "2026-11-06T10:00:00Z", "--format", format));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void cycloneDxVexIsValidAndCarriesTheDecisionsInItsOwnVocabulary() throws Exception {
        CliRun run = vex("cyclonedx");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new org.cyclonedx.parsers.JsonParser().validate(run.out().getBytes(StandardCharsets.UTF_8),
                org.cyclonedx.Version.VERSION_16)).isEmpty();
        JsonNode bom = run.json();
        assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
        JsonNode rustls = null;
        for (JsonNode v : bom.get("vulnerabilities")) {
            if (v.get("id").asText().equals("CVE-2024-32650")) {
                rustls = v;
            }
        }
        assertThat(rustls.get("analysis").get("state").asText()).isEqualTo("not_affected");
        assertThat(rustls.get("analysis").get("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(rustls.get("affects").get(0).get("ref").asText()).isEqualTo("pkg:cargo/rustls@0.21.7");
        assertThat(bom.get("vulnerabilities").findValuesAsText("state")).contains("in_triage", "exploitable", "resolved", "false_positive");
        // The same decisions give the same document.
        assertThat(vex("cyclonedx").out()).isEqualTo(run.out());
    }

    @Test
    void openVexIsValidAgainstItsSchema() {
        CliRun run = vex("openvex");
        assertThat(run.exitCode()).as(run.err()).isZero();
        OfficialSchemas.assertValid(OfficialSchemas.OPENVEX, run.out());
        JsonNode document = run.json();
        assertThat(document.get("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
        assertThat(document.get("statements").findValuesAsText("status"))
                .contains("not_affected", "affected", "fixed", "under_investigation");
        // A broken document fails the same check, or the check proves nothing.
        assertThat(OfficialSchemas.violations(OfficialSchemas.OPENVEX, run.out().replace("\"not_affected\"", "\"maybe\""))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cyclonedx", "openvex"})
    void theScanReadsItBackAndSuppressesTheTriagedFindings(String format) throws Exception {
        Path file = tmp.resolve("decisions." + format + ".json");
        Files.writeString(file, vex(format).out());
        CliRun scan = CliRun.of("scan", "--sbom", AdvisoryCommandTest.CAMERA, AdvisoryCommandTest.PROTON, "--advisories",
                AdvisoryCommandTest.ADVISORIES, "--vex", file.toString(), "--format", "json");
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.err()).doesNotContain("matches no finding");
        assertThat(scan.json().get("summary").get("suppressed").asInt()).isEqualTo(4);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = vex("spdx");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cyclonedx or openvex");
    }
}
