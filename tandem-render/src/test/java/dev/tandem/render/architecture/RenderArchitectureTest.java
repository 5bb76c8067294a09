package dev.tandem.render.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renderers draw a result; they never compute, read files or call use cases (docs/adr/0005). */
class RenderArchitectureTest {

    private static JavaClasses render;

    @BeforeAll
    static void importRenderers() {
        render = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tandem.render");
    }

    @Test
    void renderersNeverCallAUseCaseOrAFrontEnd() {
        noClasses().that().resideInAPackage("dev.tandem.render..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("UseCase")
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.tandem.cli..", "dev.tandem.server..", "picocli..")
                .check(render);
    }

    @Test
    void renderersReadNoFilesAndNoClock() {
        noClasses().that().resideInAPackage("dev.tandem.render..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("everything an output shows is in the result it renders")
                .check(render);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.tandem.render.(**)").should().beFreeOfCycles().check(render);
    }
}
