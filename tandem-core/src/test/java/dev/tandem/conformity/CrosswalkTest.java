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
        assertThat(kb.crosswalks()).hasSize(3);
        for (Crosswalk x : kb.crosswalks()) {
            assertThat(CrosswalkCheck.problems(x, kb.catalog(x.from()).orElseThrow(), kb.catalog(x.to()).orElseThrow()))
                    .as(x.id()).isEmpty();
        }
    }

    @Test
    void everyCraAnnexIItemAppearsInBothCraCrosswalks() {
        List<String> craItems = kb.catalog("cra-annex-i").orElseThrow().assessed().stream().map(Requirement::id).toList();
        for (String to : List.of("nist-ir-8425", "etsi-en-303-645")) {
            Crosswalk x = kb.storedCrosswalk("cra-annex-i", to).orElseThrow();
            assertThat(x.mappings()).extracting(Mapping::source).containsExactlyInAnyOrderElementsOf(craItems);
            assertThat(x.mappings()).allSatisfy(m -> {
                assertThat(m.sources()).isNotEmpty();
                assertThat(m.confidence()).isEqualTo(Confidence.DERIVED);
            });
        }
    }

    @Test
    void knownMappingsFromTheDraftCrosswalk() {
        Crosswalk x = kb.storedCrosswalk("cra-annex-i", "nist-ir-8425").orElseThrow();
        Mapping confidentiality = x.forSource("CRA-I-2e").getFirst();
        assertThat(confidentiality.relationship()).isEqualTo(Relationship.EQUIVALENT);
        assertThat(confidentiality.targets()).containsExactly("DP-1", "DP-3");
        Mapping exploitation = x.forSource("CRA-I-2k").getFirst();
        assertThat(exploitation.relationship()).isEqualTo(Relationship.NO_RELATIONSHIP);
        assertThat(exploitation.reason()).contains("no exploitation-mitigation outcome");
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
        // CRA-I-2j ≡ IAC-1a (single target): IAC-1a ≡ CRA-I-2j.
        assertThat(reversed.forSource("IAC-1a")).anySatisfy(m -> {
            assertThat(m.targets()).containsExactly("CRA-I-2j");
            assertThat(m.relationship()).isEqualTo(Relationship.EQUIVALENT);
        });
        // CRA-I-2c ⊃ SU-1 ∪ SU-2: SU-1 ⊂ CRA-I-2c.
        assertThat(reversed.forSource("SU-2")).anySatisfy(m -> {
            assertThat(m.targets()).containsExactly("CRA-I-2c");
            assertThat(m.relationship()).isEqualTo(Relationship.SUBSET);
        });
        // CRA-I-2e ≡ DP-1 ∪ DP-3: DP-1 alone is only part of CRA-I-2e.
        assertThat(reversed.forSource("DP-1")).anySatisfy(m -> assertThat(m.relationship()).isEqualTo(Relationship.SUBSET));
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
