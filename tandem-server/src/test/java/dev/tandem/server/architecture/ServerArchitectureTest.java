package dev.tandem.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's shape (docs/server.md): HTTP routes and pages are adapters over the services, the
 * services own the transactions, time comes from the injected clock.
 */
class ServerArchitectureTest {

    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tandem.server");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.tandem.server.(*)..").should().beFreeOfCycles().check(server);
    }

    @Test
    void routesAndPagesReachTheDatabaseOnlyThroughServices() {
        noClasses().that().resideInAnyPackage("dev.tandem.server.http..", "dev.tandem.server.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..")
                .because("a route or page calls a service, which owns the transaction and the audit entry")
                .check(server);
    }

    @Test
    void theStoreKnowsNothingOfHttpPagesOrServices() {
        noClasses().that().resideInAPackage("dev.tandem.server.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.server.http..", "dev.tandem.server.web..",
                        "dev.tandem.server.portfolio..", "dev.tandem.server.auth..", "io.javalin..")
                .check(server);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().that().resideInAPackage("dev.tandem.server..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .because("tests run the server on a fixed clock; only ServerOptions picks the system clock")
                .check(server);
    }

    @Test
    void theServerNeverDependsOnTheCli() {
        noClasses().that().resideInAPackage("dev.tandem.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tandem.cli..", "picocli..")
                .check(server);
    }
}
