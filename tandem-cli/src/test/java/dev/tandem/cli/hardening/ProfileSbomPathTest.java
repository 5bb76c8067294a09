package dev.tandem.cli.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: a product profile's sbom.path stays inside the profile's folder unless the user allows otherwise. */
class ProfileSbomPathTest {

    private static final String SBOM = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": []}";

    @TempDir
    Path dir;

    private Path profile(String sbomPath) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("profiles"));
        return Files.writeString(folder.resolve("p.yaml"), "product: X\nmanufacturer: M\nsbom:\n  - path: " + sbomPath + "\n");
    }

    private static String finding(CliRun run) {
        JsonNode doc = run.json();
        return String.join(" | ", doc.path("sbom").findValuesAsText("finding"));
    }

    @Test
    void aPathLeavingTheFolderIsNotReadByDefault() throws Exception {
        Files.writeString(dir.resolve("outside.cdx.json"), SBOM);
        Path profile = profile("../outside.cdx.json");
        CliRun run = CliRun.of("assess", "--product", profile.toString(), "--format", "json");
        assertThat(finding(run)).contains("outside the product profile's folder, so it was not read (allow it with"
                + " --allow-sbom-outside-folder)");
        CliRun allowed = CliRun.of("assess", "--product", profile.toString(), "--format", "json", "--allow-sbom-outside-folder");
        assertThat(finding(allowed)).doesNotContain("outside").doesNotContain("not found");
        CliRun declaration = CliRun.of("declaration", "--product", profile.toString(), "--allow-sbom-outside-folder");
        assertThat(declaration.exitCode()).as(declaration.err()).isZero();
    }

    @Test
    void anAbsolutePathAndALinkOutAreOutsideToo() throws Exception {
        Path outside = Files.writeString(dir.resolve("abs.cdx.json"), SBOM);
        assertThat(finding(CliRun.of("assess", "--product", profile(outside.toString()).toString(), "--format", "json")))
                .contains("outside the product profile's folder");
        Files.createSymbolicLink(dir.resolve("profiles/link.cdx.json"), outside);
        assertThat(finding(CliRun.of("assess", "--product", profile("link.cdx.json").toString(), "--format", "json")))
                .contains("outside the product profile's folder");
    }

    @Test
    void aPathInsideTheFolderIsRead() throws Exception {
        Path profile = profile("sboms/in.cdx.json");
        Files.createDirectories(dir.resolve("profiles/sboms"));
        Files.writeString(dir.resolve("profiles/sboms/in.cdx.json"), SBOM);
        assertThat(finding(CliRun.of("assess", "--product", profile.toString(), "--format", "json"))).doesNotContain("outside");
    }
}
