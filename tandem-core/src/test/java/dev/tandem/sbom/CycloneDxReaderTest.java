package dev.tandem.sbom;

import static dev.tandem.sbom.Fixtures.named;
import static dev.tandem.sbom.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CycloneDxReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"handmade/graph.cdx.json", "handmade/graph.cdx.xml"})
    void subjectComesFromMetadataComponentAndManufacturer(String fixture) throws Exception {
        Sbom sbom = read(fixture);
        assertThat(sbom.specVersion()).isEqualTo("1.6");
        assertThat(sbom.subject()).isEqualTo(new Subject("door-controller", "4.2.0", "Acme Devices GmbH",
                "pkg:generic/acme/door-controller@4.2.0", "app"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"handmade/graph.cdx.json", "handmade/graph.cdx.xml"})
    void flattensNestedComponentsInDocumentOrderWithTheirPath(String fixture) throws Exception {
        Sbom sbom = read(fixture);
        assertThat(sbom.components())
                .extracting(Component::name, Component::path)
                .containsExactly(
                        tuple("lib-a", List.of()),
                        tuple("lib-a-inner", List.of("lib-a")),
                        tuple("inner.so", List.of("lib-a", "lib-a-inner")),
                        tuple("lib-b", List.of()),
                        tuple("lib-c", List.of()),
                        tuple("lib-d", List.of()),
                        tuple("bootloader-blob", List.of()),
                        tuple("door-plugin", List.of("door-controller")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"handmade/graph.cdx.json", "handmade/graph.cdx.xml"})
    void classifiesDirectTransitiveAndUnknownThroughACycle(String fixture) throws Exception {
        Sbom sbom = read(fixture);
        assertThat(sbom.components())
                .extracting(Component::bomRef, Component::dependency)
                .containsExactly(
                        tuple("lib-a", DependencyKind.DIRECT),
                        tuple("lib-a-inner", DependencyKind.TRANSITIVE),
                        tuple("lib-a-inner-file", DependencyKind.UNKNOWN),
                        tuple("lib-b", DependencyKind.TRANSITIVE),
                        tuple("lib-c", DependencyKind.TRANSITIVE),
                        // listed by the subject and reachable through lib-a: direct wins
                        tuple("lib-d", DependencyKind.DIRECT),
                        tuple("orphan", DependencyKind.UNKNOWN),
                        tuple("plugin", DependencyKind.UNKNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"handmade/graph.cdx.json", "handmade/graph.cdx.xml"})
    void readsIdentifiersHashesLicencesAndSupplierFallbacks(String fixture) throws Exception {
        Sbom sbom = read(fixture);
        Component libA = named(sbom, "lib-a");
        assertThat(libA.group()).isEqualTo("org.acme");
        // JSON writes the version as the number 1.20; it must not become "1.2"
        assertThat(libA.version()).isEqualTo("1.20");
        assertThat(libA.purl()).isEqualTo("pkg:maven/org.acme/lib-a@1.20");
        assertThat(libA.cpe()).isEqualTo("cpe:2.3:a:acme:lib-a:1.20:*:*:*:*:*:*:*");
        assertThat(libA.supplier()).isEqualTo("Acme Libraries");
        assertThat(libA.hashes()).containsExactly(
                new Hash("SHA-256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        assertThat(libA.licenses()).containsExactly("Apache-2.0", "Acme Commercial");
        assertThat(named(sbom, "lib-b").supplier()).isEqualTo("B Publishing");
        assertThat(named(sbom, "lib-b").licenses()).containsExactly("MIT OR Apache-2.0");
        assertThat(named(sbom, "lib-c").supplier()).isEqualTo("Carol C.");
        assertThat(named(sbom, "lib-d").supplier()).isEqualTo("Dana D.");
        Component orphan = named(sbom, "bootloader-blob");
        assertThat(orphan.purl()).isEmpty();
        assertThat(orphan.label()).isEqualTo("bootloader-blob@7");
    }

    @Test
    void jsonAndXmlOfTheSameBomGiveTheSameModel() throws Exception {
        Sbom json = read("handmade/graph.cdx.json");
        Sbom xml = read("handmade/graph.cdx.xml");
        assertThat(xml.components()).isEqualTo(json.components());
        assertThat(xml.subject()).isEqualTo(json.subject());
        assertThat(json.format()).isEqualTo(SbomFormat.CYCLONEDX_JSON);
        assertThat(xml.format()).isEqualTo(SbomFormat.CYCLONEDX_XML);
    }

    @Test
    void specDependencyGraphWithoutSubjectLeavesEveryKindUnknown() throws Exception {
        for (String fixture : List.of("cyclonedx-spec/valid-dependency-1.2.json", "cyclonedx-spec/valid-dependency-1.5.xml",
                "cyclonedx-spec/valid-dependency-1.6.json", "cyclonedx-spec/valid-dependency-1.6.xml")) {
            Sbom sbom = read(fixture);
            assertThat(sbom.components()).as(fixture)
                    .extracting(Component::bomRef, Component::dependency)
                    .containsExactly(tuple("library-a", DependencyKind.UNKNOWN), tuple("library-b", DependencyKind.UNKNOWN),
                            tuple("library-c", DependencyKind.UNKNOWN));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cyclonedx-spec/valid-assembly-1.2.xml", "cyclonedx-spec/valid-assembly-1.4.json",
            "cyclonedx-spec/valid-assembly-1.6.json"})
    void specAssemblyNestsComponentsButNotServices(String fixture) throws Exception {
        Sbom sbom = read(fixture);
        assertThat(sbom.components())
                .extracting(Component::name, Component::version, Component::path)
                .containsExactly(tuple("acme-library-a", "1.0.0", List.of()),
                        tuple("acme-library-b", "2.0.0", List.of("acme-library-a")));
    }

    @Test
    void specBom16ReadsManufacturerPublisherAndSelfDependency() throws Exception {
        Sbom sbom = read("cyclonedx-spec/valid-bom-1.6.json");
        assertThat(sbom.subject()).isEqualTo(new Subject("Acme Application", "9.1.1", "Acme, Inc.", "", ""));
        Component tomcat = sbom.components().get(0);
        assertThat(tomcat.purl()).isEqualTo("pkg:npm/acme/component@1.0.0");
        assertThat(tomcat.supplier()).isEqualTo("Acme Inc");
        assertThat(tomcat.hashes()).extracting(Hash::algorithm).containsExactly("MD5", "SHA-1", "SHA-256", "SHA-512");
        assertThat(tomcat.licenses()).containsExactly("Apache-2.0");
        // pedigree ancestors are history, not components of this BOM
        assertThat(sbom.components()).extracting(Component::name).containsExactly("tomcat-catalina", "mylibrary");
        assertThat(sbom.components().get(1).supplier()).isEqualTo("Example, Inc.");
    }

    @Test
    void manufactureOf12To15AndSupplierOf13NameTheManufacturer() throws Exception {
        assertThat(read("cyclonedx-spec/valid-metadata-manufacture-1.2.xml").subject().manufacturer()).isEqualTo("Acme, Inc.");
        assertThat(read("cyclonedx-spec/valid-metadata-manufacture-1.5.json").subject().manufacturer()).isEqualTo("Acme, Inc.");
        Sbom supplier = read("cyclonedx-spec/valid-metadata-supplier-1.3.json");
        assertThat(supplier.subject().manufacturer()).isEqualTo("Acme, Inc.");
        assertThat(supplier.components()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cyclonedx-spec/valid-component-hashes-1.3.xml", "cyclonedx-spec/valid-component-hashes-1.6.xml"})
    void everyHashAlgorithmIsKept(String fixture) throws Exception {
        Component example = read(fixture).components().get(0);
        assertThat(example.hashes()).extracting(Hash::algorithm).containsExactly("MD5", "SHA-1", "SHA-256", "SHA-384",
                "SHA-512", "SHA3-256", "SHA3-384", "SHA3-512", "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3");
        assertThat(example.hashes().get(11).value()).isEqualTo("26cdc7fb3fd65fc3b621a4ef70bc7d2489d5c19e70c76cf7ec20e538df0047cf");
    }

    @Test
    void licenceExpressionIsKeptWhole() throws Exception {
        Component tomcat = read("cyclonedx-spec/valid-license-expression-1.2.json").components().get(0);
        assertThat(tomcat.licenses()).containsExactly("EPL-2.0 OR GPL-2.0 WITH Classpath-exception-2.0");
        assertThat(tomcat.supplier()).isEqualTo("Acme Inc");
    }

    @Test
    void extensionElementsOfOtherNamespacesAreNotComponents() throws Exception {
        // cyclonedx-core-java 12.2.0 returns phantom components for these (docs/formats/cyclonedx.md)
        Sbom sbom = read("cyclonedx-spec/valid-external-elements-1.2.xml");
        assertThat(sbom.components()).hasSize(1);
        Component tomcat = sbom.components().get(0);
        assertThat(tomcat.name()).isEqualTo("tomcat-catalina");
        assertThat(tomcat.group()).isEqualTo("com.acme");
        assertThat(tomcat.hashes()).hasSize(4);
        assertThat(tomcat.licenses()).containsExactly("Apache-2.0");
    }

    @Test
    void schemaInvalidComponentTypeIsStillRead() throws Exception {
        // lenient by design: Tandem does not use the type, and dropping the component would hide it
        Sbom sbom = read("cyclonedx-spec/invalid-component-type-1.6.json");
        assertThat(sbom.components()).extracting(Component::name, Component::version)
                .containsExactly(tuple("acme-library", "1.0.0"));
    }
}
