package dev.tandem.conformity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformity packages depend on each other one way: the knowledge base and its loader, then
 * crosswalks, then catalogs; engines below the use cases, which read no files.
 */
class ConformityPackagesTest {

    private static JavaClasses conformity;

    @BeforeAll
    static void importConformity() {
        conformity = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tandem.conformity", "dev.tandem.usecase.conformity");
    }

    @Test
    void noCyclesBetweenConformityPackages() {
        slices().matching("dev.tandem.(**)").should().beFreeOfCycles().check(conformity);
    }

    @Test
    void catalogsKnowNothingOfCrosswalksAndCrosswalksNothingOfTheKnowledgeBase() {
        noClasses().that().resideInAPackage("dev.tandem.conformity.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.conformity.crosswalk..",
                        "dev.tandem.conformity.assessment..", "dev.tandem.conformity")
                .check(conformity);
        noClasses().that().resideInAPackage("dev.tandem.conformity.crosswalk..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.conformity",
                        "dev.tandem.conformity.assessment..")
                .check(conformity);
    }

    @Test
    void enginesReadNoFiles() {
        noClasses().that().resideInAPackage("dev.tandem.conformity..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .check(conformity);
    }
}
