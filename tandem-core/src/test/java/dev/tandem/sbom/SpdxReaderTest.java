package dev.tandem.sbom;

import static dev.tandem.sbom.Fixtures.named;
import static dev.tandem.sbom.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpdxReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"spdx/SPDXJSONExample-v2.3.spdx.json", "spdx/SPDXTagExample-v2.3.spdx"})
    void specExampleGivesFourPackagesAndGlibcAsSubject(String fixture) throws Exception {
        Sbom sbom = read(fixture);
        assertThat(sbom.specVersion()).isEqualTo("2.3");
        assertThat(sbom.subject()).isEqualTo(new Subject("glibc", "2.11.1", "Jane Doe (jane.doe@example.com)", "",
                "SPDXRef-Package"));
        assertThat(sbom.components())
                .extracting(Component::bomRef, Component::name, Component::version, Component::dependency)
                .containsExactly(
                        tuple("SPDXRef-Package", "glibc", "2.11.1", DependencyKind.UNKNOWN),
                        tuple("SPDXRef-fromDoap-1", "Apache Commons Lang", "", DependencyKind.UNKNOWN),
                        tuple("SPDXRef-fromDoap-0", "Jena", "3.12.0", DependencyKind.UNKNOWN),
                        // glibc DYNAMIC_LINK Saxon
                        tuple("SPDXRef-Saxon", "Saxon", "8.8", DependencyKind.DIRECT));
        Component glibc = sbom.components().get(0);
        assertThat(glibc.cpe()).isEqualTo("cpe:2.3:a:pivotal_software:spring_framework:4.1.0:*:*:*:*:*:*:*");
        assertThat(glibc.supplier()).isEqualTo("Jane Doe (jane.doe@example.com)");
        assertThat(glibc.licenses()).containsExactly("(LGPL-2.0-only OR LicenseRef-3)", "(LGPL-2.0-only AND LicenseRef-3)");
        assertThat(glibc.hashes()).containsExactly(
                new Hash("MD5", "624c1abb3664f4b35547e7c73864ad24"),
                new Hash("SHA1", "85ed0817af83a24ad8da68c2b5094de69833983c"),
                new Hash("SHA256", "11b6d3ee554eedf79299905a98f9b9a04e498210b59f15094c916c91d150efcd"),
                new Hash("BLAKE2b-384", "aaabd89c926ab525c242e6621f2f5fa73aa4afe3d9e24aed727faaadd6af38b620bdb623dd2b4788b1c8086984af8706"));
        assertThat(named(sbom, "Jena").purl()).isEqualTo("pkg:maven/org.apache.jena/apache-jena@3.12.0");
        // NOASSERTION is "nothing said", not a licence
        assertThat(named(sbom, "Apache Commons Lang").licenses()).isEmpty();
        // concluded and declared are the same: kept once
        assertThat(named(sbom, "Saxon").licenses()).containsExactly("MPL-1.0");
    }

    @Test
    void jsonAndTagValueOfTheSpecExampleAgree() throws Exception {
        Sbom json = read("spdx/SPDXJSONExample-v2.3.spdx.json");
        Sbom tagValue = read("spdx/SPDXTagExample-v2.3.spdx");
        assertThat(json.format()).isEqualTo(SbomFormat.SPDX_JSON);
        assertThat(tagValue.format()).isEqualTo(SbomFormat.SPDX_TAG_VALUE);
        assertThat(tagValue.components()).isEqualTo(json.components());
        assertThat(tagValue.subject()).isEqualTo(json.subject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"handmade/graph.spdx.json", "handmade/graph.spdx"})
    void relationshipsInBothDirectionsClassifyPackages(String fixture) throws Exception {
        Sbom sbom = read(fixture);
        assertThat(sbom.subject()).isEqualTo(new Subject("door-controller", "4.2.0", "Acme Devices GmbH",
                "pkg:generic/acme/door-controller@4.2.0", "SPDXRef-app"));
        assertThat(sbom.components())
                .extracting(Component::bomRef, Component::dependency)
                .containsExactly(
                        tuple("SPDXRef-app", DependencyKind.UNKNOWN),
                        tuple("SPDXRef-lib-a", DependencyKind.DIRECT),        // app DEPENDS_ON lib-a
                        tuple("SPDXRef-lib-b", DependencyKind.TRANSITIVE),    // lib-b DEPENDENCY_OF lib-a
                        tuple("SPDXRef-lib-c", DependencyKind.TRANSITIVE),    // through a DEPENDS_ON cycle
                        tuple("SPDXRef-lib-d", DependencyKind.DIRECT),        // lib-d DEV_DEPENDENCY_OF app
                        tuple("SPDXRef-lib-e", DependencyKind.TRANSITIVE),    // lib-e CONTAINED_BY lib-a
                        tuple("SPDXRef-orphan", DependencyKind.UNKNOWN));     // described by another document
    }

    @ParameterizedTest
    @ValueSource(strings = {"handmade/graph.spdx.json", "handmade/graph.spdx"})
    void identifiersSuppliersAndLicences(String fixture) throws Exception {
        Sbom sbom = read(fixture);
        Component libA = named(sbom, "lib-a");
        assertThat(libA.purl()).isEqualTo("pkg:maven/org.acme/lib-a@1.20");
        assertThat(libA.cpe()).isEqualTo("cpe:/a:acme:lib-a:1.20");
        // supplier NOASSERTION: the originator is the best name we have
        assertThat(libA.supplier()).isEqualTo("Alice A. (alice@example.org)");
        assertThat(libA.licenses()).containsExactly("Apache-2.0");
        assertThat(libA.hashes()).containsExactly(
                new Hash("SHA256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        Component libB = named(sbom, "lib-b");
        assertThat(libB.cpe()).isEqualTo("cpe:2.3:a:example:lib-b:2.0.0:*:*:*:*:*:*:*");
        assertThat(libB.licenses()).containsExactly("MIT OR Apache-2.0");
        assertThat(named(sbom, "lib-c").licenses()).isEmpty();
        assertThat(named(sbom, "lib-d").supplier()).isEqualTo("Dana D.");
        assertThat(named(sbom, "bootloader-blob").purl()).isEmpty();
    }

    @Test
    void tagValueTextBlocksDoNotStartPackages() throws Exception {
        Sbom tagValue = read("handmade/graph.spdx");
        assertThat(tagValue.components()).extracting(Component::name)
                .doesNotContain("not-a-package-because-inside-text")
                .hasSize(7);
        assertThat(tagValue.components()).isEqualTo(read("handmade/graph.spdx.json").components());
    }
}
