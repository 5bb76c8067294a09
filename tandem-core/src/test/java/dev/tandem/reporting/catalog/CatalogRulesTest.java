package dev.tandem.reporting.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.catalog.CatalogSource;
import dev.tandem.catalog.Confidence;
import dev.tandem.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog rules added with issue 14 are enforced on load: flags are declared and read, variants are
 * sourced, duties without a fixed period are not chained on, regimes not in force say so.
 */
class CatalogRulesTest {

    private final ReportingCatalog catalog = CatalogLoader.bundled();

    @TempDir
    Path dir;

    private void copy() throws IOException {
        Path from = Path.of("../catalog");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private void edit(String path, String from, String to) throws IOException {
        Path file = dir.resolve(path);
        String text = Files.readString(file);
        assertThat(text).as(path).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void aFlagNoRuleReadsOrARuleReadingAnUndeclaredFlagIsADefect() throws IOException {
        copy();
        edit("reporting/flags.yaml", "flags:\n", "flags:\n  - { id: unused, text: \"x\", source: \"y\", confidence: R }\n");
        assertThatThrownBy(() -> CatalogLoader.load(CatalogSource.directory(dir))).isInstanceOf(InputException.class)
                .hasMessageContaining("event flag unused: no applicability rule, stage or notice reads it");
        copy();
        edit("reporting/frameworks/us-ncua.yaml", "eventFlag: reportableCyberIncident", "eventFlag: reportableIncident");
        assertThatThrownBy(() -> CatalogLoader.load(CatalogSource.directory(dir))).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown event flag reportableIncident");
    }

    @Test
    void aVariantWithoutSourceOrAChainOnADutyWithoutAFixedPeriodIsADefect() throws IOException {
        copy();
        edit("reporting/frameworks/eu-ai-act.yaml", "        source: \"AI Act Art 73(4)\"\n        confidence: V\n", "");
        assertThatThrownBy(() -> CatalogLoader.load(CatalogSource.directory(dir))).isInstanceOf(InputException.class)
                .hasMessageContaining("a variant needs when, a fixed period, text, source and confidence");
        copy();
        edit("reporting/frameworks/eu-eprivacy-breach.yaml", "  - id: notification\n    kind: notification\n    name: \"Notification of the personal data breach to the competent national authority\"\n    clockStart: { event: awareAt }\n    period: { hours: 24 }",
                "  - id: notification\n    kind: notification\n    name: \"Notification of the personal data breach to the competent national authority\"\n    clockStart: { event: awareAt }\n    period: { asap: \"without undue delay\" }");
        assertThatThrownBy(() -> CatalogLoader.load(CatalogSource.directory(dir))).isInstanceOf(InputException.class)
                .hasMessageContaining("a stage without a fixed period cannot start another's clock");
    }

    @Test
    void everyRegimeNotInForceSaysWhyAndEveryUnconfirmedStageIsMarked() {
        // CIRCIA (proposed rule) and the FCC's 2023 amendments ("delayed indefinitely", 89 FR 9968) are modelled as not in force.
        assertThat(catalog.frameworks()).filteredOn(f -> "not-in-force".equals(f.inForce().status())).extracting(Framework::id)
                .containsExactlyInAnyOrder("us-circia", "us-fcc-cpni-2023");
        assertThat(catalog.framework("us-fcc-cpni-2023").orElseThrow().inForce().source()).contains("89 FR 9968");
        // TSA: the current directives' reporting windows are unconfirmed (reference §14): the stages carry [U], with a note.
        for (String id : new String[] {"us-tsa-pipeline", "us-tsa-rail"}) {
            Framework tsa = catalog.framework(id).orElseThrow();
            assertThat(tsa.stage("cisa-report").orElseThrow().confidence()).isEqualTo(Confidence.UNCONFIRMED);
            assertThat(tsa.notes()).anySatisfy(n -> assertThat(n.confidence()).isEqualTo(Confidence.UNCONFIRMED));
        }
        // The UK is a jurisdiction of its own, never counted as EU or US.
        assertThat(catalog.frameworks()).filteredOn(f -> f.id().startsWith("uk-")).extracting(Framework::jurisdiction).containsOnly("UK");
    }

    @Test
    void everyFlagIsDeclaredWithItsSourceAndReadBySomeRule() {
        assertThat(catalog.flags()).extracting(EventFlag::id).contains("activelyExploited", "severe", "highRisk", "deathOfPerson")
                .doesNotHaveDuplicates();
        catalog.flags().forEach(f -> assertThat(f.source()).as(f.id()).isNotBlank());
    }
}
