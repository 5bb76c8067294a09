package dev.tandem.usecase.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import dev.tandem.reporting.draft.DraftField;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.usecase.KnowledgeBase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportDraftUseCaseTest {

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");
    private final ReportDraftUseCase useCase = new ReportDraftUseCase(KnowledgeBase.bundled());

    @Test
    void theCraNotificationDraftIsFilledFromTheRecordOrFlaggedMissing() throws Exception {
        ReportDraftResult result = useCase.run(new ReportDraftRequest(Records.router(), "eu-cra-vulnerability", "notification", AT, false));
        ReportDraft draft = result.draft();
        assertThat(draft.reporter()).isEqualTo("Havel Networks GmbH");
        assertThat(draft.obligation().due()).isEqualTo(Instant.parse("2026-11-23T22:30:00Z"));
        assertThat(draft.obligation().status()).isEqualTo(Status.PENDING);
        assertThat(draft.fields()).extracting(DraftField::id).containsExactly("product.info", "vuln.nature",
                "mitig.entity_taken", "mitig.user_actions", "meta.sensitivity");
        assertThat(draft.missingFields()).containsExactly("product.info", "vuln.nature", "mitig.entity_taken", "meta.sensitivity");
        assertThat(draft.fields().get(3).value().asText()).startsWith("Disable remote management");
        assertThat(draft.notices()).extracting(n -> n.notice().id()).containsExactly("cra-user-notice-vulnerability");
        assertThat(draft.warnings()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.catalog()).isEqualTo(KnowledgeBase.bundled().fingerprint());
    }

    @Test
    void aFrameworkThatDoesNotApplyGivesAReferenceDraftThatSaysSoWithoutNamingACommand() throws Exception {
        ReportDraft draft = useCase.run(new ReportDraftRequest(Records.router(), "us-sec-8k", "form-8k", AT, false)).draft();
        assertThat(draft.obligation()).isNull();
        assertThat(draft.assessment().applies()).isFalse();
        assertThat(draft.warnings()).singleElement().asString().contains("does not meet every applicability rule")
                .doesNotContain("tandem ").doesNotContain("--");
    }

    @Test
    void unknownFrameworkOrStageListsTheValidIds() {
        assertThatThrownBy(() -> useCase.run(new ReportDraftRequest(Records.router(), "eu-nis3", "notification", AT, false)))
                .isInstanceOfSatisfying(UnknownIdException.class, e -> {
                    assertThat(e.id()).isEqualTo("eu-nis3");
                    assertThat(e.known()).hasSize(25).contains("eu-nis2", "us-sec-8k");
                    assertThat(e.getMessage()).startsWith("unknown framework 'eu-nis3'; known: [eu-cra-vulnerability,");
                });
        assertThatThrownBy(() -> useCase.run(new ReportDraftRequest(Records.router(), "eu-nis2", "form-8k", AT, false)))
                .isInstanceOfSatisfying(UnknownIdException.class, e -> {
                    assertThat(e.known()).containsExactly("early-warning", "notification", "final-report");
                    assertThat(e.getMessage()).isEqualTo("framework eu-nis2 has no stage 'form-8k'; it has [early-warning, notification, final-report]");
                });
    }

    @Test
    void recordWarningsAreDataAndStrictModeRefusesThem() throws Exception {
        IncidentInput typo = Records.router(", \"colour\": \"red\"");
        ReportDraftResult result = useCase.run(new ReportDraftRequest(typo, "eu-cra-vulnerability", "notification", AT, false));
        assertThat(result.warnings()).containsExactly("router.json: /content/colour: unknown key 'colour' ignored");
        assertThat(result.draft().warnings()).containsExactly("Record warning: /content/colour: unknown key 'colour' ignored");
        assertThatThrownBy(() -> useCase.run(new ReportDraftRequest(typo, "eu-cra-vulnerability", "notification", AT, true)))
                .isInstanceOf(InputException.class).hasMessageContaining("router.json").hasMessageContaining("/content/colour");
    }
}
