package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.classification.Classification;
import dev.tandem.conformity.classification.Classifier;
import dev.tandem.conformity.profile.CraClass;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.input.InputException;
import org.junit.jupiter.api.Test;

/**
 * The class is derived from the category, never trusted. Regulation (EU) 2024/2847, Art. 7(1):
 * "Products with digital elements that have the core functionality of a product category set out in
 * Annex III shall be considered to be important products with digital elements"; Art. 7(2): they are
 * "divided into class I and class II as set out in Annex III"; Annex IV lists the critical categories
 * (Art. 8). A product in no such category is in the default class (Art. 32(1)).
 */
class ClassifierTest {

    private final RequirementCatalog cra = ConformityKnowledgeBase.bundled().catalog("cra-annex-i").orElseThrow();

    private Classification classify(String yaml) throws InputException {
        return Classifier.classify(ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\n" + yaml, false), cra);
    }

    @Test
    void everyAnnexCategoryGivesTheClassOfTheListItIsIn() throws Exception {
        // Annex III lists 19 categories under "Class I" and 4 under "Class II"; Annex IV lists 3 critical ones.
        for (Requirement category : cra.ofKind(Requirement.CATEGORY_KIND)) {
            CraClass expected = category.group().equals("Annex III Class I") ? CraClass.IMPORTANT_I
                    : category.group().equals("Annex III Class II") ? CraClass.IMPORTANT_II : CraClass.CRITICAL;
            Classification c = classify("craCategory: " + category.id() + "\n");
            assertThat(c.craClass()).as(category.id()).isEqualTo(expected);
            assertThat(c.derived()).isTrue();
            assertThat(c.basis()).contains(category.id());
        }
        assertThat(cra.ofKind(Requirement.CATEGORY_KIND)).hasSize(26);
    }

    @Test
    void aSecurityCameraIsClassIAndTheDescriptionOf2025_2392IsCarried() throws Exception {
        // Annex III, Class I, point 17: "Smart home products with security functionalities, including smart door
        // locks, security cameras, baby monitoring systems and alarm systems"; Implementing Regulation (EU)
        // 2025/2392 describes them as remotely controllable products protecting consumers' physical security at home.
        Classification c = classify("craCategory: CRA-AIII-I-17\ncraClass: important-i\n");
        assertThat(c.craClass()).isEqualTo(CraClass.IMPORTANT_I);
        assertThat(c.categories()).singleElement().satisfies(k -> {
            assertThat(k.descriptionSource()).contains("2025/2392");
            assertThat(k.description()).contains("home security cameras");
        });
    }

    @Test
    void aStatedClassContradictingTheCategoryIsAnInputErrorAtCraClass() {
        assertThatThrownBy(() -> classify("craCategory: CRA-AIII-I-17\ncraClass: default\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("p.yaml").hasMessageContaining("/craClass")
                .hasMessageContaining("contradicts craCategory CRA-AIII-I-17").hasMessageContaining("important-i");
        // A firewall is Annex III Class II, point 2: stating Class I understates it.
        assertThatThrownBy(() -> classify("craCategory: CRA-AIII-II-2\ncraClass: important-i\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("important-ii");
        assertThatThrownBy(() -> classify("craCategory: none\ncraClass: critical\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("/craClass");
    }

    @Test
    void anUnknownCategoryOrARequirementWhereACategoryBelongsIsAnInputErrorAtCraCategory() {
        assertThatThrownBy(() -> classify("craCategory: CRA-AIII-I-20\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("/craCategory")
                .hasMessageContaining("unknown CRA product category 'CRA-AIII-I-20'");
        assertThatThrownBy(() -> classify("craCategory: CRA-I-2a\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("/craCategory")
                .hasMessageContaining("is CRA-I-2a (Annex I Part I), not a product category");
        assertThatThrownBy(() -> classify("craCategory: CRA-AII-3\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("not a product category");
        assertThatThrownBy(() -> classify("craCategory: [CRA-AIII-I-12, CRA-AVII-9]\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("/craCategory/1");
        assertThatThrownBy(() -> classify("craCategory: [none, CRA-AIII-I-12]\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("cannot be combined");
    }

    @Test
    void theStrictestOfSeveralCategoriesApplies() throws Exception {
        // A router (Class I, point 12) that is also a firewall (Class II, point 2).
        Classification c = classify("craCategory: [CRA-AIII-I-12, CRA-AIII-II-2]\n");
        assertThat(c.craClass()).isEqualTo(CraClass.IMPORTANT_II);
        assertThat(c.findings()).singleElement().satisfies(f -> assertThat(f).contains("strictest class, important-ii"));
    }

    @Test
    void withoutACategoryTheClassIsNotDerivedAndTheFindingSaysSo() throws Exception {
        Classification none = classify("craCategory: none\n");
        assertThat(none.craClass()).isEqualTo(CraClass.DEFAULT);
        assertThat(none.derived()).isTrue();
        assertThat(none.findings()).isEmpty();
        Classification silent = classify("");
        assertThat(silent.craClass()).isEqualTo(CraClass.DEFAULT);
        assertThat(silent.derived()).isFalse();
        assertThat(silent.findings()).singleElement().satisfies(f -> assertThat(f).contains("craCategory is not given"));
        // A stated important class without a category is kept (never less strict), unchecked and flagged.
        Classification stated = classify("craClass: important-ii\n");
        assertThat(stated.craClass()).isEqualTo(CraClass.IMPORTANT_II);
        assertThat(stated.derived()).isFalse();
        assertThat(stated.findings()).singleElement().satisfies(f -> assertThat(f).contains("unchecked"));
    }

    @Test
    void theRegulationsNumberingIsAcceptedForTheCategory() throws Exception {
        assertThat(classify("craCategory: AIII-II-4\n").categories()).singleElement()
                .satisfies(k -> assertThat(k.id()).isEqualTo("CRA-AIII-II-4"));
    }
}
