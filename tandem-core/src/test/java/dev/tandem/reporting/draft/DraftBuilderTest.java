package dev.tandem.reporting.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.incident.IncidentReader;
import dev.tandem.reporting.obligation.ObligationEngine;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DraftBuilderTest {

    private final DraftBuilder builder = new DraftBuilder(new ObligationEngine(CatalogLoader.bundled()));
    private final IncidentReader reader = new IncidentReader(CatalogLoader.bundled());
    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void craNotificationDraftKeepsTheArticleOrderAndCarriesTheUserNotice() throws Exception {
        ReportDraft draft = builder.build(reader.read(InputDocument.read(Path.of("../examples/incidents/router-exploited-vulnerability.json"))),
                "eu-cra-vulnerability", "notification", AT);
        assertThat(draft.fields()).extracting(DraftField::id).containsExactly("product.info", "vuln.nature",
                "mitig.entity_taken", "mitig.user_actions", "meta.sensitivity");
        assertThat(draft.missingFields()).isEmpty();
        assertThat(draft.fields().get(3).value().asText()).contains("Disable remote management");
        assertThat(draft.notices()).extracting(n -> n.notice().id()).containsExactly("cra-user-notice-vulnerability");
        assertThat(draft.notices().get(0).notice().source()).isEqualTo("CRA Art 14(8)");
        assertThat(draft.notices().get(0).fields()).extracting(DraftField::id)
                .containsExactly("product.info", "vuln.nature", "mitig.user_actions");
        assertThat(draft.notices().get(0).fields().get(2).value().asText()).contains("Disable remote management");
        assertThat(draft.warnings()).isEmpty();
    }

    @Test
    void ransomDraftsShowTheCriStatementAndFlagMissingFields() throws Exception {
        ReportDraft draft = builder.build(reader.read(InputDocument.read(Path.of("../examples/incidents/ransomware-energy-operator.yaml"))),
                "us-circia", "ransom-payment-report", AT);
        assertThat(draft.notices()).extracting(n -> n.notice().id()).containsExactly("cri-ransom-statement");
        assertThat(draft.missingFields()).contains("actor.info");
        assertThat(draft.fields()).filteredOn(f -> f.id().equals("ransom.amount_paid")).singleElement()
                .satisfies(f -> assertThat(f.value().asText()).contains("2.1 million"));
        assertThat(draft.warnings()).anyMatch(w -> w.contains("not in force"));
    }

    @Test
    void aFrameworkThatDoesNotApplyIsSaidSo() throws Exception {
        ReportDraft draft = builder.build(reader.read(InputDocument.read(Path.of("../examples/incidents/router-exploited-vulnerability.json"))),
                "us-sec-8k", "form-8k", AT);
        assertThat(draft.obligation()).isNull();
        assertThat(draft.warnings()).anyMatch(w -> w.contains("does not meet every applicability rule"));
        assertThat(draft.notices()).isEmpty();
    }

    @Test
    void unknownFrameworkOrStageNamesTheKnownOnes() throws Exception {
        var read = reader.read(InputDocument.read(Path.of("../examples/incidents/router-exploited-vulnerability.json")));
        assertThatThrownBy(() -> builder.build(read, "eu-nis3", "notification", AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eu-nis2");
        assertThatThrownBy(() -> builder.build(read, "eu-nis2", "form-8k", AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("early-warning");
    }
}
