package dev.tandem.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI is an adapter (docs/adr/0005): options in, a use case called, a renderer picked. */
class CliArchitectureTest {

    private static JavaClasses cli;

    @BeforeAll
    static void importCli() {
        cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tandem.cli");
    }

    /**
     * Core classes with behaviour (engines, readers, loaders) outside the use cases: the CLI may use
     * the core's data (records, enums) and ports (interfaces it implements, such as a load listener),
     * never its machinery.
     */
    private static final DescribedPredicate<JavaClass> CORE_MACHINERY = new DescribedPredicate<>(
            "core classes with behaviour outside dev.tandem.usecase, dev.tandem.input and dev.tandem.catalog") {
        @Override
        public boolean test(JavaClass target) {
            String name = target.getPackageName();
            // The server is a front end the CLI launches (serve) or reads (audit verify): its top package is
            // the entry point, its inner packages stay out of reach.
            if (!name.startsWith("dev.tandem.") || name.startsWith("dev.tandem.cli") || name.startsWith("dev.tandem.render")
                    || name.equals("dev.tandem.server") || name.equals("dev.tandem.server.store") && target.getSimpleName()
                            .matches("DatabaseSettings.*|DatabaseException")
                    || name.startsWith("dev.tandem.usecase") || name.startsWith("dev.tandem.input")
                    || name.startsWith("dev.tandem.catalog")) {
                return false;
            }
            return !(target.isRecord() || target.isEnum() || target.isInterface());
        }
    };

    @Test
    void theCliReachesTheCoreOnlyThroughTheUseCases() {
        noClasses().that().resideInAPackage("dev.tandem.cli..")
                .should().dependOnClassesThat(CORE_MACHINERY)
                .because("a command parses options, calls a use case and picks a renderer (ADR 0005)")
                .check(cli);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.tandem.cli.(**)").should().beFreeOfCycles().check(cli);
    }

    @Test
    void commandsWriteThroughPicocliStreamsNotSystemOut() {
        // Main binds the real streams; the progress bar draws on the terminal itself, and only when stderr is one.
        noClasses().that().resideInAPackage("dev.tandem.cli..").and().doNotHaveSimpleName("Main")
                .and().resideOutsideOfPackage("dev.tandem.cli.progress..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("in-process runs (tests, the server) hand the command its streams")
                .check(cli);
    }
}
