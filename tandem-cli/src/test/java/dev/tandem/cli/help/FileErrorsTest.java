package dev.tandem.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.CliRun;
import dev.tandem.cli.exit.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command names the path when a file is a folder, a folder is a file, or a file is missing: exit 2, no stack trace. */
class FileErrorsTest {

    private static final String PRODUCT = "../examples/products/smart-camera.yaml";
    private static final String CAMERA = "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json";

    @TempDir
    static Path dir;

    private static void refusedNaming(String path, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).as(String.join(" ", args)).startsWith("tandem: ").contains(path)
                .containsPattern("(directory|folder|file)").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().lines().findFirst().orElseThrow().strip()).as("not the path alone").isNotEqualTo("tandem: " + path);
    }

    @Test
    void aFolderWhereAFileIsExpected() {
        String folder = dir.toString();
        List<String[]> commands = List.of(
                new String[] {"scan", "--sbom", folder, "--advisories", "../examples/advisories"},
                new String[] {"scan", "--sbom", CAMERA, "--db", folder},
                new String[] {"scan", "--sbom", CAMERA, "--advisories", "../examples/advisories", "--epss", folder},
                new String[] {"scan", "--sbom", CAMERA, "--advisories", "../examples/advisories", "--ignore", folder},
                new String[] {"scan", "--sbom", CAMERA, "--advisories", "../examples/advisories", "--baseline", folder},
                new String[] {"scan", "--sbom", CAMERA, "--advisories", "../examples/advisories", "-o", folder},
                new String[] {"db", "info", folder},
                new String[] {"db", "build", "--advisories", "../examples/advisories", "--out", folder},
                new String[] {"db", "build", "--advisories", "../examples/advisories", "--epss", folder, "--out", dir.resolve("x.tdb").toString()},
                new String[] {"db", "update", "--feeds", folder, "--out", dir.resolve("y.tdb").toString()},
                new String[] {"db", "update", "--out", folder},
                new String[] {"obligations", "--incident", folder, "--at", "2026-11-21T12:00:00Z"},
                new String[] {"report", "--incident", folder, "--framework", "eu-cra-vulnerability", "--stage", "notification"},
                new String[] {"exercise", folder},
                new String[] {"assess", "--product", folder},
                new String[] {"declaration", "--product", folder},
                new String[] {"declaration", "--product", PRODUCT, "--format", "html", "--out", folder},
                new String[] {"registry-entry", "--product", folder},
                new String[] {"label", "--product", folder, "--out", dir.resolve("label").toString()},
                new String[] {"sbom", "check", folder},
                new String[] {"pqc", "--sbom", folder},
                new String[] {"--config", folder, "versions", "compare", "--ecosystem", "PyPI", "1", "2"});
        for (String[] command : commands) {
            refusedNaming(folder, command);
        }
    }

    @Test
    void aFileWhereAFolderIsExpected() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        refusedNaming(file.toString(), "label", "--product", PRODUCT, "--out", file.toString());
        refusedNaming(file.toString(), "catalog", "list", "--catalog", file.toString());
        refusedNaming(file + ": is in the way", "scan", "--sbom", CAMERA, "--advisories", "../examples/advisories",
                "-o", file.resolve("report.json").toString());
    }

    @Test
    void aMissingFileIsNamed() {
        String missing = dir.resolve("missing.json").toString();
        refusedNaming(missing, "scan", "--sbom", missing, "--advisories", "../examples/advisories");
        refusedNaming(missing, "scan", "--sbom", CAMERA, "--advisories", "../examples/advisories", "--ignore", missing);
        refusedNaming(missing, "db", "info", missing);
        refusedNaming(missing, "sbom", "check", missing);
    }
}
