package dev.tandem.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layout rules that keep capability packages honest (docs/adr/0001-layout.md, 0005-one-core-for-every-front-end.md). */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tandem");
    }

    /**
     * The packages that read files or the network, each only what its caller handed it (a path, a
     * catalog folder, a feed URL). dev.tandem.feed fetches the feeds a caller names (HTTP, local
     * paths) into the cache folder the caller hands it.
     */
    private static final String[] INPUT_PACKAGES = {"dev.tandem.input..", "dev.tandem.catalog..", "dev.tandem.advisory..",
            "dev.tandem.snapshot..", "dev.tandem.feed.."};

    @Test
    void coreNeverDependsOnTheCliARendererOrAServer() {
        noClasses().that().resideInAPackage("dev.tandem..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.cli..", "dev.tandem.server..",
                        "dev.tandem.render..", "picocli..")
                .check(core);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.tandem.(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    void enginesDoNoFileOrNetworkIo() {
        noClasses().that().resideOutsideOfPackages(INPUT_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .because("engines are functions of the inputs their callers hand them (ADR 0005)")
                .check(core);
    }

    @Test
    void theCoreNeverReadsTheClock() {
        noClasses().that().resideInAPackage("dev.tandem..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("every use case takes its instant from the caller, so results are reproducible (ADR 0005)")
                .check(core);
    }

    @Test
    void useCasesAreTheTopLayer() {
        noClasses().that().resideOutsideOfPackage("dev.tandem.usecase..")
                .should().dependOnClassesThat().resideInAPackage("dev.tandem.usecase..")
                .check(core);
    }

    @Test
    void everyUseCaseIsOneRunCall() {
        methods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("UseCase")
                .and().areDeclaredInClassesThat().resideInAPackage("dev.tandem.usecase..")
                .and().arePublic().and().areNotStatic()
                .should().haveName("run")
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
