package dev.tandem.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The knowledge base as files: bundled or a reviewer's folder, one strict loader, one fingerprint. */
class CatalogSourceTest {

    /** The repository's catalog folder, which the build packages into the jar. */
    private static final Path REPOSITORY_CATALOG = Path.of("../catalog");

    private static Path copyOfTheCatalog(Path dir) throws IOException {
        Path root = dir.resolve("catalog");
        try (Stream<Path> files = Files.walk(REPOSITORY_CATALOG)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = root.resolve(REPOSITORY_CATALOG.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return root;
    }

    @Test
    void theBundledCatalogIsTheRepositoryFolderByteForByte() throws InputException {
        CatalogFingerprint bundled = CatalogFingerprint.of(CatalogSource.bundled());
        CatalogFingerprint folder = CatalogFingerprint.of(CatalogSource.directory(REPOSITORY_CATALOG));
        assertThat(bundled.sha256()).hasSize(64).isEqualTo(folder.sha256());
        assertThat(bundled.version()).isEqualTo(folder.version()).matches("\\d{4}\\.\\d+\\.\\d+");
        assertThat(bundled.origin()).isEqualTo("bundled");
        assertThat(bundled.label()).isEqualTo(bundled.version() + " (sha256:" + bundled.sha256().substring(0, 12) + ", bundled)");
        assertThat(CatalogSource.bundled().files()).contains("catalog.yaml", "reporting/frameworks.yaml",
                "conformity/index.yaml", "pqc/algorithms.yaml", "sbom/quality-profiles.yaml").isSorted();
    }

    @Test
    void anyEditChangesTheHashAndTheVersionIsRead(@TempDir Path dir) throws Exception {
        Path root = copyOfTheCatalog(dir);
        CatalogFingerprint before = CatalogFingerprint.of(CatalogSource.directory(root));
        Path fields = root.resolve("reporting/fields.yaml");
        Files.writeString(fields, Files.readString(fields) + "\n# reviewed\n");
        CatalogFingerprint after = CatalogFingerprint.of(CatalogSource.directory(root));
        assertThat(after.sha256()).isNotEqualTo(before.sha256());
        assertThat(after.origin()).isEqualTo(root.toAbsolutePath().normalize().toString());

        Files.writeString(root.resolve("catalog.yaml"), "version: 2027.1.0-review\n");
        assertThat(CatalogFingerprint.of(CatalogSource.directory(root)).version()).isEqualTo("2027.1.0-review");
        Files.writeString(root.resolve("catalog.yaml"), "released: 2027-01-01\n");
        assertThatThrownBy(() -> CatalogFingerprint.of(CatalogSource.directory(root))).isInstanceOf(InputException.class)
                .hasMessageContaining("catalog.yaml").hasMessageContaining("version");
    }

    @Test
    void aFolderThatIsNotACatalogIsRefusedByName(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> CatalogSource.directory(dir.resolve("missing"))).isInstanceOf(InputException.class)
                .hasMessageContaining("missing").hasMessageContaining("no such catalog folder");
        assertThatThrownBy(() -> CatalogSource.directory(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("catalog.yaml");
        Path file = Files.writeString(dir.resolve("catalog.txt"), "x");
        assertThatThrownBy(() -> CatalogSource.directory(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("is not a folder");
    }

    @Test
    void nothingOutsideTheFolderIsEverRead(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("catalog");
        Files.createDirectories(root.resolve("reporting"));
        Files.writeString(root.resolve("catalog.yaml"), "version: t\n");
        Files.writeString(dir.resolve("secret.yaml"), "password: hunter2\n");
        CatalogSource source = CatalogSource.directory(root);
        assertThatThrownBy(() -> source.read("../secret.yaml")).isInstanceOf(InputException.class)
                .hasMessageContaining("outside the catalog folder");
        Files.createSymbolicLink(root.resolve("reporting/fields.yaml"), dir.resolve("secret.yaml"));
        assertThatThrownBy(() -> source.read("reporting/fields.yaml")).isInstanceOf(InputException.class)
                .hasMessageContaining("link out of the catalog folder");
        assertThat(source.files()).containsExactly("catalog.yaml");
        assertThatThrownBy(() -> source.read("reporting")).isInstanceOf(InputException.class)
                .hasMessageContaining("is a directory");
        assertThatThrownBy(() -> source.read("reporting/missing.yaml")).isInstanceOf(InputException.class)
                .hasMessageContaining("missing.yaml").hasMessageContaining("missing from the catalog folder");
    }

    /** The shape the strict loader binds in these tests. */
    record Version(String version) {
    }

    @Test
    void theLoaderIsStrictAndNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("catalog");
        Files.createDirectories(root);
        Files.writeString(root.resolve("catalog.yaml"), "version: t\nreleased: 2026-12-01\n");
        CatalogSource source = CatalogSource.directory(root);
        assertThatThrownBy(() -> CatalogFiles.read(source, "catalog.yaml", Version.class))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(root.resolve("catalog.yaml").toString())
                .hasMessageContaining("line 2").hasMessageContaining("released");
        Files.writeString(root.resolve("broken.yaml"), "version: 'unterminated\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CatalogFiles.read(source, "broken.yaml", Version.class))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("broken.yaml").hasMessageContaining("malformed YAML").hasMessageContaining("line");
        assertThat(CatalogFiles.read(CatalogSource.bundled(), "catalog.yaml", Version.class).version()).isNotBlank();
        assertThatThrownBy(() -> CatalogFiles.read(CatalogSource.bundled(), "nope.yaml", Version.class))
                .isInstanceOf(InputException.class).hasMessage("catalog/nope.yaml: missing from the bundled catalog");
    }

    @ParameterizedTest
    @CsvSource({"V,VERIFIED", "verified,VERIFIED", "s,SECONDARY", "Secondary,SECONDARY", "R,RECALLED",
            "recalled,RECALLED", "U,UNCONFIRMED", "unconfirmed,UNCONFIRMED", "derived,DERIVED", "' V ',VERIFIED"})
    void confidenceReadsLettersAndWords(String text, Confidence expected) {
        assertThat(Confidence.of(text)).isEqualTo(expected);
    }

    @Test
    void confidenceTagsAndAnUnknownTag() {
        assertThat(List.of(Confidence.values())).extracting(Confidence::tag)
                .containsExactly("[V]", "[S]", "[R]", "[U: UNCONFIRMED]", "[D]");
        assertThat(Confidence.UNCONFIRMED.needsFlag()).isTrue();
        assertThat(Confidence.VERIFIED.needsFlag()).isFalse();
        assertThatThrownBy(() -> Confidence.of("X")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'X'");
    }
}
