package dev.tandem.usecase.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.reporting.incident.IncidentReader;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.usecase.KnowledgeBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObligationsUseCaseTest {

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");
    private final ObligationsUseCase useCase = new ObligationsUseCase(KnowledgeBase.bundled());

    private static Obligation find(ObligationsResult result, String stage) {
        return result.obligations().stream().filter(o -> o.stage().equals(stage)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + stage));
    }

    @Test
    void theCraLadderFromAnInMemoryRecord() throws Exception {
        ObligationsResult result = useCase.run(ObligationsRequest.of(Records.router(), AT));
        assertThat(result.incident()).isEqualTo("router.json");
        assertThat(result.at()).isEqualTo(AT);
        assertThat(result.obligations()).extracting(o -> o.framework() + "/" + o.stage() + "/" + o.status().id())
                .containsExactly("eu-cra-vulnerability/early-warning/submitted", "eu-cra-vulnerability/notification/pending",
                        "eu-cra-vulnerability/final-report/waiting");
        // 23:30 Berlin is 22:30 UTC; 24 and 72 elapsed hours; the Reg 1182/71 limit runs to the end of the hour.
        assertThat(find(result, "early-warning").due()).isEqualTo(Instant.parse("2026-11-21T22:30:00Z"));
        assertThat(find(result, "notification").due()).isEqualTo(Instant.parse("2026-11-23T22:30:00Z"));
        assertThat(find(result, "notification").legalLimit().at()).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(find(result, "final-report").waitingFor()).isEqualTo("timeline.correctiveMeasureAvailableAt");
        assertThat(result.count(Status.SUBMITTED)).isEqualTo(1);
        assertThat(result.overdue()).isEmpty();
        assertThat(result.frameworks()).hasSize(25).filteredOn(a -> a.applies()).extracting(a -> a.framework().id())
                .containsExactly("eu-cra-vulnerability");
        assertThat(result.warnings()).isEmpty();
        assertThat(result.catalog()).isEqualTo(KnowledgeBase.bundled().fingerprint());
        assertThat(result.catalog().origin()).isEqualTo("bundled");
        assertThat(result.catalog().sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void yamlAndAnAlreadyParsedRecordGiveTheSameDeadlines() throws Exception {
        ObligationsResult json = useCase.run(ObligationsRequest.of(Records.router(), AT));
        ObligationsResult yaml = useCase.run(ObligationsRequest.of(IncidentInput.of(InputDocument.of("router.yaml", Records.ROUTER_YAML)), AT));
        var read = new IncidentReader(KnowledgeBase.bundled().reporting()).read("parsed.json", Records.ROUTER.formatted(""));
        ObligationsResult parsed = useCase.run(ObligationsRequest.of(IncidentInput.parsed(read), AT));
        assertThat(yaml.obligations()).extracting(Obligation::due).isEqualTo(json.obligations().stream().map(Obligation::due).toList());
        assertThat(parsed.obligations()).extracting(Obligation::due).isEqualTo(json.obligations().stream().map(Obligation::due).toList());
        assertThat(yaml.incident()).isEqualTo("router.yaml");
        assertThat(parsed.incident()).isEqualTo("parsed.json");
    }

    @Test
    void theInstantAndTheWindowDecideTheStatus() throws Exception {
        ObligationsResult wide = useCase.run(new ObligationsRequest(Records.router(), AT, Duration.ofDays(3), false));
        assertThat(find(wide, "notification").status()).isEqualTo(Status.DUE_SOON);
        ObligationsResult late = useCase.run(ObligationsRequest.of(Records.router(), Instant.parse("2026-11-24T00:00:00Z")));
        assertThat(find(late, "notification").status()).isEqualTo(Status.OVERDUE);
        assertThat(late.overdue()).extracting(Obligation::stage).containsExactly("notification");
        assertThatThrownBy(() -> new ObligationsRequest(Records.router(), AT, Duration.ofHours(-1), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemsInTheRecordAreWarningsAndStrictModeRefusesThem() throws Exception {
        IncidentInput typo = Records.router(", \"colour\": \"red\"");
        ObligationsResult result = useCase.run(ObligationsRequest.of(typo, AT));
        assertThat(result.issues()).extracting(i -> i.path()).containsExactly("/content/colour");
        assertThat(result.warnings()).containsExactly("router.json: /content/colour: unknown key 'colour' ignored");
        // A submission after the instant is not counted yet, and says so.
        ObligationsResult before = useCase.run(ObligationsRequest.of(Records.router(), Instant.parse("2026-11-21T08:00:00Z")));
        assertThat(find(before, "early-warning").status()).isEqualTo(Status.DUE_SOON);
        assertThat(find(before, "early-warning").submittedAt()).isNull();
        assertThat(before.warnings()).anyMatch(w -> w.startsWith("router.json: /submissions/0: submitted after the evaluation instant"));

        assertThatThrownBy(() -> useCase.run(new ObligationsRequest(typo, AT, Duration.ofHours(24), true)))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.source()).isEqualTo("router.json");
                    assertThat(e.position().pointer()).isEqualTo("/content/colour");
                    assertThat(e.problem()).contains("unknown key 'colour'").doesNotContain("--");
                });
    }

    @Test
    void aBrokenRecordIsAnInputErrorNamingTheRecordAndThePointer() {
        IncidentInput local = IncidentInput.of(InputDocument.of("local.json",
                Records.ROUTER.formatted("").replace("2026-11-20T23:30:00+01:00", "2026-11-20T23:30:00")));
        assertThatThrownBy(() -> useCase.run(ObligationsRequest.of(local, AT)))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.source()).isEqualTo("local.json");
                    assertThat(e.position().pointer()).isEqualTo("/timeline/awareAt");
                    assertThat(e.problem()).contains("offset");
                });
        assertThatThrownBy(() -> useCase.run(ObligationsRequest.of(IncidentInput.of(InputDocument.of("empty.json", "[]")), AT)))
                .isInstanceOf(InputException.class).hasMessageStartingWith("empty.json");
    }
}
