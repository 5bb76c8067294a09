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

    /*
     * ETSI EN 303 645 V2.1.1 Table B.1 (as reproduced in Zephyr's self-assessment) marks each provision M, R,
     * M C or R C; the widely quoted totals are 33 mandatory and 35 recommended, which is the reproduction's
     * 32 M with provision 4-1 ("A justification shall be recorded for each recommendation ... not
     * applicable ... or not fulfilled": shall, so M).
     */
    @Test
    void etsiV2HasEveryProvisionWithItsTableB1Status() {
        RequirementCatalog etsi = catalog("etsi-en-303-645");
        assertThat(etsi.version()).startsWith("V2.1.1");
        assertThat(etsi.assessed()).hasSize(68);
        assertThat(etsi.ofKind("category")).hasSize(15);
        assertThat(etsi.assessed().stream().filter(r -> r.obligation().equals("mandatory"))).hasSize(33);
        assertThat(etsi.assessed().stream().filter(r -> r.obligation().equals("recommended"))).hasSize(35);
        assertThat(etsi.find("4-1").orElseThrow().obligation()).isEqualTo("mandatory");
        // "Where passwords are used ..., all consumer IoT device passwords shall be unique per device or defined
        // by the user": M C.
        Requirement passwords = etsi.find("5.1-1").orElseThrow();
        assertThat(passwords.obligation()).isEqualTo("mandatory");
        assertThat(passwords.isConditional()).isTrue();
        assertThat(passwords.condition()).contains("passwords are used");
        // "Hard-coded critical security parameters in device software source code shall not be used": M, no C.
        assertThat(etsi.find("5.4-3").orElseThrow().alwaysApplies()).isTrue();
        // "Where updates are delivered over a network interface, the device shall verify ...": the provision is
        // conditional by its own wording although the reproduction shows M without C; flagged, and unconfirmed.
        Requirement trust = etsi.find("5.3-10").orElseThrow();
        assertThat(trust.isConditional()).isTrue();
        assertThat(trust.condition()).contains("network interface");
        assertThat(trust.confidence()).isEqualTo(Confidence.UNCONFIRMED);
        // Every conditional provision says when it applies; no unconditional one claims a condition.
        assertThat(etsi.assessed()).allSatisfy(r -> assertThat(r.condition() != null).as(r.id()).isEqualTo(r.isConditional()));
        // The Table B.1 reproduction's conditional set, by provision.
        assertThat(etsi.assessed().stream().filter(Requirement::isConditional).map(Requirement::id))
                .containsExactlyInAnyOrder("5.1-1", "5.1-2", "5.1-4", "5.1-5", "5.3-2", "5.3-3", "5.3-4", "5.3-5", "5.3-6",
                        "5.3-7", "5.3-8", "5.3-9", "5.3-10", "5.3-11", "5.3-12", "5.3-14", "5.3-15", "5.4-2", "5.6-4",
                        "5.10-1", "6-2", "6-3", "6-4", "6-5");
    }

    /*
     * ETSI EN 303 645 V3.1.3 (2024-09), read in a third-party extraction: 'shall' provisions are mandatory,
     * 'should' ones recommendations (ETSI drafting rules); 4-1 became 5.0-1; 5.3-4, 5.3-6, 5.3-15, 5.6-4,
     * 5.13-1 and 6-3 are split into A and B; 5.1-2A, 6-6, 6-7 and 6-8 are new.
     */
    @Test
    void etsiV3StandsBesideV2WithItsOwnProvisions() {
        RequirementCatalog v3 = catalog("etsi-en-303-645-v3");
        assertThat(v3.version()).isEqualTo("V3.1.3 (2024-09)");
        assertThat(v3.standard()).isEqualTo(catalog("etsi-en-303-645").standard()).isEqualTo("ETSI EN 303 645");
        assertThat(v3.assessed()).hasSize(78);
        assertThat(v3.assessed()).allSatisfy(r -> assertThat(r.confidence()).as(r.id()).isEqualTo(Confidence.SECONDARY));
        assertThat(v3.find("5.0-1")).isPresent();
        assertThat(v3.find("4-1")).isEmpty();
        assertThat(v3.find("5.3-4")).isEmpty();
        assertThat(v3.assessed()).extracting(Requirement::id)
                .contains("5.1-2A", "5.3-4A", "5.3-4B", "5.3-6A", "5.3-6B", "5.3-15A", "5.3-15B", "5.6-4A", "5.6-4B",
                        "5.13-1A", "5.13-1B", "6-3A", "6-3B", "6-6", "6-7", "6-8");
        // "Passwords should not be used for machine-to-machine authentication": should, so R.
        assertThat(v3.find("5.1-2A").orElseThrow().obligation()).isEqualTo("recommended");
        // "Data stored and processed ... shall be limited to that which is necessary ...": shall, so M.
        assertThat(v3.find("6-6").orElseThrow().obligation()).isEqualTo("mandatory");
        // "The consumer IoT device shall have a secure update mechanism unless the device has a resource
        // constraint determined by the use case that prevents the implementation": conditional.
        assertThat(v3.find("5.3-2").orElseThrow().condition()).contains("resource constraint");
        assertThat(v3.assessed()).allSatisfy(r -> assertThat(r.condition() != null).as(r.id()).isEqualTo(r.isConditional()));
        assertThat(kb.editions()).singleElement().satisfies(e -> {
            assertThat(e.catalogs()).containsExactly("etsi-en-303-645", "etsi-en-303-645-v3");
            assertThat(e.defaultCatalog()).isEqualTo("etsi-en-303-645");
        });
    }

    @Test
    void everyCraCategoryNamesItsClassAndIts2025_2392Description() {
        RequirementCatalog cra = catalog("cra-annex-i");
        for (Requirement category : cra.ofKind("product-class")) {
            assertThat(category.craClass()).as(category.id()).isIn("important-i", "important-ii", "critical");
            assertThat(category.descriptionSource()).as(category.id()).startsWith("Implementing Regulation (EU) 2025/2392");
            assertThat(category.description()).as(category.id()).isNotBlank();
            // The descriptions were read in a reproduction, not the Official Journal: never 'verified'.
            assertThat(category.descriptionConfidence()).as(category.id()).isEqualTo(Confidence.SECONDARY);
            assertThat(category.confidence()).as(category.id()).isIn(Confidence.VERIFIED, Confidence.SECONDARY);
        }
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
        // Art. 32(2) and (3)(c): certification is a route for Class I and Class II, at least 'substantial'.
        for (var craClass : List.of(dev.tandem.conformity.profile.CraClass.IMPORTANT_I, dev.tandem.conformity.profile.CraClass.IMPORTANT_II)) {
            assertThat(kb.routes().forClass(craClass).orElseThrow().option("certification")).get()
                    .satisfies(o -> assertThat(o.minimumAssurance()).isEqualTo("substantial"));
        }
        assertThat(kb.routes().forClass(dev.tandem.conformity.profile.CraClass.IMPORTANT_I).orElseThrow().option("module-a")).get()
                .satisfies(o -> assertThat(o.when()).contains("standards-applied-in-full", "foss-public-documentation"));
        assertThat(kb.routes().supportPeriod().minimumYears()).isEqualTo(5);
    }
}
