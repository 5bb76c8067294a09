package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.sbom.Component;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurlIdentitiesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pkg:npm/%40angular/core@16.2.0                       | npm        | @angular/core                 | 16.2.0 |
            pkg:npm/lodash@4.17.20                               | npm        | lodash                        | 4.17.20 |
            pkg:pypi/Django_REST.framework@3.14.0                | PyPI       | django-rest-framework         | 3.14.0 |
            pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10 | Maven | com.fasterxml.jackson.core:jackson-databind | 2.9.10 |
            pkg:golang/github.com/gin-gonic/gin@v1.4.0           | Go         | github.com/gin-gonic/gin      | 1.4.0 |
            pkg:golang/stdlib@go1.21.3                           | Go         | stdlib                        | 1.21.3 |
            pkg:golang/golang.org/x/net@v0.0.0-20210405180319-a5a99cb37ef4 | Go | golang.org/x/net | 0.0.0-20210405180319-a5a99cb37ef4 |
            pkg:cargo/libwebp-sys@0.9.2                          | crates.io  | libwebp-sys                   | 0.9.2 |
            pkg:gem/rails@7.0.4                                  | RubyGems   | rails                         | 7.0.4 |
            pkg:nuget/Newtonsoft.Json@12.0.1                     | NuGet      | newtonsoft.json               | 12.0.1 |
            pkg:composer/Laravel/Framework@7.12.0                | Packagist  | laravel/framework             | 7.12.0 |
            pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl | Debian | openssl | 3.0.11-1~deb12u2 | 12
            pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.15?distro=ubuntu-22.04 | Ubuntu | curl                   | 7.81.0-1ubuntu1.15 | 22.04
            pkg:deb/debian/bash@5.2.15-2?distro=bookworm         | Debian     | bash                          | 5.2.15-2 | 12
            pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.15?distro=jammy | Ubuntu    | openssl                       | 3.0.2-0ubuntu1.15 | 22.04
            pkg:apk/alpine/musl@1.2.4-r2?distro=alpine-3.18.4    | Alpine     | musl                          | 1.2.4-r2 | 3.18
            pkg:rpm/redhat/openssl@3.0.7-24.el9?epoch=1&distro=rhel-9.2 | Red Hat | openssl                 | 1:3.0.7-24.el9 | 9
            """)
    void mapsPurlsToOsvPackages(String purl, String ecosystem, String name, String version, String release) {
        ComponentIdentity identity = PurlIdentities.of(component(purl));
        assertThat(identity).isEqualTo(new ComponentIdentity.Known(new PackageKey(ecosystem, name),
                release == null ? "" : release, version));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                      | no package URL
            pkg:generic/busybox@1.36.1              | no advisory ecosystem for purl type "generic"
            pkg:deb/mint/bash@5.1?distro=mint-21    | distribution "mint"
            not a purl                              | malformed package URL
            pkg:npm/left-pad                        | no version
            """)
    void saysWhyAComponentCannotBeMatched(String purl, String reason) {
        ComponentIdentity identity = PurlIdentities.of(component(purl));
        assertThat(identity).isInstanceOfSatisfying(ComponentIdentity.Unmatchable.class,
                u -> assertThat(u.reason()).contains(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Debian:12                              | Debian  | 12
            Debian                                 | Debian  | ''
            Ubuntu:22.04:LTS                       | Ubuntu  | 22.04
            Ubuntu:Pro:18.04:LTS                   | Ubuntu  | 18.04
            Alpine:v3.18                           | Alpine  | 3.18
            Red Hat:enterprise_linux:9::appstream  | Red Hat | 9
            Rocky Linux:9                          | Rocky Linux | 9
            PyPI                                   | PyPI    | ''
            """)
    void splitsOsvEcosystemNames(String ecosystem, String base, String release) {
        assertThat(EcosystemName.parse(ecosystem)).isEqualTo(new EcosystemName(base, release == null ? "" : release));
    }

    private static Component component(String purl) {
        return new Component("ref", "name", "", "", purl, "", "", null, null, null, null);
    }
}
