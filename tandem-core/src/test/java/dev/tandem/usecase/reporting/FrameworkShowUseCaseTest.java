package dev.tandem.usecase.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import dev.tandem.usecase.KnowledgeBase;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrameworkShowUseCaseTest {

    private final FrameworkShowUseCase useCase = new FrameworkShowUseCase(KnowledgeBase.bundled());

    @Test
    void oneFrameworkWithTheDefinitionOfEveryFieldItsStagesRequire() throws Exception {
        FrameworkShowResult dora = useCase.run(new FrameworkShowRequest("eu-dora", LocalDate.of(2026, 12, 1)));
        assertThat(dora.framework().id()).isEqualTo("eu-dora");
        assertThat(dora.framework().stages()).extracting(Stage::id)
                .containsExactly("initial-notification", "intermediate-report", "final-report");
        assertThat(dora.inForce()).isTrue();
        assertThat(useCase.run(new FrameworkShowRequest("eu-dora", LocalDate.of(2025, 1, 16))).inForce()).isFalse();
        for (Stage stage : dora.framework().stages()) {
            for (StageField field : stage.fields()) {
                assertThat(dora.field(field.field())).as(field.field()).hasValueSatisfying(d -> assertThat(d.label()).isNotBlank());
            }
        }
        assertThat(dora.field("reporter.identity")).isPresent();
        assertThat(dora.catalog()).isEqualTo(KnowledgeBase.bundled().fingerprint());
    }

    @Test
    void anUnknownIdListsTheFrameworks() {
        assertThatThrownBy(() -> useCase.run(new FrameworkShowRequest("eu-nis3", LocalDate.of(2026, 12, 1))))
                .isInstanceOfSatisfying(UnknownIdException.class, e -> assertThat(e.known()).contains("eu-nis2"));
    }
}
