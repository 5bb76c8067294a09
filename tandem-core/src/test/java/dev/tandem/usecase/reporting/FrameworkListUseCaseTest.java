package dev.tandem.usecase.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.usecase.KnowledgeBase;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrameworkListUseCaseTest {

    private final FrameworkListUseCase useCase = new FrameworkListUseCase(KnowledgeBase.bundled());

    private static boolean inForce(FrameworkListResult result, String id) {
        return result.frameworks().stream().filter(f -> f.framework().id().equals(id)).findFirst().orElseThrow().inForce();
    }

    @Test
    void everyFrameworkInCatalogOrderWithWhetherItBindsOnTheDateAsked() throws Exception {
        FrameworkListResult before = useCase.run(new FrameworkListRequest(LocalDate.of(2026, 9, 10)));
        FrameworkListResult from = useCase.run(new FrameworkListRequest(LocalDate.of(2026, 9, 11)));
        assertThat(from.frameworks()).hasSize(25);
        assertThat(from.frameworks().get(0).framework().id()).isEqualTo("eu-cra-vulnerability");
        assertThat(from.on()).isEqualTo(LocalDate.of(2026, 9, 11));
        // CRA Art 14 applies from 11 September 2026; CIRCIA's final rule is not in force on any date.
        assertThat(inForce(before, "eu-cra-vulnerability")).isFalse();
        assertThat(inForce(from, "eu-cra-vulnerability")).isTrue();
        assertThat(inForce(from, "us-circia")).isFalse();
        assertThat(inForce(useCase.run(new FrameworkListRequest(LocalDate.of(2100, 1, 1))), "us-circia")).isFalse();
        assertThat(from.catalog()).isEqualTo(KnowledgeBase.bundled().fingerprint());
    }
}
