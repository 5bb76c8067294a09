package dev.tandem.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.exit.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs of {@code tandem db build}, {@code tandem db info} and {@code tandem scan --db} on the bundled examples. */
class DbCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADVISORIES = "../examples/advisories";
    private static final String CISA = "../examples/kev/cisa-known-exploited-vulnerabilities.json";
    private static final String EU = "../examples/kev/eu-kev.json";
    private static final String[] SBOMS = {"../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json",
            "../examples/sboms/proton-bridge-v1.8.0.cdx.json"};

    @TempDir
    static Path dir;
    private static Path snapshot;
    private static Path bare;

    @BeforeAll
    static void build() {
        snapshot = dir.resolve("examples.tdb");
        CliRun run = CliRun.of("db", "build", "--advisories", ADVISORIES, "--kev", CISA, EU, "--out", snapshot.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Wrote " + snapshot).contains("Advisories: 104 (1 withdrawn, ignored; 0 duplicates)")
                .contains("KEV: 1,447 entries naming 1,424 CVEs: 1 CVE matched an advisory, 1,423 matched none");
        bare = dir.resolve("bare.tdb");
        CliRun bareRun = CliRun.of("db", "build", "--advisories", ADVISORIES, "--out", bare.toString());
        assertThat(bareRun.exitCode()).as(bareRun.err()).isEqualTo(ExitCode.OK);
    }

    private static CliRun scan(String... sourceAndFormat) {
        List<String> args = new ArrayList<>(List.of("scan", "--sbom"));
        args.addAll(List.of(SBOMS));
        args.addAll(List.of(sourceAndFormat));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The report without the time of the scan and the list of inputs, which differ by construction. */
    private static JsonNode comparable(String json) throws Exception {
        ObjectNode report = (ObjectNode) JSON.readTree(json);
        report.remove("scannedAt");
        ObjectNode advisories = (ObjectNode) report.get("summary").get("advisories");
        advisories.remove("sources");
        advisories.remove("kevSources");
        advisories.remove("cveRecordSources");
        return report;
    }

    @Test
    void scanWithTheSnapshotGivesTheSameReportAsScanningTheAdvisories() throws Exception {
        CliRun direct = scan("--advisories", ADVISORIES, "--kev", CISA, EU, "--format", "json");
        CliRun fromDb = scan("--db", snapshot.toString(), "--format", "json");
        assertThat(direct.exitCode()).as(direct.err()).isZero();
        assertThat(fromDb.exitCode()).as(fromDb.err()).isZero();
        JsonNode expected = comparable(direct.out());
        assertThat(expected.get("findings").size()).isGreaterThan(50);
        assertThat(expected.get("summary").get("knownExploited").asInt()).isPositive();
        assertThat(comparable(fromDb.out())).isEqualTo(expected);
        assertThat(JSON.readTree(fromDb.out()).get("summary").get("advisories").get("sources"))
                .extracting(JsonNode::asText).containsExactly(ADVISORIES);
    }

    @Test
    void everyFormatIsTheSameFromTheSnapshot() {
        for (String format : List.of("table", "sarif", "cyclonedx")) {
            String direct = scan("--advisories", ADVISORIES, "--kev", CISA, EU, "--format", format).out();
            String fromDb = scan("--db", snapshot.toString(), "--format", format).out();
            assertThat(stripVolatile(fromDb)).as(format).isEqualTo(stripVolatile(direct));
        }
    }

    /** Timestamps, serial numbers and input paths legitimately differ between two runs. */
    private static String stripVolatile(String report) {
        return report.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<time>")
                .replaceAll("urn:uuid:[0-9a-f-]+", "<uuid>")
                .replaceAll("(?m)^.*(examples/advisories|examples/kev|\\.tdb).*$", "<sources>");
    }

    @Test
    void fresherKevOverASnapshotBuiltWithoutKevGivesTheSameFindings() throws Exception {
        CliRun direct = scan("--advisories", ADVISORIES, "--kev", CISA, EU, "--format", "json");
        CliRun overlaid = scan("--db", bare.toString(), "--kev", CISA, EU, "--format", "json");
        assertThat(overlaid.exitCode()).as(overlaid.err()).isZero();
        assertThat(comparable(overlaid.out())).isEqualTo(comparable(direct.out()));
        CliRun withoutKev = scan("--db", bare.toString(), "--format", "json");
        assertThat(JSON.readTree(withoutKev.out()).get("summary").get("knownExploited").asInt()).isZero();
    }

    @Test
    void failOnWorksTheSameWithTheSnapshot() {
        assertThat(scan("--db", snapshot.toString(), "--format", "json", "--fail-on", "kev").exitCode())
                .isEqualTo(ExitCode.FINDINGS);
        assertThat(scan("--db", bare.toString(), "--format", "json", "--fail-on", "kev").exitCode())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void exactlyOneAdvisorySourceIsRequired() {
        CliRun neither = scan("--format", "json");
        assertThat(neither.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(neither.err()).contains("exactly one source of advisories");
        assertThat(neither.out()).isEmpty();
        CliRun both = scan("--advisories", ADVISORIES, "--db", snapshot.toString());
        assertThat(both.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(both.err()).contains("exactly one source of advisories");
        CliRun lenient = scan("--db", snapshot.toString(), "--lenient");
        assertThat(lenient.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(lenient.err()).contains("--lenient applies to --advisories and --nvd only");
    }

    @Test
    void aCorruptSnapshotIsRefusedByScanAndInfo() throws Exception {
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length / 2] ^= 0x10;
        Path corrupt = dir.resolve("corrupt.tdb");
        Files.write(corrupt, bytes);
        CliRun run = scan("--db", corrupt.toString(), "--format", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("tandem: " + corrupt + ": checksum mismatch").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
        CliRun info = CliRun.of("db", "info", corrupt.toString());
        assertThat(info.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(info.err()).contains(corrupt + ": checksum mismatch");

        Path truncated = dir.resolve("truncated.tdb");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(snapshot), 1000));
        assertThat(CliRun.of("db", "info", truncated.toString()).err()).contains(truncated + ": truncated");

        assertThat(CliRun.of("db", "info", CISA).err()).contains(CISA + ": not a Tandem advisory snapshot");
        CliRun missing = CliRun.of("db", "info", dir.resolve("missing.tdb").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("missing.tdb: file not found");
    }

    @Test
    void infoPrintsCountsPerEcosystemSourcesAndBuildTime() {
        CliRun run = CliRun.of("db", "info", snapshot.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Format:          version 3")
                .contains("(verified)")
                .containsPattern("Built: +\\d{4}-\\d\\d-\\d\\dT")
                .contains("Advisories:      104 (1 withdrawn, ignored; 0 duplicates)")
                .contains("advisories  " + ADVISORIES)
                .contains("kev         " + CISA)
                .containsPattern("Go +77 +26 +97")
                .containsPattern("crates\\.io +27 +8 +27");
    }

    @Test
    void infoAsJson() throws Exception {
        CliRun run = CliRun.of("db", "info", snapshot.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode info = JSON.readTree(run.out());
        assertThat(info.get("formatVersion").asInt()).isEqualTo(3);
        assertThat(info.get("checksum").asText()).matches("crc32c:[0-9a-f]{8}");
        assertThat(info.get("counts").get("advisories").asLong()).isEqualTo(104);
        assertThat(info.get("counts").get("kevMatched").asLong()).isEqualTo(1);
        assertThat(info.get("ecosystems")).extracting(e -> e.get("ecosystem").asText()).containsExactly("Go", "crates.io");
        assertThat(info.get("size").asLong()).isEqualTo(Files.size(snapshot));
    }

    @Test
    void buildRefusesBadInputAndWritesNothing() throws Exception {
        Path out = dir.resolve("never.tdb");
        CliRun missing = CliRun.of("db", "build", "--advisories", dir.resolve("nowhere").toString(), "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("nowhere: no such file or directory");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"id\": \"GHSA-1\", \"affected\": [");
        CliRun malformed = CliRun.of("db", "build", "--advisories", broken.toString(), "--out", out.toString());
        assertThat(malformed.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(malformed.err()).contains("broken.json");
        assertThat(out).doesNotExist();
        CliRun noOut = CliRun.of("db", "build", "--advisories", ADVISORIES);
        assertThat(noOut.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noOut.err()).contains("--out");
        // --out is the shared output option: a folder is not a file to write, a missing folder is created.
        CliRun onFolder = CliRun.of("db", "build", "--advisories", ADVISORIES, "--out", dir.toString());
        assertThat(onFolder.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(onFolder.err()).contains("cannot write to " + dir + ": it is a directory");
        Path nested = dir.resolve("no/such/dir.tdb");
        CliRun newFolder = CliRun.of("db", "build", "--advisories", ADVISORIES, "--out", nested.toString());
        assertThat(newFolder.exitCode()).as(newFolder.err()).isEqualTo(ExitCode.OK);
        assertThat(CliRun.of("db", "info", nested.toString()).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void buildReplacesTheTargetWholeAndLeavesNoTemporaryFile(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("advisories.tdb");
        Files.writeString(target, "old content");
        CliRun run = CliRun.of("db", "build", "--advisories", ADVISORIES, "--out", target.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Wrote " + target + " (" + String.format(java.util.Locale.ROOT, "%,d", Files.size(target)) + " bytes)");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(CliRun.of("db", "info", target.toString()).out()).contains("Advisories:      104");
    }

    @Test
    void dbWithoutSubcommandIsAUsageError() {
        CliRun run = CliRun.of("db");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("a subcommand is required");
    }

    @Test
    void aSnapshotWithNvdRecordsScansExactlyAsTheFilesDo() throws Exception {
        Path withNvd = dir.resolve("with-nvd.tdb");
        CliRun build = CliRun.of("db", "build", "--advisories", ADVISORIES, "--nvd", "../examples/nvd", "--kev", CISA, EU,
                "--out", withNvd.toString());
        assertThat(build.exitCode()).as(build.err()).isEqualTo(ExitCode.OK);
        assertThat(build.out()).contains("NVD/CVE records: 9 (0 rejected, ignored)");
        CliRun direct = scan("--advisories", ADVISORIES, "--nvd", "../examples/nvd", "--kev", CISA, EU, "--format", "json");
        CliRun fromDb = scan("--db", withNvd.toString(), "--format", "json");
        assertThat(fromDb.exitCode()).as(fromDb.err()).isZero();
        assertThat(comparable(fromDb.out())).isEqualTo(comparable(direct.out()));
        JsonNode report = JSON.readTree(fromDb.out());
        assertThat(report.get("findings")).anySatisfy(f -> assertThat(f.get("matchedBy").asText()).isEqualTo("cpe"));
        assertThat(report.get("summary").get("advisories").get("cveRecordSources").get(0).asText()).isEqualTo("../examples/nvd");
        String infoJson = CliRun.of("db", "info", withNvd.toString(), "--format", "json").out();
        dev.tandem.cli.PublishedSchemas.assertValid("db-info.schema.json", infoJson);
        dev.tandem.cli.PublishedSchemas.assertValid("scan.schema.json", fromDb.out());
        JsonNode info = JSON.readTree(infoJson);
        assertThat(info.get("counts").get("cveRecords").asLong()).isEqualTo(9);
        assertThat(info.get("counts").get("cpeProducts").asLong()).isEqualTo(5);
        assertThat(info.get("cveRecordSources").get(0).asText()).isEqualTo("../examples/nvd");
        // NVD records alone make a snapshot too.
        Path nvdOnly = dir.resolve("nvd-only.tdb");
        CliRun alone = CliRun.of("db", "build", "--nvd", "../examples/nvd", "--out", nvdOnly.toString());
        assertThat(alone.exitCode()).as(alone.err()).isEqualTo(ExitCode.OK);
        assertThat(CliRun.of("db", "info", nvdOnly.toString()).out()).contains("CVE records:     9 (0 rejected, ignored); "
                + "9 with a CPE configuration, naming 5 CPE products").contains("nvd         ../examples/nvd");
    }

    @Test
    void buildNeedsAdvisoriesOrRecordsAndScanCannotTakeRecordsBesideASnapshot() {
        CliRun neither = CliRun.of("db", "build", "--out", dir.resolve("x.tdb").toString());
        assertThat(neither.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(neither.err()).contains("give what to build the snapshot from: --advisories PATH... and/or --nvd PATH...");
        CliRun both = scan("--db", snapshot.toString(), "--nvd", "../examples/nvd");
        assertThat(both.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(both.err()).contains("exactly one source of advisories");
    }
}
