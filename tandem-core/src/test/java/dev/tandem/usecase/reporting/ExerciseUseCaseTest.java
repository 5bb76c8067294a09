package dev.tandem.usecase.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.reporting.exercise.Outcome;
import dev.tandem.reporting.exercise.Shift;
import dev.tandem.reporting.exercise.TimelineEntry;
import dev.tandem.usecase.KnowledgeBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExerciseUseCaseTest {

    private final ExerciseUseCase useCase = new ExerciseUseCase(KnowledgeBase.bundled());

    private static TimelineEntry due(java.util.List<TimelineEntry> timeline, String stage) {
        return timeline.stream().filter(e -> e.type().equals("due") && stage.equals(e.stage())).findFirst().orElseThrow();
    }

    @Test
    void aScenarioHeldInMemoryReplaysIntoOneTimeline() throws Exception {
        ExerciseResult result = useCase.run(ExerciseRequest.of(Records.scenario()));
        assertThat(result.scenario().title()).isEqualTo("Exploited router vulnerability");
        assertThat(result.scenario().until()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(due(result.base().timeline(), "early-warning").outcome()).isEqualTo(Outcome.MET);
        assertThat(due(result.base().timeline(), "notification").outcome()).isEqualTo(Outcome.MET);
        // Fourteen days from the fix (4 December, 18:00 Berlin); submitted on the 21st: late.
        assertThat(due(result.base().timeline(), "final-report")).satisfies(e -> {
            assertThat(e.at()).isEqualTo(Instant.parse("2026-12-18T17:00:00Z"));
            assertThat(e.outcome()).isEqualTo(Outcome.LATE);
        });
        assertThat(result.base().divergences()).anyMatch(d -> d.startsWith("Only EU reports are owed"));
        assertThat(result.shift()).isNull();
        assertThat(result.shifted()).isNull();
        assertThat(result.changes()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.catalog()).isEqualTo(KnowledgeBase.bundled().fingerprint());
    }

    @Test
    void aLaterFixMakesTheFinalReportOnTime() throws Exception {
        Shift week = new Shift("correctiveMeasureAvailableAt", Duration.ofDays(7));
        ExerciseResult result = useCase.run(new ExerciseRequest(Records.scenario(), week));
        assertThat(result.shift()).isEqualTo(week);
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.stage()).isEqualTo("final-report");
            assertThat(c.dueAfter()).isEqualTo(Instant.parse("2026-12-25T17:00:00Z"));
            assertThat(c.before()).isEqualTo(Outcome.LATE);
            assertThat(c.after()).isEqualTo(Outcome.MET);
        });
        assertThat(due(result.shifted().timeline(), "final-report").outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void badScenariosAndShiftsAreInputErrorsThatNameNoOption() throws Exception {
        assertThatThrownBy(() -> useCase.run(new ExerciseRequest(Records.scenario(), new Shift("ransomPaidAt", Duration.ofDays(1)))))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.source()).isEqualTo("router-scenario.yaml");
                    assertThat(e.position().pointer()).isEqualTo("/incident/timeline/ransomPaidAt");
                    assertThat(e.problem()).contains("does not record").doesNotContain("--");
                });
        // Awareness moved after the fix and every submission: an impossible timeline.
        assertThatThrownBy(() -> useCase.run(new ExerciseRequest(Records.scenario(), new Shift("awareAt", Duration.ofDays(30)))))
                .isInstanceOf(InputException.class).hasMessageStartingWith("router-scenario.yaml");
        assertThatThrownBy(() -> useCase.run(ExerciseRequest.of(InputDocument.of("s.yaml", "title: x\nincident: {}\n"))))
                .isInstanceOf(InputException.class).hasMessageContaining("/until");
        ExerciseResult warned = useCase.run(ExerciseRequest.of(Records.scenario(", colour: red")));
        assertThat(warned.warnings()).containsExactly("router-scenario.yaml: /entity/colour: unknown key 'colour' ignored");
    }
}
