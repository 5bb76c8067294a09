package dev.tandem.pqc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The PQC sub-packages depend one way: catalog and inventory know nothing of classification or plan. */
class PqcLayeringTest {

    private static final JavaClasses PQC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tandem.pqc");

    /** The inventory is a view of the one parse of an SBOM ({@code dev.tandem.sbom.SbomDocument}), and knows no verdicts. */
    @Test
    void inventoryReadsWithoutKnowingTheCatalogOrTheVerdicts() {
        noClasses().that().resideInAPackage("dev.tandem.pqc.inventory..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.pqc.catalog..",
                        "dev.tandem.pqc.classification..", "dev.tandem.pqc.plan..", "dev.tandem.sbom.quality..")
                .check(PQC);
    }

    @Test
    void catalogAndClassificationDoNotKnowThePlan() {
        noClasses().that().resideInAnyPackage("dev.tandem.pqc.catalog..", "dev.tandem.pqc.classification..")
                .should().dependOnClassesThat().resideInAPackage("dev.tandem.pqc.plan..")
                .check(PQC);
        noClasses().that().resideInAPackage("dev.tandem.pqc.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.pqc.inventory..", "dev.tandem.pqc.classification..")
                .check(PQC);
    }
}
