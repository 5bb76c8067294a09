package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.sbom.Component;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stable finding id: what it depends on and what it ignores. */
class FindingIdTest {

    private static final Subject ROUTER = new Subject("Router firmware", "1.0", "Acme", "", "app");

    private static Component purl(String purl) {
        return component("", "", "", purl, "");
    }

    private static Component component(String group, String name, String version, String purl, String cpe) {
        return new Component("ref", name, group, version, purl, cpe, "", List.of(), List.of(), List.of(), DependencyKind.UNKNOWN);
    }

    private static String id(Subject subject, Component component, String vulnerability) {
        return FindingId.of(subject, component, vulnerability).value();
    }

    @Test
    void isTfAndTwentyHexDigitsOfTheDigest() {
        assertThat(id(ROUTER, purl("pkg:npm/lodash@4.17.20"), "CVE-2021-23337")).matches("TF-[0-9a-f]{20}");
        assertThatThrownBy(() -> new FindingId("TF-123")).isInstanceOf(IllegalArgumentException.class);
        for (String bad : List.of("TF-3F0C1A9B27D4E6A85C10", "TF-3f0c1a9b27d4e6a85c1", "TF-3f0c1a9b27d4e6a85c10a",
                "tf-3f0c1a9b27d4e6a85c10", "TF_3f0c1a9b27d4e6a85c10", "TF-3f0c1a9b27d4e6a85c1g")) {
            assertThatThrownBy(() -> new FindingId(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new FindingId("TF-3f0c1a9b27d4e6a85c10").value()).isEqualTo("TF-3f0c1a9b27d4e6a85c10");
    }

    @Test
    void aScanMakesTheSameIdsAsTheOneOffRule() {
        // FindingId.Maker (one per scan: the product hashed once, one digest reused) against FindingId.of.
        for (Subject subject : List.of(ROUTER, new Subject("Router", "1.0", "", "pkg:generic/acme/router@1.0", "x"),
                new Subject("  Router  Firmware ", "", "", "", ""))) {
            FindingId.Maker maker = new FindingId.Maker(subject);
            for (Component component : List.of(purl("pkg:npm/%40angular/core@17.0.1"), purl("pkg:pypi/Django_Rest@1.0"),
                    purl("pkg:deb/debian/libc6@2.31-13?distro=debian-11&arch=amd64"), purl("pkg:maven/org.a/b@1.0+x"),
                    component("org.example", "lib", "1.0", "", ""), component("", "", "", "", "cpe:2.3:a:Acme:X:1:*:*:*:*:*:*:*"))) {
                byte[] prefix = maker.prefix(component);
                assertThat(prefix).isEqualTo(FindingId.prefix(subject, component));
                for (String vulnerability : List.of("CVE-2021-23337", " GHSA-xxxx-yyyy-zzzz ", "CVE-1")) {
                    assertThat(maker.of(prefix, vulnerability)).isEqualTo(FindingId.of(subject, component, vulnerability));
                }
            }
        }
    }

    @Test
    void thePurlCountsInItsCanonicalForm() {
        String expected = id(ROUTER, purl("pkg:deb/debian/libc6@2.31-13?arch=amd64&distro=debian-11"), "CVE-2023-4911");
        assertThat(id(ROUTER, purl("pkg:deb/debian/libc6@2.31-13?distro=debian-11&arch=amd64"), "CVE-2023-4911"))
                .isEqualTo(expected);
        assertThat(id(ROUTER, purl("pkg:pypi/Django@3.2.0"), "CVE-1")).isEqualTo(id(ROUTER, purl("pkg:pypi/django@3.2.0"), "CVE-1"));
        assertThat(id(ROUTER, purl("pkg:npm/@angular/core@10.0.0"), "CVE-1"))
                .isEqualTo(id(ROUTER, purl("pkg:npm/%40angular/core@10.0.0"), "CVE-1"));
    }

    @Test
    void theComponentVersionTheVulnerabilityAndTheProductNameCountTheProductVersionDoesNot() {
        String base = id(ROUTER, purl("pkg:npm/lodash@4.17.20"), "CVE-2021-23337");
        assertThat(id(ROUTER, purl("pkg:npm/lodash@4.17.21"), "CVE-2021-23337")).isNotEqualTo(base);
        assertThat(id(ROUTER, purl("pkg:npm/lodash@4.17.20"), "CVE-2020-8203")).isNotEqualTo(base);
        assertThat(id(new Subject("Switch firmware", "1.0", "Acme", "", ""), purl("pkg:npm/lodash@4.17.20"), "CVE-2021-23337"))
                .isNotEqualTo(base);
        assertThat(id(new Subject("Router firmware", "1.0", "Other Co", "", ""), purl("pkg:npm/lodash@4.17.20"), "CVE-2021-23337"))
                .isNotEqualTo(base);
        assertThat(id(new Subject("Router firmware", "7.3.1", "Acme", "pkg:generic/acme/router@7.3.1", "other-ref"),
                purl("pkg:npm/lodash@4.17.20"), "CVE-2021-23337")).isEqualTo(base);
        assertThat(id(new Subject("  ROUTER   Firmware ", "", "acme", "", ""), purl("pkg:npm/lodash@4.17.20"), "CVE-2021-23337"))
                .isEqualTo(base);
    }

    @Test
    void withoutAManufacturerTheProductPurlNamespaceNamesTheOwner() {
        Subject byPurl = new Subject("router", "1.0", "", "pkg:generic/acme/router@1.0", "");
        Subject byManufacturer = new Subject("router", "2.0", "acme", "", "");
        assertThat(id(byPurl, purl("pkg:npm/a@1"), "X-1")).isEqualTo(id(byManufacturer, purl("pkg:npm/a@1"), "X-1"));
    }

    @Test
    void withoutAPurlTheCpeThenGroupNameAndVersionIdentifyTheComponent() {
        Component cpe = component("", "openssl", "3.0.7", "", "cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*:*");
        Component cpeUpper = component("", "OpenSSL", "3.0.7", "", "CPE:2.3:A:OPENSSL:OPENSSL:3.0.7:*:*:*:*:*:*:*");
        assertThat(id(ROUTER, cpe, "CVE-2023-0286")).isEqualTo(id(ROUTER, cpeUpper, "CVE-2023-0286"));
        Component named = component("org.example", "lib", "1.0", "", "");
        assertThat(id(ROUTER, named, "X-1")).isNotEqualTo(id(ROUTER, component("org.example", "lib", "1.1", "", ""), "X-1"))
                .isNotEqualTo(id(ROUTER, cpe, "X-1"));
        assertThat(FindingId.componentIdentity(named)).isEqualTo("org.example/lib@1.0");
    }

    @Test
    void partsCannotRunIntoEachOther() {
        // "ab" + "c" and "a" + "bc" would collide if the parts were simply concatenated.
        assertThat(id(new Subject("c", "", "ab", "", ""), purl("pkg:npm/x@1"), "V"))
                .isNotEqualTo(id(new Subject("bc", "", "a", "", ""), purl("pkg:npm/x@1"), "V"));
    }
}
