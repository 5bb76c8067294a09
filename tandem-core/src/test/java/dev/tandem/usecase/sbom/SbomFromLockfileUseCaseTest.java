package dev.tandem.usecase.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SBOM of several lockfiles: one component per package, the product chosen, edges kept and checked. */
class SbomFromLockfileUseCaseTest {

    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private static InputDocument doc(String name, String text) {
        return new InputDocument(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final InputDocument WEB = doc("web/package-lock.json", """
            {"name": "web", "version": "1.0.0", "lockfileVersion": 3, "packages": {
              "": {"name": "web", "version": "1.0.0", "devDependencies": {"ms": "^2"}},
              "node_modules/ms": {"version": "2.1.3", "dev": true}
            }}
            """);
    private static final InputDocument API = doc("api/package-lock.json", """
            {"name": "api", "version": "2.0.0", "lockfileVersion": 3, "packages": {
              "": {"name": "api", "version": "2.0.0", "dependencies": {"ms": "^2"}},
              "node_modules/ms": {"version": "2.1.3"}
            }}
            """);

    @Test
    void aPackageOfTwoLockfilesIsOneComponentWithBothOccurrences() throws InputException {
        SbomFromLockfileResult result = new SbomFromLockfileUseCase("test").run(
                new SbomFromLockfileRequest(List.of(WEB, API), "shop", "3.0", AT));
        assertThat(result.product().name()).isEqualTo("shop");
        assertThat(result.product().version()).isEqualTo("3.0");
        assertThat(result.components()).extracting(SbomFromLockfileResult.Entry::ref)
                .containsExactly("pkg:npm/web@1.0.0", "pkg:npm/ms@2.1.3", "pkg:npm/api@2.0.0");
        SbomFromLockfileResult.Entry ms = result.components().get(1);
        // Development in one project, needed at run time by the other: needed at run time.
        assertThat(ms.scope()).isEqualTo(ComponentScope.REQUIRED);
        assertThat(ms.groups()).isEmpty();
        assertThat(ms.kind()).isEqualTo(DependencyKind.DIRECT);
        assertThat(ms.occurrences()).containsExactly(new SbomFromLockfileResult.Occurrence("web/package-lock.json", 3),
                new SbomFromLockfileResult.Occurrence("api/package-lock.json", 3));
        assertThat(result.dependencies()).containsEntry("product", List.of("pkg:npm/web@1.0.0", "pkg:npm/api@2.0.0"))
                .containsEntry("pkg:npm/web@1.0.0", List.of("pkg:npm/ms@2.1.3"));
        assertThat(result.sources()).extracting(SbomFromLockfileResult.Source::format).containsOnly("package-lock.json");
        assertThat(result.warnings()).isEmpty();
        assertThat(result.generatedAt()).isEqualTo(AT);
    }

    @Test
    void theOneProjectOfOneLockfileIsTheProduct() throws InputException {
        SbomFromLockfileResult result = new SbomFromLockfileUseCase("test").run(new SbomFromLockfileRequest(List.of(WEB), AT));
        assertThat(result.product().ref()).isEqualTo("pkg:npm/web@1.0.0");
        assertThat(result.components()).extracting(SbomFromLockfileResult.Entry::ref).containsExactly("pkg:npm/ms@2.1.3");
        assertThat(result.components().get(0).scope()).isEqualTo(ComponentScope.DEVELOPMENT);
    }

    @Test
    void aLockfileWithoutAProjectLeavesTheProductUnnamedAndSaysSo() throws InputException {
        SbomFromLockfileResult result = new SbomFromLockfileUseCase("test").run(new SbomFromLockfileRequest(
                List.of(doc("requirements.txt", "flask==2.0.0\nrequests>=2\n")), AT));
        assertThat(result.product()).isNull();
        assertThat(result.components()).hasSize(2);
        assertThat(result.warnings()).containsExactly(
                "requirements.txt: line 2: requests is not pinned to one version (>=2): it cannot be matched; pin it with =="
                        + " (pip freeze or pip-compile write pins)",
                "requirements.txt does not name its project: the SBOM names no product (metadata.component); give --product NAME");
    }

    @Test
    void badRequestsAndInputsAreRefused() {
        assertThatThrownBy(() -> new SbomFromLockfileRequest(List.of(), AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SbomFromLockfileRequest(List.of(WEB), "", "1.0", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SbomFromLockfileUseCase("test").run(new SbomFromLockfileRequest(
                List.of(doc("README.md", "# hello\n")), AT)))
                .isInstanceOf(InputException.class).hasMessageStartingWith("README.md: ");
    }
}
