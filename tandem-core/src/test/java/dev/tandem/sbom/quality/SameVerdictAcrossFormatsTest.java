package dev.tandem.sbom.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the same SBOM gets the same verdict whatever its encoding. Each pair below is one
 * document published (or written) in two encodings; both profiles must give identical results field
 * by field: coverage, verifiability, violations and their examples, pass or fail.
 */
class SameVerdictAcrossFormatsTest {

    private static final Path SBOM = Path.of("src/test/resources/dev/tandem/sbom");
    private static final Path QUALITY = Path.of("src/test/resources/sbom-quality");

    static Stream<Arguments> pairs() {
        return Stream.of(
                // CycloneDX/bom-examples publish Dropwizard 1.3.15 as JSON and XML (cut copies, real/SOURCES.md).
                Arguments.of(SBOM.resolve("real/dropwizard-1.3.15-cut.bom.json"), SBOM.resolve("real/dropwizard-1.3.15-cut.bom.xml")),
                // The SPDX 2.3 specification's example in JSON and tag-value (spdx/SOURCES.md).
                Arguments.of(SBOM.resolve("spdx/SPDXJSONExample-v2.3.spdx.json"), SBOM.resolve("spdx/SPDXTagExample-v2.3.spdx")),
                Arguments.of(SBOM.resolve("handmade/graph.cdx.json"), SBOM.resolve("handmade/graph.cdx.xml")),
                Arguments.of(SBOM.resolve("handmade/graph.spdx.json"), SBOM.resolve("handmade/graph.spdx")),
                Arguments.of(QUALITY.resolve("tr-complete.cdx.json"), QUALITY.resolve("tr-complete.cdx.xml")),
                Arguments.of(QUALITY.resolve("minimal.spdx.json"), QUALITY.resolve("minimal.spdx")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("pairs")
    void bothProfilesJudgeBothEncodingsAlike(Path first, Path second) throws Exception {
        SbomFacts a = SbomFactsReader.read(InputDocument.read(first));
        SbomFacts b = SbomFactsReader.read(InputDocument.read(second));
        assertThat(a.format()).isNotEqualTo(b.format());
        assertThat(b.undeterminable()).isEqualTo(a.undeterminable());
        for (QualityProfile profile : QualityProfile.bundled()) {
            QualityReport x = QualityChecker.check(a, profile);
            QualityReport y = QualityChecker.check(b, profile);
            assertThat(y.components()).isEqualTo(x.components());
            assertThat(fields(y)).as(profile.id()).isEqualTo(fields(x));
            assertThat(violations(y, b.format())).as(profile.id()).isEqualTo(violations(x, a.format()));
            assertThat(y.passed()).as(profile.id()).isEqualTo(x.passed());
        }
    }

    private static List<String> fields(QualityReport report) {
        return report.fields().stream().map(f -> f.level() + ":" + f.field() + " " + f.covered() + "/" + f.total()
                + " " + f.coverage() + (f.verifiable() ? "" : " unverifiable")).toList();
    }

    /** The message names the format of an unverifiable field ("cannot be verified for SPDX JSON"); the rest must match. */
    private static List<String> violations(QualityReport report, String format) {
        return report.violations().stream().map(v -> v.level() + ":" + v.field() + " "
                + v.message().replace(format, "<format>") + " " + v.examples()).toList();
    }

    /** The case: the Dropwizard graph never names the product, and XML scored 0 where JSON scored all. */
    @Test
    void dependenciesDoNotNeedThePathFromTheProduct() throws Exception {
        QualityProfile ntia = QualityProfile.bundled("ntia").orElseThrow();
        for (String file : List.of("dropwizard-1.3.15-cut.bom.json", "dropwizard-1.3.15-cut.bom.xml")) {
            QualityReport report = QualityChecker.check(SbomFactsReader.read(InputDocument.read(SBOM.resolve("real/" + file))), ntia);
            assertThat(report.fields()).filteredOn(f -> f.field().equals("dependencies")).singleElement()
                    .satisfies(f -> assertThat(f.covered()).as(file).isEqualTo(f.total()).isEqualTo(12));
            // Author and timestamp are read from XML too (they were "cannot be verified").
            assertThat(report.fields()).filteredOn(f -> f.level().equals("sbom")).allSatisfy(f -> assertThat(f.verifiable()).isTrue());
        }
    }

    @Test
    void anXmlSbomCanPassBothProfiles() throws Exception {
        SbomFacts facts = SbomFactsReader.read(InputDocument.read(QUALITY.resolve("tr-complete.cdx.xml")));
        for (QualityProfile profile : QualityProfile.bundled()) {
            assertThat(QualityChecker.check(facts, profile).violations()).as(profile.id()).isEmpty();
        }
    }

    @Test
    void tagValueDocumentFieldsAreRead() throws Exception {
        SbomFacts facts = SbomFactsReader.read(InputDocument.read(QUALITY.resolve("minimal.spdx")));
        assertThat(facts.documentFields()).contains("author", "creator", "timestamp", "sbom-uri");
        assertThat(QualityChecker.check(facts, QualityProfile.bundled("ntia").orElseThrow()).violations())
                .extracting(QualityReport.Violation::field).containsExactly("unique-id");
    }

    /** One rule: a stated relationship at either end, or an explicit "no dependencies"; nothing else counts. */
    @Test
    void theDependencyRuleIsTheSameInEveryFormat() throws Exception {
        String json = """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
                  {"type": "library", "bom-ref": "a", "name": "a", "version": "1"},
                  {"type": "library", "bom-ref": "b", "name": "b", "version": "1"},
                  {"type": "library", "bom-ref": "c", "name": "c", "version": "1"},
                  {"type": "library", "bom-ref": "d", "name": "d", "version": "1"},
                  {"type": "library", "name": "e", "version": "1"}],
                 "dependencies": [{"ref": "a", "dependsOn": ["b"]}, {"ref": "c"}]}
                """;
        String xml = """
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components>
                  <component type="library" bom-ref="a"><name>a</name><version>1</version></component>
                  <component type="library" bom-ref="b"><name>b</name><version>1</version></component>
                  <component type="library" bom-ref="c"><name>c</name><version>1</version></component>
                  <component type="library" bom-ref="d"><name>d</name><version>1</version></component>
                  <component type="library"><name>e</name><version>1</version></component>
                </components><dependencies><dependency ref="a"><dependency ref="b"/></dependency><dependency ref="c"/></dependencies></bom>
                """;
        String spdxJson = """
                {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "packages": [
                  {"SPDXID": "a", "name": "a", "versionInfo": "1"}, {"SPDXID": "b", "name": "b", "versionInfo": "1"},
                  {"SPDXID": "c", "name": "c", "versionInfo": "1"}, {"SPDXID": "d", "name": "d", "versionInfo": "1"},
                  {"SPDXID": "e", "name": "e", "versionInfo": "1"}],
                 "relationships": [{"spdxElementId": "b", "relationshipType": "DEPENDENCY_OF", "relatedSpdxElement": "a"},
                   {"spdxElementId": "c", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "NONE"},
                   {"spdxElementId": "e", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "NOASSERTION"}]}
                """;
        String tagValue = """
                SPDXVersion: SPDX-2.3
                SPDXID: SPDXRef-DOCUMENT
                PackageName: a
                SPDXID: a
                PackageVersion: 1
                PackageName: b
                SPDXID: b
                PackageVersion: 1
                PackageName: c
                SPDXID: c
                PackageVersion: 1
                PackageName: d
                SPDXID: d
                PackageVersion: 1
                PackageName: e
                SPDXID: e
                PackageVersion: 1
                Relationship: a DEPENDS_ON b
                Relationship: c DEPENDS_ON NONE
                Relationship: e DEPENDS_ON NOASSERTION
                """;
        for (InputDocument doc : List.of(InputDocument.of("d.cdx.json", json), InputDocument.of("d.cdx.xml", xml),
                InputDocument.of("d.spdx.json", spdxJson), InputDocument.of("d.spdx", tagValue))) {
            SbomFacts facts = SbomFactsReader.read(doc);
            assertThat(facts.components()).as(doc.source())
                    .extracting(c -> c.label() + "=" + c.fields().contains("dependencies"))
                    .containsExactly("a@1=true", "b@1=true", "c@1=true", "d@1=false", "e@1=false");
        }
    }

    @Test
    void cannotBeVerifiedIsLeftOnlyForWhatTheFormatCannotSay() throws InputException {
        SbomFacts spdx = SbomFactsReader.read(InputDocument.of("m.spdx", """
                SPDXVersion: SPDX-2.3
                PackageName: a
                SPDXID: SPDXRef-a
                """));
        assertThat(spdx.undeterminable()).containsExactlyInAnyOrder("component:executable", "component:archive",
                "component:structured", "component:source-uri", "component:licence-effective",
                "component:source-hash", "component:security-txt");
        SbomFacts xml = SbomFactsReader.read(InputDocument.of("m.xml",
                "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>"));
        assertThat(xml.undeterminable()).isEmpty();
    }
}
