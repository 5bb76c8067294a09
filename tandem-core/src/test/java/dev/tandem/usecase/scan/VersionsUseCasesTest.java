package dev.tandem.usecase.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import org.junit.jupiter.api.Test;

/** {@link VersionCompareUseCase} and {@link VersionSortUseCase} on strings and in-memory documents. */
class VersionsUseCasesTest {

    @Test
    void compareOrdersByTheEcosystemsOwnRules() throws Exception {
        VersionCompareUseCase compare = new VersionCompareUseCase();
        assertThat(compare.run(new VersionCompareRequest("PyPI", "1.0rc1", "1.0")).symbol()).isEqualTo("<");
        assertThat(compare.run(new VersionCompareRequest("Maven", "1.0.Final", "1.0")).symbol()).isEqualTo("=");
        assertThat(compare.run(new VersionCompareRequest("Debian:12", "1:1.0-1", "2.0-1")).symbol()).isEqualTo(">");
        assertThat(compare.run(new VersionCompareRequest("npm", "1.0.0", "2.0.0")).order()).isEqualTo(-1);
    }

    @Test
    void compareRefusesAnUnknownEcosystemAndAnInvalidVersion() {
        assertThatThrownBy(() -> new VersionCompareUseCase().run(new VersionCompareRequest("Pub", "1.0.0", "2.0.0")))
                .isInstanceOf(VersionArgumentException.class)
                .hasMessageStartingWith("no version ordering is known for ecosystem \"Pub\"; supported: ")
                .hasMessageContaining("PyPI").hasMessageNotContaining("--");
        assertThatThrownBy(() -> new VersionCompareUseCase().run(new VersionCompareRequest("npm", "1.2", "1.2.0")))
                .isInstanceOf(VersionArgumentException.class).hasMessageStartingWith("npm version \"1.2\" is invalid");
    }

    @Test
    void sortIsStableSkipsBlankLinesAndReadsCrlf() throws Exception {
        VersionSortResult sorted = new VersionSortUseCase().run(VersionSortRequest.of("Maven",
                InputDocument.of("versions.txt", "1.0.0\r\n\r\n1.0\n  1 \n0.9\n1.0.0.0\n")));
        assertThat(sorted.versions()).containsExactly("0.9", "1.0.0", "1.0", "1", "1.0.0.0");
        assertThat(new VersionSortUseCase().run(VersionSortRequest.of("PyPI", InputDocument.of("x", "\n\n"))).versions())
                .isEmpty();
    }

    @Test
    void sortNamesTheLineOfAnInvalidVersionAndOfAnOverlongLine() {
        assertThatThrownBy(() -> new VersionSortUseCase().run(VersionSortRequest.of("npm",
                InputDocument.of("<stdin>", "1.0.0\n\nnot-a-version\n2.0.0\n"))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("<stdin>: line 3: npm version \"not-a-version\" is invalid");
        assertThatThrownBy(() -> new VersionSortUseCase().run(VersionSortRequest.of("npm",
                InputDocument.of("upload", "1.0.0\n" + "9".repeat(VersionSortUseCase.MAX_LINE + 1) + "\n"))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("upload: line 2: line longer than 4096 characters");
    }
}
