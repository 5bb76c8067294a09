package dev.tandem.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layout rules that keep capability packages honest (see docs/adr/0001-layout.md). */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tandem");
    }

    @Test
    void coreNeverDependsOnTheCliOrAServer() {
        noClasses().that().resideInAPackage("dev.tandem..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.cli..", "dev.tandem.server..", "picocli..")
                .check(core);
    }

    @Test
    void noDumpingGroundPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helper..", "..helpers..", "..common..", "..misc..")
                .check(core);
    }

    @Test
    void versionOrderingKnowsNothingOfAdvisoriesOrSboms() {
        noClasses().that().resideInAPackage("dev.tandem.version..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.advisory..", "dev.tandem.sbom..",
                        "dev.tandem.match..", "dev.tandem.reporting..", "dev.tandem.conformity..")
                .check(core);
    }

    @Test
    void readersOfSbomsAndAdvisoriesDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.tandem.sbom..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.advisory..", "dev.tandem.match..")
                .check(core);
        noClasses().that().resideInAPackage("dev.tandem.advisory..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.sbom..", "dev.tandem.match..")
                .check(core);
    }

    @Test
    void reportingKnowsNothingOfSbomsAdvisoriesOrMatching() {
        noClasses().that().resideInAPackage("dev.tandem.reporting..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.sbom..", "dev.tandem.advisory..",
                        "dev.tandem.match..", "dev.tandem.version..")
                .check(core);
    }

    @Test
    void theReportingCatalogAndDeadlineArithmeticSitBelowTheEngines() {
        noClasses().that().resideInAnyPackage("dev.tandem.reporting.catalog..", "dev.tandem.reporting.deadline..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.reporting.incident..",
                        "dev.tandem.reporting.obligation..", "dev.tandem.reporting.draft..",
                        "dev.tandem.reporting.comparison..", "dev.tandem.reporting.exercise..")
                .check(core);
    }
}
