package dev.tandem.sbom.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCheckerTest {

    private static final Path DIR = Path.of("src/test/resources/sbom-quality");
    private static final QualityProfile TR = QualityProfile.bundled("tr-03183-2").orElseThrow();
    private static final QualityProfile NTIA = QualityProfile.bundled("ntia").orElseThrow();

    private static QualityReport check(String file, QualityProfile profile) throws InputException {
        return QualityChecker.check(SbomFactsReader.read(DIR.resolve(file)), profile);
    }

    @Test
    void profilesHaveTheResearchedFields() {
        assertThat(TR.fields()).hasSize(22);
        assertThat(TR.fields().stream().filter(QualityProfile.Field::required)).hasSize(19);
        assertThat(NTIA.fields()).extracting(QualityProfile.Field::id)
                .containsExactly("author", "timestamp", "supplier", "name", "version", "unique-id", "dependencies");
        assertThat(QualityProfile.bundled()).allSatisfy(p -> assertThat(p.fields()).allSatisfy(f -> assertThat(f.source()).isNotBlank()));
    }

    @Test
    void engineCountsCoverageAndNamesOffenders() {
        SbomFacts facts = new SbomFacts("x.json", "CycloneDX JSON", "1.6", Set.of("author"),
                List.of(new SbomFacts.ComponentFacts("a", Set.of("name", "version", "supplier")),
                        new SbomFacts.ComponentFacts("b", Set.of("name"))),
                Set.of("sbom:timestamp"), Map.of());
        QualityReport report = QualityChecker.check(facts, NTIA);
        assertThat(report.passed()).isFalse();
        QualityReport.FieldResult supplier = report.fields().stream().filter(f -> f.field().equals("supplier")).findFirst().orElseThrow();
        assertThat(supplier.covered()).isEqualTo(1);
        assertThat(supplier.coverage()).isEqualTo(0.5);
        assertThat(report.violations()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo("supplier");
            assertThat(v.examples()).containsExactly("b");
        }).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo("timestamp");
            assertThat(v.message()).contains("cannot be verified");
        }).noneMatch(v -> v.field().equals("author") || v.field().equals("name"));
    }

    @Test
    void aCompleteSbomPassesTr() throws Exception {
        QualityReport report = check("tr-complete.cdx.json", TR);
        assertThat(report.violations()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(check("tr-complete.cdx.json", NTIA).passed()).isTrue();
    }

    @Test
    void oldFormatsAndVulnerabilitiesFailTr() throws Exception {
        QualityReport report = check("with-vulnerabilities.cdx.json", TR);
        assertThat(report.violations()).extracting(QualityReport.Violation::field)
                .contains("format-accepted", "no-vulnerabilities", "timestamp", "sbom-uri");
        assertThat(check("minimal.spdx.json", TR).violations())
                .anySatisfy(v -> assertThat(v.message()).contains("SPDX JSON 2.3"));
    }

    @Test
    void spdxDocumentFieldsAreRead() throws Exception {
        QualityReport report = check("minimal.spdx.json", NTIA);
        assertThat(report.fields()).filteredOn(f -> f.level().equals("sbom")).allSatisfy(f -> assertThat(f.covered()).isEqualTo(1));
    }

    /** Issue 22: XML details are read like JSON ones; a field XML lacks is missing, not unverifiable. */
    @Test
    void xmlFieldsAreVerifiedLikeJsonOnes() throws Exception {
        QualityReport report = check("minimal.cdx.xml", TR);
        assertThat(report.fields()).filteredOn(f -> f.field().equals("filename")).singleElement()
                .satisfies(f -> assertThat(f.verifiable()).isTrue());
        assertThat(report.violations()).noneSatisfy(v -> assertThat(v.message()).contains("cannot be verified"));
        assertThat(report.violations()).extracting(QualityReport.Violation::field).contains("filename", "timestamp");
    }

    @Test
    void theBundledExampleMeetsNtiaButNotTr() throws Exception {
        Path example = Path.of("../examples/products/smart-camera.cdx.json");
        assertThat(QualityChecker.check(SbomFactsReader.read(example), NTIA).passed()).isTrue();
        QualityReport tr = QualityChecker.check(SbomFactsReader.read(example), TR);
        assertThat(tr.passed()).isFalse();
        assertThat(tr.violations()).extracting(QualityReport.Violation::field).contains("filename", "hash-sha512");
    }

    @Test
    void concludedOnlyLicencesAreNotDeclaredOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.cdx.json");
        Files.writeString(file, """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "components": [
                   {"type": "library", "bom-ref": "a", "name": "a", "version": "1",
                    "licenses": [{"license": {"id": "MIT", "acknowledgement": "concluded"}}]},
                   {"type": "library", "bom-ref": "b", "name": "b", "version": "1",
                    "licenses": [{"license": {"id": "MIT"}}]}]}
                """);
        SbomFacts facts = SbomFactsReader.read(file);
        assertThat(facts.components()).extracting(c -> c.label() + " " + c.fields().contains("licence-declared")
                + " " + c.fields().contains("licence-concluded"))
                .containsExactly("a@1 false true", "b@1 true false");
        assertThat(facts.components()).allSatisfy(c -> assertThat(c.fields()).noneMatch(f -> f.startsWith("internal:")));
    }

    /**
     * The product's own sub-components ({@code metadata.component.components}) are components of the
     * SBOM; their BSI properties count like anyone's. (Until the one parse, their details were looked
     * up among the top-level components only, so a sub-component's file name was reported missing.)
     */
    @Test
    void subComponentsOfTheProductHaveTheirDetailsRead() throws Exception {
        SbomFacts facts = SbomFactsReader.read(dev.tandem.input.InputDocument.of("sub.cdx.json", """
                {"bomFormat": "CycloneDX", "specVersion": "1.6",
                 "metadata": {"component": {"type": "firmware", "bom-ref": "fw", "name": "fw", "version": "1",
                   "components": [{"type": "library", "bom-ref": "lib", "name": "lib", "version": "2",
                     "properties": [{"name": "bsi:component:filename", "value": "lib.so"}]}]}}}
                """));
        assertThat(facts.components()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("lib@2");
            assertThat(c.fields()).contains("filename");
        });
    }

    @Test
    void malformedSbomsAreInputErrors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.cdx.json");
        Files.writeString(bad, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [");
        assertThatThrownBy(() -> SbomFactsReader.read(bad)).isInstanceOf(InputException.class).hasMessageContaining("bad.cdx.json");
        Path deep = dir.resolve("deep.cdx.json");
        Files.writeString(deep, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":" + "[".repeat(3000) + "]".repeat(3000) + "}");
        assertThatThrownBy(() -> SbomFactsReader.read(deep)).isInstanceOf(InputException.class);
    }
}
