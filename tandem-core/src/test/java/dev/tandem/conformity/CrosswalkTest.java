package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.CrosswalkCheck;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.conformity.crosswalk.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrosswalkTest {

    private final ConformityKnowledgeBase kb = ConformityKnowledgeBase.bundled();

    @Test
    void everyBundledCrosswalkIsSoundAndCoversItsSourceCatalog() {
        assertThat(kb.crosswalks()).hasSize(5);
        for (Crosswalk x : kb.crosswalks()) {
            assertThat(CrosswalkCheck.problems(x, kb.catalog(x.from()).orElseThrow(), kb.catalog(x.to()).orElseThrow()))
                    .as(x.id()).isEmpty();
        }
    }

    @Test
    void everyCraAnnexIItemAppearsInBothCraCrosswalks() {
        List<String> craItems = kb.catalog("cra-annex-i").orElseThrow().assessed().stream().map(Requirement::id).toList();
        for (String to : List.of("nist-ir-8425", "etsi-en-303-645", "etsi-en-303-645-v3")) {
            Crosswalk x = kb.storedCrosswalk("cra-annex-i", to).orElseThrow();
            assertThat(x.mappings()).extracting(Mapping::source).containsExactlyInAnyOrderElementsOf(craItems);
            assertThat(x.mappings()).allSatisfy(m -> {
                assertThat(m.sources()).isNotEmpty();
                assertThat(m.confidence()).isEqualTo(Confidence.DERIVED);
            });
        }
    }

    /*
     * Re-reviewed against NIST IR 8477's set theory (OSCAL mapping model: "superset-of: ... source contains all
     * target requirements and additional others"; "intersects-with: ... each includes content that the other
     * does not").
     */
    @Test
    void reReviewedMappingsSayNoMoreThanTheTexts() {
        Crosswalk x = kb.storedCrosswalk("cra-annex-i", "nist-ir-8425").orElseThrow();
        // Annex I (2)(e) protects "the confidentiality of stored, transmitted or otherwise processed data"; IR 8425
        // Data Protection protects stored and transmitted data "from unauthorized access, disclosure, and
        // modification": confidentiality of data in use is CRA-only, protection from modification IR-only.
        Mapping confidentiality = x.forSource("CRA-I-2e").getFirst();
        assertThat(confidentiality.relationship()).isEqualTo(Relationship.INTERSECTS);
        assertThat(confidentiality.targets()).containsExactly("DP-1", "DP-3");
        assertThat(confidentiality.onlyInTargets()).contains("modification");
        // (2)(m) "the possibility for users to securely and easily remove on a permanent basis all data and
        // settings" contains DP-2 "the ability to delete or render inaccessible stored data ... about the customer".
        Mapping removal = x.forSource("CRA-I-2m").getFirst();
        assertThat(removal.relationship()).isEqualTo(Relationship.SUPERSET);
        assertThat(removal.targets()).containsExactly("DP-2");
        assertThat(Mapping.nothing(removal.onlyInTargets())).isTrue();
        Mapping exploitation = x.forSource("CRA-I-2k").getFirst();
        assertThat(exploitation.relationship()).isEqualTo(Relationship.NO_RELATIONSHIP);
        assertThat(exploitation.reason()).contains("no exploitation-mitigation outcome");
        // Only entries whose written reasoning leaves nothing on the target side carry a CRA "met" across.
        for (Crosswalk c : kb.crosswalks()) {
            for (Mapping m : c.mappings()) {
                if (m.relationship().carriesMet()) {
                    assertThat(Mapping.nothing(m.onlyInTargets())).as(c.id() + " " + m.source()).isTrue();
                }
            }
        }
    }

    @Test
    void aRelationshipThatContradictsItsWrittenReasoningIsRefused() {
        Crosswalk stored = kb.storedCrosswalk("cra-annex-i", "nist-ir-8425").orElseThrow();
        List<Mapping> broken = new ArrayList<>(stored.mappings());
        // CRA-I-2e claims equivalence while its reasoning says both sides have content the other lacks.
        broken.replaceAll(m -> m.source().equals("CRA-I-2e")
                ? new Mapping(m.source(), m.targets(), Relationship.EQUIVALENT, m.rationale(), null, m.gap(), m.confidence(),
                        m.sources(), null, m.common(), m.onlyInSource(), m.onlyInTargets())
                : m.source().equals("CRA-I-2j")
                ? new Mapping(m.source(), m.targets(), m.relationship(), m.rationale(), null, m.gap(), m.confidence(),
                        m.sources(), null, null, null, null)
                : m);
        Crosswalk bad = new Crosswalk(stored.id(), stored.from(), stored.to(), stored.title(), "semantic", "draft", broken, false);
        assertThat(CrosswalkCheck.problems(bad, kb.catalog("cra-annex-i").orElseThrow(), kb.catalog("nist-ir-8425").orElseThrow()))
                .anyMatch(p -> p.contains("CRA-I-2e") && p.contains("contradicts the reasoning, which makes it 'intersects'"))
                .anyMatch(p -> p.contains("CRA-I-2j") && p.contains("needs 'common'"));
    }

    @Test
    void checkFindsAMissingItemAnUnknownTargetAndAMissingReason() {
        Crosswalk stored = kb.storedCrosswalk("cra-annex-i", "nist-ir-8425").orElseThrow();
        List<Mapping> broken = new ArrayList<>(stored.mappings());
        broken.removeIf(m -> m.source().equals("CRA-II-3"));
        broken.replaceAll(m -> m.source().equals("CRA-I-2e")
                ? new Mapping(m.source(), List.of("DP-9"), m.relationship(), m.rationale(), null, null, m.confidence(), m.sources(), null)
                : m.source().equals("CRA-I-2k")
                ? new Mapping(m.source(), List.of(), Relationship.NO_RELATIONSHIP, null, " ", null, m.confidence(), m.sources(), null)
                : m);
        Crosswalk bad = new Crosswalk(stored.id(), stored.from(), stored.to(), stored.title(), "semantic", "draft", broken, false);
        assertThat(CrosswalkCheck.problems(bad, kb.catalog("cra-annex-i").orElseThrow(), kb.catalog("nist-ir-8425").orElseThrow()))
                .anyMatch(p -> p.contains("CRA-II-3 is neither mapped"))
                .anyMatch(p -> p.contains("target DP-9"))
                .anyMatch(p -> p.contains("CRA-I-2k") && p.contains("needs a reason"));
    }

    @Test
    void reversedViewInvertsSingleTargetRelationshipsAndWeakensMultiTargetOnes() {
        Crosswalk reversed = kb.crosswalk("nist-ir-8425", "cra-annex-i").orElseThrow();
        assertThat(reversed.reversed()).isTrue();
        // CRA-I-2m ⊃ DP-2 (single target): DP-2 ⊂ CRA-I-2m, and the written reasoning swaps sides.
        assertThat(reversed.forSource("DP-2")).anySatisfy(m -> {
            assertThat(m.targets()).containsExactly("CRA-I-2m");
            assertThat(m.relationship()).isEqualTo(Relationship.SUBSET);
            assertThat(Mapping.nothing(m.onlyInSource())).isTrue();
        });
        // CRA-I-2c ∩ (SU-1 ∪ SU-2): SU-2 alone also only intersects CRA-I-2c.
        assertThat(reversed.forSource("SU-2")).anySatisfy(m -> {
            assertThat(m.targets()).containsExactly("CRA-I-2c");
            assertThat(m.relationship()).isEqualTo(Relationship.INTERSECTS);
        });
        // CRA-II-2 ⊃ 5.2-2 ∪ 5.3-8: each of them alone is part of CRA-II-2.
        Crosswalk fromEtsi = kb.crosswalk("etsi-en-303-645", "cra-annex-i").orElseThrow();
        assertThat(fromEtsi.forSource("5.3-8")).anySatisfy(m -> {
            assertThat(m.targets()).containsExactly("CRA-II-2");
            assertThat(m.relationship()).isEqualTo(Relationship.SUBSET);
        });
        // AI-1 is named by no entry: it is listed as having no counterpart.
        assertThat(reversed.forSource("AI-1")).singleElement()
                .satisfies(m -> assertThat(m.relationship()).isEqualTo(Relationship.NO_RELATIONSHIP));
    }

    @Test
    void relationshipParsingAcceptsLabelsAndOscalTokens() {
        assertThat(Relationship.of("no relationship")).isEqualTo(Relationship.NO_RELATIONSHIP);
        assertThat(Relationship.of("superset-of")).isEqualTo(Relationship.SUPERSET);
        assertThat(Relationship.of("Intersects")).isEqualTo(Relationship.INTERSECTS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Relationship.of("related"))
                .hasMessageContaining("unknown relationship");
    }
}
