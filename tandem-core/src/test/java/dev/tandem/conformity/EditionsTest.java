package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.conformity.profile.Status;
import dev.tandem.input.InputException;
import dev.tandem.sbom.quality.QualityProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ETSI EN 303 645 V3.1.3 (2024-09) stands beside V2.1.1 (2020-06); a profile is assessed against one of
 * them, and every output says which and why.
 */
class EditionsTest {

    private final Assessor assessor = new Assessor(ConformityKnowledgeBase.bundled(), QualityProfile.bundled());

    private Assessment assess(String yaml) throws Exception {
        return assessor.assess(ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\n" + yaml, false), Map.of());
    }

    private static RegimeResult en(Assessment a) {
        return a.regimes().stream().filter(r -> r.id().startsWith("etsi-en-303-645")).findFirst().orElseThrow();
    }

    @Test
    void v2IsTheDefaultWhenTheProfileSaysNothing() throws Exception {
        Assessment a = assess("");
        assertThat(a.regimes()).extracting(RegimeResult::id).containsExactly("cra-annex-i", "nist-ir-8425", "etsi-en-303-645");
        assertThat(en(a).version()).isEqualTo("V2.1.1 (2020-06)");
        assertThat(a.assessedAgainst()).singleElement().satisfies(e -> {
            assertThat(e.standard()).isEqualTo("ETSI EN 303 645");
            assertThat(e.basis()).contains("default");
        });
    }

    @Test
    void theProfileNamesTheEditionAndEvidenceForTheOtherIsReportedUnused() throws Exception {
        Assessment a = assess("""
                etsiEn303645: V3.1.3
                evidence:
                  etsi-en-303-645-v3: {5.3-4B: {status: met}, 6-6: {status: not met, justification: logs kept forever}}
                  etsi-en-303-645: {5.3-4: {status: met}}
                """);
        assertThat(a.regimes()).extracting(RegimeResult::id).containsExactly("cra-annex-i", "nist-ir-8425", "etsi-en-303-645-v3");
        assertThat(en(a).version()).isEqualTo("V3.1.3 (2024-09)");
        assertThat(en(a).requirements()).filteredOn(r -> r.id().equals("6-6")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(Status.NOT_MET));
        assertThat(a.assessedAgainst()).singleElement().satisfies(e -> assertThat(e.basis()).contains("etsiEn303645: V3.1.3"));
        assertThat(a.warnings()).anyMatch(w -> w.contains("/evidence/etsi-en-303-645") && w.contains("not used")
                && w.contains("V3.1.3"));
        // Crosswalks reach the edition assessed: CRA-I-2m contains V3.1.3 5.11-1 ("all their user data can be erased").
        Assessment carried = assess("etsiEn303645: \"3.1.3\"\nevidence: {cra-annex-i: {CRA-I-2m: {status: met}}}\n");
        assertThat(en(carried).requirements()).filteredOn(r -> r.id().equals("5.11-1")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.MET);
            assertThat(r.derivedFrom().mapping()).isEqualTo("cra-annex-i--etsi-en-303-645-v3#CRA-I-2m");
        });
    }

    @Test
    void evidenceForOneEditionOnlyChoosesIt() throws Exception {
        Assessment a = assess("evidence: {etsi-en-303-645-v3: {5.0-1: {status: met}}}\n");
        assertThat(en(a).id()).isEqualTo("etsi-en-303-645-v3");
        assertThat(a.assessedAgainst().getFirst().basis()).contains("only edition");
    }

    @Test
    void evidenceForBothEditionsWithoutAChoiceOrAnUnknownEditionIsAnInputError() {
        assertThatThrownBy(() -> assess("evidence: {etsi-en-303-645: {5.1-1: {status: met}}, etsi-en-303-645-v3: {5.1-1: {status: met}}}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("p.yaml").hasMessageContaining("etsiEn303645");
        assertThatThrownBy(() -> assess("etsiEn303645: V4.1.1\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("/etsiEn303645")
                .hasMessageContaining("V2.1.1 (2020-06), V3.1.3 (2024-09)");
    }
}
