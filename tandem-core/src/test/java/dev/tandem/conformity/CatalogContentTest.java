package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counts and sourcing of the bundled catalogs, as the research notes give them. */
class CatalogContentTest {

    private final ConformityKnowledgeBase kb = ConformityKnowledgeBase.bundled();

    private RequirementCatalog catalog(String id) {
        return kb.catalog(id).orElseThrow();
    }

    private static long count(RequirementCatalog c, String group) {
        return c.requirements().stream().filter(r -> group.equals(r.group())).count();
    }

    @Test
    void craHasAnnexIPartIAndIIAndTheChecklistsAndClasses() {
        RequirementCatalog cra = catalog("cra-annex-i");
        assertThat(count(cra, "Annex I Part I")).isEqualTo(14);
        assertThat(count(cra, "Annex I Part II")).isEqualTo(8);
        assertThat(cra.assessed()).hasSize(22);
        assertThat(cra.ofKind("user-information")).hasSize(14);
        assertThat(cra.ofKind("technical-documentation")).hasSize(8);
        assertThat(count(cra, "Annex III Class I")).isEqualTo(19);
        assertThat(count(cra, "Annex III Class II")).isEqualTo(4);
        assertThat(count(cra, "Annex IV Critical")).isEqualTo(3);
        assertThat(cra.assessed()).extracting(Requirement::id).startsWith("CRA-I-1", "CRA-I-2a").contains("CRA-I-2m", "CRA-II-8");
        assertThat(cra.find("CRA-I-1").orElseThrow().obligation()).isEqualTo("mandatory");
        assertThat(cra.find("CRA-I-2a").orElseThrow().obligation()).isEqualTo("where-applicable");
    }

    @Test
    void irHasSixProductAndFourDeveloperOutcomes() {
        RequirementCatalog ir = catalog("nist-ir-8425");
        List<Requirement> outcomes = ir.ofKind("outcome");
        assertThat(outcomes).extracting(Requirement::id).containsExactly("AI", "PC", "DP", "IAC", "SU", "CSA", "DOC", "IQR", "ID", "PEA");
        assertThat(outcomes.stream().filter(o -> o.group().equals("Product"))).hasSize(6);
        assertThat(ir.assessed()).hasSize(29);
        assertThat(ir.assessed()).allSatisfy(r -> assertThat(ir.find(r.parent())).isPresent());
        // Developer sub-item lettering is only secondary-sourced: it must not claim to be verified.
        assertThat(ir.find("DOC-1c").orElseThrow().confidence()).isNotEqualTo(Confidence.VERIFIED);
    }

    @Test
    void etsiHasEveryProvisionWithItsStatus() {
        RequirementCatalog etsi = catalog("etsi-en-303-645");
        assertThat(etsi.assessed()).hasSize(67);
        assertThat(etsi.ofKind("category")).hasSize(14);
        assertThat(etsi.assessed().stream().filter(r -> r.obligation().equals("mandatory"))).hasSize(32);
        assertThat(etsi.assessed().stream().filter(r -> r.obligation().equals("recommended"))).hasSize(35);
        Requirement conditional = etsi.find("5.1-1").orElseThrow();
        assertThat(conditional.obligation()).isEqualTo("mandatory");
        assertThat(conditional.isConditional()).isTrue();
        assertThat(etsi.find("5.3-10").orElseThrow().confidence()).isEqualTo(Confidence.UNCONFIRMED);
    }

    @Test
    void everyEntryHasAnIdTitleSourceAndConfidenceAndIdsAreUnique() {
        for (RequirementCatalog c : kb.catalogs()) {
            Set<String> ids = new HashSet<>();
            for (Requirement r : c.requirements()) {
                assertThat(ids.add(r.id())).as(c.id() + " duplicate id " + r.id()).isTrue();
                assertThat(r.title()).as(c.id() + " " + r.id()).isNotBlank();
                assertThat(r.source()).as(c.id() + " " + r.id()).isNotBlank();
                assertThat(r.confidence()).as(c.id() + " " + r.id()).isNotNull();
                assertThat(r.kind()).as(c.id() + " " + r.id()).isNotBlank();
            }
        }
    }

    @Test
    void routesCoverEveryClass() {
        for (var craClass : dev.tandem.conformity.profile.CraClass.values()) {
            assertThat(kb.routes().forClass(craClass)).as(craClass.label()).isPresent();
        }
        assertThat(kb.routes().supportPeriod().minimumYears()).isEqualTo(5);
    }
}
