package dev.tandem.usecase.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.conformity.crosswalk.Relationship;
import dev.tandem.usecase.KnowledgeBase;
import org.junit.jupiter.api.Test;

/** Listing and showing catalogs, and crosswalks between them, from the bundled knowledge base. */
class CatalogUseCasesTest {

    private final KnowledgeBase knowledge = KnowledgeBase.bundled();

    @Test
    void listsTheCatalogsAndTheStoredCrosswalks() throws Exception {
        CatalogListResult result = new CatalogListUseCase(knowledge).run(new CatalogListRequest());
        assertThat(result.catalogs()).extracting(c -> c.id()).containsExactly("cra-annex-i", "nist-ir-8425", "etsi-en-303-645",
                "etsi-en-303-645-v3");
        assertThat(result.crosswalks()).extracting(x -> x.id()).containsExactly("cra-annex-i--nist-ir-8425",
                "cra-annex-i--etsi-en-303-645", "nist-ir-8425--etsi-en-303-645", "cra-annex-i--etsi-en-303-645-v3",
                "nist-ir-8425--etsi-en-303-645-v3");
        assertThat(result.fingerprint()).isEqualTo(knowledge.fingerprint());
        assertThat(result.fingerprint().version()).isNotBlank();
        assertThat(result.fingerprint().sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void showsOneCatalogByIdInAnyCase() throws Exception {
        CatalogShowResult result = new CatalogShowUseCase(knowledge).run(new CatalogShowRequest(" CRA-Annex-I "));
        assertThat(result.catalog().id()).isEqualTo("cra-annex-i");
        assertThat(result.catalog().assessed()).hasSize(22);
    }

    @Test
    void anUnknownCatalogNamesTheKnownOnes() {
        assertThatThrownBy(() -> new CatalogShowUseCase(knowledge).run(new CatalogShowRequest("iso-27001")))
                .isInstanceOf(UnknownCatalogException.class)
                .hasMessage("unknown catalog 'iso-27001'; known: cra-annex-i, nist-ir-8425, etsi-en-303-645, etsi-en-303-645-v3");
    }

    @Test
    void aCrosswalkIsStoredOrComputedInReverse() throws Exception {
        CrosswalkUseCase useCase = new CrosswalkUseCase(knowledge);
        CrosswalkResult stored = useCase.run(new CrosswalkRequest("cra-annex-i", "NIST-IR-8425"));
        assertThat(stored.crosswalk().reversed()).isFalse();
        assertThat(stored.crosswalk().forSource("CRA-I-2m").getFirst().relationship()).isEqualTo(Relationship.SUPERSET);
        CrosswalkResult reversed = useCase.run(new CrosswalkRequest("nist-ir-8425", "cra-annex-i"));
        assertThat(reversed.crosswalk().reversed()).isTrue();
        assertThat(reversed.crosswalk().id()).isEqualTo("nist-ir-8425--cra-annex-i");
        assertThat(reversed.fingerprint()).isEqualTo(knowledge.fingerprint());
    }

    @Test
    void unknownCatalogsAndMissingCrosswalksAreRefused() {
        CrosswalkUseCase useCase = new CrosswalkUseCase(knowledge);
        assertThatThrownBy(() -> useCase.run(new CrosswalkRequest("cra-annex-i", "iso-27001")))
                .isInstanceOfSatisfying(UnknownCatalogException.class, e -> assertThat(e.id()).isEqualTo("iso-27001"));
        assertThatThrownBy(() -> useCase.run(new CrosswalkRequest("cra-annex-i", "cra-annex-i")))
                .isInstanceOf(NoCrosswalkException.class)
                .hasMessage("no crosswalk between cra-annex-i and cra-annex-i");
    }
}
