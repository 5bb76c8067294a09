package dev.tandem.cli.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole CLI runs on the bundled example compared with reviewed snapshots in
 * src/test/resources/snapshots/conformity/. After an intended change, regenerate with
 * {@code -Dsnapshots.update=true} and review the diff.
 */
class ConformitySnapshotTest {

    private static final String EXAMPLE = "../examples/products/smart-camera.yaml";
    private static final Path DIR = Path.of("src/test/resources/snapshots/conformity");

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("catalog-list.txt", new String[] {"catalog", "list"}, 0),
                Arguments.of("crosswalk-cra-ir8425.md", new String[] {"crosswalk", "--from", "cra-annex-i", "--to", "nist-ir-8425", "--format", "md"}, 0),
                Arguments.of("assess.json", new String[] {"assess", "--product", EXAMPLE, "--format", "json"}, 0),
                Arguments.of("assess-fail-on-gaps.txt", new String[] {"assess", "--product", EXAMPLE, "--fail-on", "gaps"}, 1),
                Arguments.of("declaration.md", new String[] {"declaration", "--product", EXAMPLE}, 0),
                Arguments.of("registry-entry.json", new String[] {"registry-entry", "--product", EXAMPLE}, 0),
                Arguments.of("sbom-check-tr.txt", new String[] {"sbom", "check", "../examples/products/smart-camera.cdx.json"}, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesSnapshot(String snapshot, String[] args, int exitCode) throws Exception {
        ConformityCommandsTest.Run run = ConformityCommandsTest.run(args);
        assertThat(run.code()).as(run.err()).isEqualTo(exitCode);
        Path file = DIR.resolve(snapshot);
        if (Boolean.getBoolean("snapshots.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, run.out(), StandardCharsets.UTF_8);
        }
        assertThat(run.out()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
