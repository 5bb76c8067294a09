package dev.tandem.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real {@code scan --format json} reports against the published docs/schemas/scan.schema.json. */
class ScanSchemaTest {

    private static final String SCHEMA = "scan.schema.json";
    private static final String[] SBOMS = {"../examples/sboms/proton-bridge-v1.8.0.cdx.json",
            "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json"};
    private static final String[] KEV = {"../examples/kev/cisa-known-exploited-vulnerabilities.json", "../examples/kev/eu-kev.json"};
    private static final Path CONTRACT = Path.of("src/test/resources/scan/contract");

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildSnapshot() {
        List<String> args = new ArrayList<>(List.of("db", "build", "--advisories", "../examples/advisories", "--kev"));
        args.addAll(List.of(KEV));
        args.addAll(List.of("--out", dir.resolve("examples.tdb").toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static JsonNode report(String... args) {
        List<String> all = new ArrayList<>(List.of("scan"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        PublishedSchemas.assertValid(SCHEMA, run.out());
        return run.json();
    }

    private static String[] bundled(String... source) {
        List<String> args = new ArrayList<>(List.of("--sbom"));
        args.addAll(List.of(SBOMS));
        args.addAll(List.of(source));
        return args.toArray(String[]::new);
    }

    @Test
    void theBundledExamplesWithAdvisoryFilesAndKev() {
        List<String> source = new ArrayList<>(List.of("--advisories", "../examples/advisories", "--kev"));
        source.addAll(List.of(KEV));
        JsonNode report = report(bundled(source.toArray(String[]::new)));
        assertThat(report.get("findings").size()).isGreaterThan(40);
        assertThat(report.get("summary").get("knownExploited").asInt()).isPositive();
        assertThat(report.get("unmatched")).isNotEmpty();
    }

    @Test
    void theBundledExamplesFromASnapshot() {
        JsonNode report = report(bundled("--db", dir.resolve("examples.tdb").toString()));
        assertThat(report.get("findings").size()).isGreaterThan(40);
    }

    @Test
    void undecidedAndUnmatchedComponentsNotesAndSeverityVectors() {
        JsonNode report = report("--sbom", CONTRACT.resolve("sboms/app.cdx.json").toString(),
                "--advisories", CONTRACT.resolve("osv").toString(), "--kev", CONTRACT.resolve("kev").toString());
        assertThat(report.get("undecided")).isNotEmpty();
        assertThat(report.get("unmatched")).isNotEmpty();
        assertThat(report.get("findings")).anySatisfy(f -> assertThat(f.has("cvss")).isTrue());
        assertThat(report.get("findings")).anySatisfy(f -> assertThat(f.get("exploitation")).isNotEmpty());
    }

    @Test
    void anEmptyScanAndALenientScanWithWarnings() throws IOException {
        Path empty = dir.resolve("empty.cdx.json");
        Files.writeString(empty, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[]}");
        JsonNode clean = report("--sbom", empty.toString(), "--advisories", CONTRACT.resolve("osv").toString());
        assertThat(clean.get("findings")).isEmpty();
        Path osv = dir.resolve("osv-with-a-broken-record");
        Files.createDirectories(osv);
        Files.writeString(osv.resolve("BROKEN-1.json"), "{\"id\": \"BROKEN-1\", \"modified\": ");
        Files.copy(CONTRACT.resolve("osv/log4j.json"), osv.resolve("log4j.json"));
        JsonNode lenient = report("--sbom", empty.toString(), "--advisories", osv.toString(), "--lenient");
        assertThat(lenient.get("warnings")).isNotEmpty();
    }

    @Test
    void theSchemaRefusesAReportThatBreaksTheContract() {
        List<String> source = new ArrayList<>(List.of("--advisories", "../examples/advisories"));
        JsonNode report = report(bundled(source.toArray(String[]::new)));
        ((ObjectNode) report.get("findings").get(0)).put("findingId", "F-1");
        assertThatThrownBy(() -> PublishedSchemas.assertValid(SCHEMA, report)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("findingId");
        ((ObjectNode) report.get("findings").get(0)).remove("findingId");
        ((ObjectNode) report).put("catalog", "unexpected");
        assertThatThrownBy(() -> PublishedSchemas.assertValid(SCHEMA, report)).isInstanceOf(AssertionError.class);
    }
}
