package dev.tandem.cli.vex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip: scan the bundled examples, triage them (a decisions file), publish CSAF VEX,
 * scan again with it: the triaged findings are suppressed, with the justification shown.
 */
class VexRoundTripTest {

    static final String CAMERA = AdvisoryCommandTest.CAMERA;
    static final String PROTON = AdvisoryCommandTest.PROTON;

    @TempDir
    Path tmp;

    static CliRun scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--sbom", CAMERA, PROTON, "--advisories", AdvisoryCommandTest.ADVISORIES,
                "--kev", AdvisoryCommandTest.CISA, AdvisoryCommandTest.EU));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    static Map<String, JsonNode> findingsByVulnerabilityAndPurl(JsonNode scan) {
        Map<String, JsonNode> findings = new HashMap<>();
        for (JsonNode finding : scan.get("findings")) {
            findings.put(finding.get("id").asText() + " " + finding.get("component").get("purl").asText(), finding);
        }
        return findings;
    }

    @Test
    void triagedFindingsComeBackSuppressedWithTheirJustification() throws IOException {
        JsonNode before = scan("--format", "json").json();
        assertThat(before.get("summary").get("suppressed").asInt()).isZero();

        CliRun published = CliRun.of("advisory", "--sbom", CAMERA, PROTON, "--advisories", AdvisoryCommandTest.ADVISORIES,
                "--kev", AdvisoryCommandTest.CISA, AdvisoryCommandTest.EU, "--decisions", AdvisoryCommandTest.DECISIONS,
                "--profile", "csaf_vex", "--publisher-namespace", "https://camera.example", "--out", tmp.resolve("sc200-vex.json").toString());
        assertThat(published.exitCode()).as(published.err()).isZero();

        CliRun again = scan("--vex", tmp.resolve("sc200-vex.json").toString(), "--format", "json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("matches no finding");
        JsonNode after = again.json();
        // VEX origins, authors and justifications are fields of the published scan schema too.
        PublishedSchemas.assertValid("scan.schema.json", after);
        Map<String, JsonNode> findings = findingsByVulnerabilityAndPurl(after);
        // Four decisions suppress: not_affected (x2), resolved, false_positive.
        assertThat(after.get("summary").get("suppressed").asInt()).isEqualTo(4);
        JsonNode rustls = findings.get("CVE-2024-32650 pkg:cargo/rustls@0.21.7");
        assertThat(rustls.get("suppressed").asBoolean()).isTrue();
        JsonNode statement = rustls.get("analysis").get(0);
        assertThat(statement.get("origin").asText()).isEqualTo("vex");
        assertThat(statement.get("state").asText()).isEqualTo("not_affected");
        assertThat(statement.get("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(statement.get("author").asText()).isEqualTo("Example Camera Co.");
        assertThat(statement.get("reason").asText()).contains("complete_io is never called");
        assertThat(findings.get("RUSTSEC-2024-0003 pkg:cargo/h2@0.3.18").get("analysis").get(0).get("justification").asText())
                .isEqualTo("protected_by_mitigating_control");
        assertThat(findings.get("CVE-2025-24898 pkg:cargo/openssl@0.10.52").get("analysis").get(0).get("state").asText())
                .isEqualTo("resolved");
        assertThat(findings.get("RUSTSEC-2025-0023 pkg:cargo/tokio@1.25.0").get("suppressed").asBoolean()).isTrue();
        // Exploitable and in-triage statements annotate without suppressing.
        JsonNode webp = findings.get("CVE-2023-4863 pkg:cargo/libwebp-sys@0.9.2");
        assertThat(webp.get("suppressed").asBoolean()).isFalse();
        assertThat(webp.get("analysis").get(0).get("state").asText()).isEqualTo("exploitable");
        assertThat(webp.get("analysis").get(0).get("response").get(0).asText()).isEqualTo("update");
        assertThat(findings.get("CVE-2023-45288 pkg:golang/golang.org/x/net@v0.17.0").get("analysis").get(0).get("state").asText())
                .isEqualTo("in_triage");
        // Nothing about the statements: every one matched, none conflicts (the scan's coverage note may remain).
        assertThat(again.err().lines().filter(l -> !l.startsWith("tandem: warning: coverage:"))).isEmpty();

        // The table shows them apart, with who said what; SARIF carries them as suppressions.
        CliRun table = scan("--vex", tmp.resolve("sc200-vex.json").toString());
        assertThat(table.out()).contains("4 suppressed").contains("Suppressed (4)")
                .contains("not_affected (code_not_reachable) by Example Camera Co.");
        JsonNode sarif = scan("--vex", tmp.resolve("sc200-vex.json").toString(), "--format", "sarif").json();
        Schema sarifSchema;
        try (InputStream in = VexRoundTripTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        assertThat(sarifSchema.validate(sarif)).isEmpty();
        long suppressions = 0;
        for (JsonNode result : sarif.get("runs").get(0).get("results")) {
            suppressions += result.path("suppressions").size() > 0 ? 1 : 0;
        }
        assertThat(suppressions).isEqualTo(4);
    }

    @Test
    void aStatementThatMatchesNothingIsReported() throws IOException {
        Path vex = tmp.resolve("stale.openvex.json");
        Files.writeString(vex, """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://camera.example/vex/1", "author": "PSIRT",
                 "timestamp": "2026-11-01T00:00:00Z", "version": 1, "statements": [
                  {"vulnerability": {"name": "CVE-2021-44228"}, "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
                   "status": "not_affected", "justification": "vulnerable_code_not_present"},
                  {"vulnerability": {"name": "GHSA-6g7w-8wpp-frhj"}, "products": [{"@id": "pkg:cargo/rustls@0.21.7"}],
                   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
                """);
        CliRun run = scan("--vex", vex.toString(), "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("the VEX statement for CVE-2021-44228 in " + vex + ":3 (not_affected) matches no finding");
        // An alias names the same vulnerability: the GHSA statement suppresses the CVE finding.
        assertThat(run.json().get("summary").get("suppressed").asInt()).isEqualTo(1);
    }

    @Test
    void badVexIsExitTwoWithFileAndPosition() throws IOException {
        Path vex = tmp.resolve("bad.json");
        Files.writeString(vex, "{\"bomFormat\": \"CycloneDX\", \"vulnerabilities\": [{\"id\": \"CVE-1\",\n \"analysis\": {\"state\": \"nope\"}}]}");
        CliRun run = scan("--vex", vex.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(vex + ": line 2").contains("/vulnerabilities/0/analysis/state").contains("nope")
                .doesNotContain("Exception");
    }
}
