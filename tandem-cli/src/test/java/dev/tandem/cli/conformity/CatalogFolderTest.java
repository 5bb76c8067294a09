package dev.tandem.cli.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --catalog DIR}: a reviewer's corrected copy of the catalog changes the outputs and the fingerprint they print. */
class CatalogFolderTest {

    private static final Path BUNDLED = Path.of("../catalog");
    private static final String EXAMPLE = "../examples/products/smart-camera.yaml";
    private static final String CROSSWALK = "conformity/cra-annex-i--nist-ir-8425.yaml";
    /** The reviewed edit: CRA-I-2b covers all of PC-2, IAC-1a and IAC-1b rather than overlapping them. */
    private static final String INTERSECTS = "targets: [PC-2, IAC-1a, IAC-1b]\n    relationship: intersects";
    private static final String SUPERSET = "targets: [PC-2, IAC-1a, IAC-1b]\n    relationship: superset";
    /** The reasoning a reviewer changes with it: nothing is left that only the targets ask for. */
    private static final String TARGETS_ONLY = "onlyInTargets: \"Restoration reserved to authorised entities (PC-2), only necessary "
            + "interfaces exposed (IAC-1a), access control on every necessary interface (IAC-1b)\"";

    @TempDir
    Path dir;
    Path copy;

    @BeforeEach
    void copyTheBundledCatalog() throws IOException {
        copy = dir.resolve("catalog");
        try (Stream<Path> files = Files.walk(BUNDLED)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(BUNDLED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = copy.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private static JsonNode requirement(JsonNode assessment, String regime, String id) {
        for (JsonNode r : assessment.path("regimes")) {
            if (r.path("id").asText().equals(regime)) {
                for (JsonNode q : r.path("requirements")) {
                    if (q.path("id").asText().equals(id)) {
                        return q;
                    }
                }
            }
        }
        throw new AssertionError("no " + id + " in " + regime);
    }

    private static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void anUnchangedCopyGivesTheSameResultsUnderItsOwnOrigin() {
        JsonNode bundled = run("assess", "--product", EXAMPLE, "--format", "json").json();
        JsonNode copied = run("assess", "--product", EXAMPLE, "--format", "json", "--catalog", copy.toString()).json();
        assertThat(copied.path("catalog").path("sha256")).isEqualTo(bundled.path("catalog").path("sha256"));
        assertThat(copied.path("catalog").path("origin").asText()).isEqualTo(copy.toAbsolutePath().normalize().toString());
        assertThat(copied.path("regimes")).isEqualTo(bundled.path("regimes"));
    }

    @Test
    void aReviewedCrosswalkEditChangesTheCrosswalkTheAssessmentAndTheFingerprint() throws IOException {
        JsonNode before = run("assess", "--product", EXAMPLE, "--format", "json").json();
        assertThat(requirement(before, "nist-ir-8425", "PC-2").path("status").asText()).isEqualTo("partial");
        edit(CROSSWALK, INTERSECTS, SUPERSET);
        edit(CROSSWALK, TARGETS_ONLY, "onlyInTargets: none");

        JsonNode crosswalk = run("crosswalk", "--from", "cra-annex-i", "--to", "nist-ir-8425", "--format", "json",
                "--catalog", copy.toString()).json();
        assertThat(crosswalk.path("mappings").findParents("source").stream()
                .filter(m -> m.path("source").asText().equals("CRA-I-2b")))
                .isNotEmpty().allSatisfy(m -> assertThat(m.path("relationship").asText()).isEqualTo("superset"));
        JsonNode after = run("assess", "--product", EXAMPLE, "--format", "json", "--catalog", copy.toString()).json();
        JsonNode pc2 = requirement(after, "nist-ir-8425", "PC-2");
        assertThat(pc2.path("status").asText()).isEqualTo("met");
        assertThat(pc2.at("/derivedFrom/mapping").asText()).isEqualTo("cra-annex-i--nist-ir-8425#CRA-I-2b");
        assertThat(after.path("gaps").findValuesAsText("requirement")).doesNotContain("PC-2");
        assertThat(after.at("/catalog/sha256").asText()).matches("[0-9a-f]{64}")
                .isNotEqualTo(before.at("/catalog/sha256").asText());
        assertThat(after.at("/catalog/version").asText()).isEqualTo(before.at("/catalog/version").asText());

        String sha = after.at("/catalog/sha256").asText();
        String line = "Catalog: " + after.at("/catalog/version").asText() + " (sha256:" + sha.substring(0, 12) + ", "
                + copy.toAbsolutePath().normalize() + ")";
        assertThat(run("assess", "--product", EXAMPLE, "--catalog", copy.toString()).out()).endsWith("\n" + line + "\n");
        assertThat(run("crosswalk", "--from", "nist-ir-8425", "--to", "cra-annex-i", "--catalog", copy.toString()).out())
                .endsWith("\n" + line + "\n");
        assertThat(run("catalog", "list", "--catalog", copy.toString()).out()).endsWith("\n" + line + "\n");
        assertThat(run("declaration", "--product", EXAMPLE, "--catalog", copy.toString()).out()).endsWith("\n_" + line + "_\n");
        assertThat(run("registry-entry", "--product", EXAMPLE, "--catalog", copy.toString()).json().at("/catalog/sha256").asText())
                .isEqualTo(sha);
        assertThat(run("catalog", "show", "cra-annex-i", "--format", "oscal", "--catalog", copy.toString()).json()
                .at("/catalog/metadata/props/1/value").asText()).isEqualTo(sha);
        run("label", "--product", EXAMPLE, "--out", dir.resolve("label").toString(), "--catalog", copy.toString());
        assertThat(Files.readString(dir.resolve("label/label.txt"))).endsWith("\n" + line + "\n");
    }

    @Test
    void aBrokenCatalogFileIsBadInputNamingTheFileAndPosition() throws IOException {
        edit(CROSSWALK, INTERSECTS, "targets: [PC-2, IAC-1a, IAC-1b\n    relationship: intersects");
        for (String[] args : new String[][] {
            {"crosswalk", "--from", "cra-annex-i", "--to", "nist-ir-8425"},
            {"assess", "--product", EXAMPLE},
            {"catalog", "list", "--format", "json"}}) {
            CliRun run = CliRun.of(Stream.concat(Stream.of(args), Stream.of("--catalog", copy.toString())).toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("tandem: " + copy.toAbsolutePath().normalize().resolve(CROSSWALK) + ": line ")
                    .contains("column").doesNotContain("Exception");
        }
    }

    @Test
    void anUnknownKeyIsNamedWithItsPosition() throws IOException {
        edit("conformity/cra-annex-i.yaml", "kind: requirement", "kind: requirement, weight: 3");
        CliRun run = CliRun.of("catalog", "show", "cra-annex-i", "--catalog", copy.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(copy.toAbsolutePath().normalize().resolve("conformity/cra-annex-i.yaml") + ": line ")
                .contains("weight");
    }

    @Test
    void aCrosswalkEntryThatNoLongerFitsItsCatalogsIsRefused() throws IOException {
        edit(CROSSWALK, "targets: [PC-2, IAC-1a, IAC-1b]", "targets: [PC-9, IAC-1a, IAC-1b]");
        CliRun run = CliRun.of("assess", "--product", EXAMPLE, "--catalog", copy.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("tandem: " + copy.toAbsolutePath().normalize().resolve(CROSSWALK) + ": ")
                .contains("target PC-9 is not an assessed requirement of nist-ir-8425");
    }

    @Test
    void aRelationshipChangedWithoutItsReasoningIsRefused() throws IOException {
        // NIST IR 8477: a superset leaves nothing that only the targets ask for; the entry still says there is.
        edit(CROSSWALK, INTERSECTS, SUPERSET);
        CliRun run = CliRun.of("assess", "--product", EXAMPLE, "--catalog", copy.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("tandem: " + copy.toAbsolutePath().normalize().resolve(CROSSWALK) + ": ")
                .contains("CRA-I-2b").contains("relationship 'superset' contradicts the reasoning, which makes it 'intersects'");
    }

    @Test
    void aStatedClassContradictingTheCategoryIsBadInputNamingTheProfileAndKey() throws IOException {
        Path profile = dir.resolve("camera.yaml");
        Files.writeString(profile, Files.readString(Path.of(EXAMPLE)).replace("craClass: important-i", "craClass: default"));
        for (String command : new String[] {"assess", "declaration", "registry-entry"}) {
            CliRun run = CliRun.of(command, "--product", profile.toString());
            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains(profile.toString()).contains("/craClass")
                    .contains("contradicts craCategory CRA-AIII-I-17").doesNotContain("Exception");
        }
    }

    @Test
    void aMissingOrIncompleteFolderIsBadInput() throws IOException {
        CliRun missing = CliRun.of("catalog", "list", "--catalog", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("tandem: " + dir.resolve("nowhere") + ": no such catalog folder\n");
        Files.delete(copy.resolve("catalog.yaml"));
        CliRun noVersion = CliRun.of("label", "--product", EXAMPLE, "--out", dir.resolve("label").toString(),
                "--catalog", copy.toString());
        assertThat(noVersion.exitCode()).isEqualTo(2);
        assertThat(noVersion.err()).contains("holds no catalog.yaml");
        assertThat(dir.resolve("label")).doesNotExist();
    }
}
