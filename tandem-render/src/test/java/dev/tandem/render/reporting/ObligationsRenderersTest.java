package dev.tandem.render.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.catalog.Confidence;
import dev.tandem.render.TextRenderer;
import dev.tandem.reporting.catalog.Condition;
import dev.tandem.reporting.catalog.PeriodVariant;
import dev.tandem.reporting.catalog.Role;
import dev.tandem.reporting.catalog.RoleStanding;
import dev.tandem.reporting.catalog.StagePeriod;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.usecase.reporting.ObligationsResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The obligations renderers draw what the result holds: the roles and how each was implied, duties without a fixed period, period variants. */
class ObligationsRenderersTest {

    private static final CatalogFingerprint CATALOG = new CatalogFingerprint("2026.12.0", "ab".repeat(32), "bundled");
    private static final Instant AWARE = Instant.parse("2026-11-20T09:00:00Z");

    private static ObligationsResult result() {
        Role parent = new Role("dora-financial-entity", "Financial entity under DORA", List.of(), "DORA Art 2(1)", Confidence.SECONDARY);
        Role child = new Role("dora-ccp", "Central counterparty under DORA", List.of("dora-financial-entity"), "DORA Art 2(1)(h)",
                Confidence.SECONDARY);
        PeriodVariant variant = new PeriodVariant(new Condition(List.of("eidas-trust-service-provider"), null, null, null, null, null, null,
                null, null, null), new StagePeriod(24, null, null, null), "a trust service provider", "NIS2 Art 23(4), last subparagraph",
                Confidence.SECONDARY);
        Obligation asap = new Obligation("eu-gdpr", "EU GDPR", "data-subject-communication", "Communication to the data subjects", AWARE,
                "timeline.awareAt", false, "without undue delay (no fixed period) from timeline.awareAt", null, null, null, true,
                Status.ASAP, null, false, "The data subjects concerned", "direct communication", List.of(), "GDPR Art 34(1)",
                Confidence.VERIFIED, "Europe/Berlin", null);
        Obligation shortened = new Obligation("eu-nis2", "EU NIS2", "notification", "Incident notification", AWARE, "timeline.awareAt",
                false, "24 elapsed hours (DST changes included) from timeline.awareAt (a trust service provider, NIS2 Art 23(4), last subparagraph [S])",
                AWARE.plus(Duration.ofHours(24)), null, null, true, Status.PENDING, null, false, "CSIRT", "portal", List.of(),
                "NIS2 Art 23(4)(b)", Confidence.VERIFIED, "Europe/Berlin", variant);
        return new ObligationsResult("r.yaml", AWARE.plus(Duration.ofHours(2)), Duration.ofHours(24), List.of(shortened, asap), List.of(),
                List.of(), CATALOG, List.of(), List.of(new RoleStanding(child, true, List.of()), new RoleStanding(parent, false, List.of(child))));
    }

    @SuppressWarnings("unchecked")
    private static String text(String format) {
        return ((TextRenderer<ObligationsResult>) ReportingFormats.OBLIGATIONS.find(format).orElseThrow()).text(result());
    }

    @Test
    void theTableNamesEveryRoleAndHowItWasImpliedAndADutyWithoutAFixedPeriod() {
        String table = text("table");
        assertThat(table).contains("Roles: dora-ccp (declared); dora-financial-entity (implied by dora-ccp (DORA Art 2(1)(h) [S]))");
        assertThat(table).containsPattern("asap\\s+no fixed period\\s+eu-gdpr\\s+data-subject-communication");
        assertThat(table).contains("eu-nis2 notification: 24 elapsed hours").contains("NIS2 Art 23(4), last subparagraph [S]");
        assertThat(text("md")).contains("**Roles:** `dora-ccp` (declared); `dora-financial-entity` (implied by dora-ccp");
    }

    @Test
    void theJsonCarriesTheRolesTheVariantAndTheAsapCount() throws Exception {
        JsonNode root = new ObjectMapper().readTree(text("json"));
        assertThat(root.get("roles").get(1).get("id").asText()).isEqualTo("dora-financial-entity");
        assertThat(root.get("roles").get(1).get("declared").asBoolean()).isFalse();
        assertThat(root.get("roles").get(1).get("impliedBy").get(0).asText()).isEqualTo("dora-ccp");
        JsonNode nis2 = root.get("obligations").get(0);
        assertThat(nis2.get("periodVariant").get("period").asText()).isEqualTo("PT24H");
        assertThat(nis2.get("periodVariant").get("source").asText()).isEqualTo("NIS2 Art 23(4), last subparagraph");
        JsonNode gdpr = root.get("obligations").get(1);
        assertThat(gdpr.get("status").asText()).isEqualTo("asap");
        assertThat(gdpr.get("due").isNull()).isTrue();
        assertThat(gdpr.has("periodVariant")).isFalse();
        assertThat(root.get("summary").get("asap").asInt()).isEqualTo(1);
        assertThat(root.get("summary").get("overdueInForce").asInt()).isZero();
    }
}
