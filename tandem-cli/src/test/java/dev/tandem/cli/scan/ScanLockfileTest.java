package dev.tandem.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem scan --lockfile}: lockfiles as SBOM sources, alone or beside {@code --sbom}; findings located
 * at the lockfile's line; what a lockfile cannot pin said as a warning; bad lockfiles exit 2 naming file and line.
 */
class ScanLockfileTest {

    private static final String GO_MOD = "../examples/lockfiles/go-project/go.mod";

    @TempDir
    Path tmp;

    @Test
    void aLockfileAloneIsScannedAndItsFindingsPointAtTheirLine() {
        CliRun run = CliRun.of("scan", "--lockfile", GO_MOD, "--advisories", "../examples/advisories", "--format", "sarif");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json().at("/runs/0/results/0");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("go-project/go.mod");
        // golang.org/x/image v0.4.0 is required on line 9 of the go.mod.
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(9);
    }

    @Test
    void lockfilesAndSbomsAreScannedTogetherInTheOrderGiven() {
        CliRun run = CliRun.of("scan", "--sbom", "../examples/sboms/proton-bridge-v1.8.0.cdx.json", "--lockfile", GO_MOD,
                "../examples/lockfiles/npm/package-lock.json", "--advisories", "../examples/advisories", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode sboms = run.json().get("sboms");
        assertThat(sboms).hasSize(3);
        assertThat(sboms.get(1).get("format").asText()).isEqualTo("go.mod");
        assertThat(sboms.get(2).get("format").asText()).isEqualTo("package-lock.json");
        assertThat(sboms.get(2).get("specVersion").asText()).isEqualTo("2");
        assertThat(sboms.get(2).get("components").asInt()).isEqualTo(4);
        PublishedSchemas.assertValid("scan.schema.json", run.json());
    }

    @Test
    void whatALockfileCannotPinIsAWarning() throws Exception {
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), "flask==0.12.2\nrequests>=2\n");
        CliRun run = CliRun.of("scan", "--lockfile", requirements.toString(), "--advisories", "../examples/advisories");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("tandem: warning: " + requirements + ": line 2: requests is not pinned");
    }

    @Test
    void nothingToScanOrABadLockfileExitsTwo() throws Exception {
        CliRun nothing = CliRun.of("scan", "--advisories", "../examples/advisories");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("--sbom FILE... and/or --lockfile FILE...");

        Path lock = Files.writeString(tmp.resolve("yarn.lock"), "# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\n");
        CliRun bad = CliRun.of("scan", "--lockfile", lock.toString(), "--advisories", "../examples/advisories");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(lock + ": line 4").contains("closing quote").doesNotContain("Exception");
    }
}
