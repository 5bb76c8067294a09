package dev.tandem.sbom;

import static dev.tandem.sbom.Fixtures.named;
import static dev.tandem.sbom.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Real SBOMs from CycloneDX/bom-examples, cut down (see real/SOURCES.md). */
class RealSbomTest {

    @Test
    void protonBridgeGoModulesAreDirectTransitiveOrUnknown() throws Exception {
        Sbom sbom = read("real/proton-bridge-1.8.0-cut.bom.json");
        assertThat(sbom.format()).isEqualTo(SbomFormat.CYCLONEDX_JSON);
        assertThat(sbom.specVersion()).isEqualTo("1.2");
        assertThat(sbom.subject()).isEqualTo(new Subject("github.com/ProtonMail/proton-bridge", "v1.8.0", "",
                "pkg:golang/github.com/ProtonMail/proton-bridge@v1.8.0",
                "pkg:golang/github.com/ProtonMail/proton-bridge@v1.8.0"));
        assertThat(sbom.components()).hasSize(24);
        assertThat(kinds(sbom)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                DependencyKind.DIRECT, 11L, DependencyKind.TRANSITIVE, 4L, DependencyKind.UNKNOWN, 9L)));
        Component first = sbom.components().get(0);
        assertThat(first.purl()).isEqualTo("pkg:golang/github.com/0xAX/notificator@v0.0.0-20191016112426-3962a5ea8da1");
        assertThat(first.dependency()).isEqualTo(DependencyKind.DIRECT);
        assertThat(first.licenses()).containsExactly("BSD-3-Clause");
        assertThat(first.hashes()).extracting(Hash::algorithm).containsExactly("SHA-256");
        assertThat(named(sbom, "github.com/AndreasBriese/bbloom").licenses()).containsExactly("CC0-1.0", "MIT");
        assertThat(sbom.components().stream().filter(c -> c.dependency() == DependencyKind.DIRECT).map(Component::name))
                .containsExactly("github.com/0xAX/notificator", "github.com/Masterminds/semver/v3",
                        "github.com/ProtonMail/go-autostart", "github.com/ProtonMail/go-imap-id",
                        "github.com/ProtonMail/go-rfc5322", "github.com/ProtonMail/go-vcard",
                        "github.com/ProtonMail/gopenpgp/v2", "github.com/PuerkitoBio/goquery",
                        "github.com/abiosoft/ishell", "github.com/abiosoft/readline",
                        "github.com/allan-simon/go-singleinstance");
    }

    @Test
    void laravelComposerPackagesOfSpec14() throws Exception {
        Sbom sbom = read("real/laravel-7.12.0-cut.bom.1.4.json");
        assertThat(sbom.specVersion()).isEqualTo("1.4");
        assertThat(sbom.subject().name()).isEqualTo("cyclonedx-php-composer-demo");
        assertThat(sbom.subject().bomRef()).isEqualTo("cyclonedx/cyclonedx-php-composer-demo-dev-master");
        assertThat(sbom.components()).hasSize(12);
        assertThat(kinds(sbom)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                DependencyKind.DIRECT, 1L, DependencyKind.TRANSITIVE, 6L, DependencyKind.UNKNOWN, 5L)));
        Component laravel = named(sbom, "laravel");
        assertThat(laravel.purl()).isEqualTo("pkg:composer/laravel/laravel@v7.12.0");
        assertThat(laravel.dependency()).isEqualTo(DependencyKind.DIRECT);
        Component cors = named(sbom, "stack-cors");
        assertThat(cors.group()).isEqualTo("asm89");
        assertThat(cors.dependency()).isEqualTo(DependencyKind.TRANSITIVE);
        assertThat(cors.supplier()).isEqualTo("Alexander");
        assertThat(named(sbom, "math").dependency()).isEqualTo(DependencyKind.UNKNOWN);
    }

    @Test
    void dropwizardJsonAndXmlAreTheSameBom() throws Exception {
        Sbom json = read("real/dropwizard-1.3.15-cut.bom.json");
        Sbom xml = read("real/dropwizard-1.3.15-cut.bom.xml");
        assertThat(json.components()).hasSize(12);
        assertThat(xml.components()).isEqualTo(json.components());
        assertThat(xml.subject()).isEqualTo(json.subject());
        // the graph does not mention the subject, so nothing can be classified
        assertThat(kinds(json)).containsOnlyKeys(DependencyKind.UNKNOWN);
        Component annotations = json.components().get(0);
        assertThat(annotations.purl()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.9.10?type=jar");
        assertThat(annotations.supplier()).isEqualTo("FasterXML");
        assertThat(annotations.hashes()).hasSize(8);
        assertThat(named(json, "checker-compat-qual").licenses()).containsExactly(
                "GNU General Public License, version 2 (GPL2), with the classpath exception", "MIT");
    }

    @Test
    void protonmailWebClientXmlKeepsCdataAndEncodedPurls() throws Exception {
        Sbom sbom = read("real/protonmail-webclient-v4-cut.bom.xml");
        assertThat(sbom.format()).isEqualTo(SbomFormat.CYCLONEDX_XML);
        assertThat(sbom.specVersion()).isEqualTo("1.2");
        assertThat(sbom.subject().purl()).isEqualTo("pkg:npm/protonmail-web@4.0.0-beta.20");
        assertThat(sbom.components()).hasSize(10);
        assertThat(sbom.components()).extracting(Component::purl).startsWith(
                "pkg:npm/%40babel/polyfill@7.10.4", "pkg:npm/core-js@2.6.11", "pkg:npm/regenerator-runtime@0.13.6");
        assertThat(sbom.components().get(0)).extracting(Component::group, Component::name, Component::version)
                .containsExactly("@babel", "polyfill", "7.10.4");
        assertThat(sbom.components()).allSatisfy(c -> assertThat(c.dependency()).isEqualTo(DependencyKind.UNKNOWN));
        assertThat(sbom.components()).extracting(Component::path).containsOnly(List.of());
        assertThat(sbom.components().get(0).licenses()).containsExactly("MIT");
        assertThat(sbom.components()).extracting(Component::name, Component::version)
                .contains(tuple("angular", "1.8.0"));
    }

    private static Map<DependencyKind, Long> kinds(Sbom sbom) {
        return sbom.components().stream()
                .collect(Collectors.groupingBy(Component::dependency, TreeMap::new, Collectors.counting()));
    }
}
