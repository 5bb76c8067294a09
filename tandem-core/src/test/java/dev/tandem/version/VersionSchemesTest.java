package dev.tandem.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionSchemesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            npm                                   | npm
            PyPI                                  | PyPI
            pypi                                  | PyPI
            Maven                                 | Maven
            Maven:https://maven.google.com        | Maven
            Go                                    | Go
            crates.io                             | crates.io
            RubyGems                              | RubyGems
            NuGet                                 | NuGet
            Packagist                             | Packagist
            Packagist:https://packages.drupal.org/8 | Packagist
            Hex                                   | SEMVER
            SwiftURL                              | SEMVER
            Debian                                | Debian
            Debian:12                             | Debian
            Ubuntu:22.04:LTS                      | Ubuntu
            Ubuntu:Pro:18.04:LTS                  | Ubuntu
            Alpine:v3.18                          | Alpine
            Wolfi                                 | Alpine
            Chainguard                            | Alpine
            MinimOS                               | Alpine
            Red Hat:enterprise_linux:9::appstream | RPM
            Rocky Linux:9                         | RPM
            AlmaLinux:8                           | RPM
            SUSE:Linux Enterprise Server 15 SP5   | RPM
            openSUSE:Tumbleweed                   | RPM
            Mageia:9                              | RPM
            openEuler:22.03-LTS-SP3               | RPM
            Azure Linux:3                         | RPM
            Photon OS:5.0                         | RPM
            Root:Alpine:3.18                      | Alpine
            Root:PyPI                             | PyPI
            """)
    void ecosystemNamesWithSuffixesMapToTheirScheme(String ecosystem, String scheme) {
        assertThat(VersionSchemes.forEcosystem(ecosystem)).get().extracting(VersionScheme::name).isEqualTo(scheme);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Linux", "Android", "GIT", "Pub", "CRAN", "Hackage", "GitHub Actions", "OSS-Fuzz", "Bitnami", "Root"})
    void unsupportedEcosystemsHaveNoScheme(String ecosystem) {
        assertThat(VersionSchemes.forEcosystem(ecosystem)).isEmpty();
    }

    @Test
    void nullIsUnsupported() {
        assertThat(VersionSchemes.forEcosystem(null)).isEmpty();
        assertThat(VersionSchemes.forPurlType(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"npm,npm", "pypi,PyPI", "maven,Maven", "golang,Go", "cargo,crates.io", "gem,RubyGems", "nuget,NuGet",
            "composer,Packagist", "deb,Debian", "apk,Alpine", "rpm,RPM", "hex,SEMVER", "swift,SEMVER", "NPM,npm"})
    void purlTypesMapToTheirScheme(String type, String scheme) {
        assertThat(VersionSchemes.forPurlType(type)).get().extracting(VersionScheme::name).isEqualTo(scheme);
    }

    @ParameterizedTest
    @ValueSource(strings = {"generic", "github", "docker", "conan", "pub"})
    void unsupportedPurlTypesHaveNoScheme(String type) {
        assertThat(VersionSchemes.forPurlType(type)).isEmpty();
    }

    @Test
    void supportedEcosystemsListsEveryMappedName() {
        assertThat(VersionSchemes.supportedEcosystems())
                .contains("npm", "PyPI", "Maven", "Go", "crates.io", "RubyGems", "NuGet", "Packagist", "Debian", "Ubuntu",
                        "Alpine", "Red Hat", "SUSE", "openSUSE", "Rocky Linux", "AlmaLinux")
                .doesNotContain("Pub", "Linux")
                .allSatisfy(name -> assertThat(VersionSchemes.forEcosystem(name)).isPresent());
    }

    // golang/mod semver_test.go entries with out == "" are invalid.
    @ParameterizedTest
    @ValueSource(strings = {"bad", "v1-alpha.beta.gamma", "v1-pre", "v1+meta", "v1-pre+meta", "v1.2-pre", "v1.2+meta", "v1.2-pre+meta",
            "v01.2.3", "v1.2.3-01"})
    void goRejectsWhatXModSemverRejects(String text) {
        VersionScheme go = VersionSchemes.forEcosystem("Go").orElseThrow();
        assertThatThrownBy(() -> go.parse(text)).isInstanceOf(InvalidVersionException.class).hasMessageContaining("\"" + text + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "01.2.3", "1.2.3-01", "=1.2.3", "1.2.3.4", "9007199254740992.0.0", "1.2.3-", "1.2.3+", "1.2.3-a..b", "x"})
    void npmRejectsWhatNodeSemverStrictRejects(String text) {
        VersionScheme npm = VersionSchemes.forEcosystem("npm").orElseThrow();
        assertThatThrownBy(() -> npm.parse(text)).isInstanceOf(InvalidVersionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3-not-a-debian:version!@#$", "abc", "1:", ":1.0", "1.0 2", "x:1.0", "-1.0"})
    void debianRejectsMalformedVersions(String text) {
        VersionScheme deb = VersionSchemes.forEcosystem("Debian").orElseThrow();
        assertThatThrownBy(() -> deb.parse(text)).isInstanceOf(InvalidVersionException.class).hasMessageContaining("Debian version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-", "1.0_foo", "1.0A", "1.0-x", "1.0.0-rc1", "1.0_x1"})
    void alpineRejectsWhatApkValidateRejects(String text) {
        VersionScheme apk = VersionSchemes.forEcosystem("Alpine").orElseThrow();
        assertThatThrownBy(() -> apk.parse(text)).isInstanceOf(InvalidVersionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-beta_1", "1..0", "1.0-", "a", "1.0 beta"})
    void rubyGemsRejectsMalformedGemVersions(String text) {
        VersionScheme gem = VersionSchemes.forEcosystem("RubyGems").orElseThrow();
        assertThatThrownBy(() -> gem.parse(text)).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void blankGemVersionIsZeroAsInRubyGems() throws Exception {
        VersionScheme gem = VersionSchemes.forEcosystem("RubyGems").orElseThrow();
        assertThat(gem.compare("", "0")).isZero();
        assertThat(gem.compare(" ", "0.0")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4.5", "1.2.3-", "1.2.3-a_b", "2147483648.0", "one"})
    void nugetRejectsWhatNuGetVersioningRejects(String text) {
        VersionScheme nuget = VersionSchemes.forEcosystem("NuGet").orElseThrow();
        assertThatThrownBy(() -> nuget.parse(text)).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void pypiOrdersLegacyVersionsBeforeEveryPep440Version() throws Exception {
        VersionScheme pypi = VersionSchemes.forEcosystem("PyPI").orElseThrow();
        assertThat(pypi.compare("2004d", "0.0.1")).isNegative();
        assertThat(pypi.compare("1.0-SNAPSHOT", "1.0-SNAPSHOT")).isZero();
        assertThat(pypi.compare("1.0-SNAPSHOT", "1.0-bulbasaur")).isPositive();
        assertThat(pypi.compare("1.0-SNAPSHOT", "1.0-beta")).as("1.0-beta is PEP 440 (1.0b0)").isNegative();
    }

    @Test
    void versionsOfDifferentSchemesDoNotCompare() throws Exception {
        Version maven = VersionSchemes.forEcosystem("Maven").orElseThrow().parse("1.0");
        Version npm = VersionSchemes.forEcosystem("npm").orElseThrow().parse("1.0.0");
        assertThatThrownBy(() -> maven.compareTo(npm)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.0.0");
    }

    @Test
    void mavenKeepsItsOwnOrderingForQualifiers() throws Exception {
        VersionScheme maven = VersionSchemes.forEcosystem("Maven").orElseThrow();
        assertThat(maven.compare("1.0-SNAPSHOT", "1.0")).isNegative();
        assertThat(maven.compare("1.0.Final", "1.0")).isZero();
        assertThat(maven.compare("1.0-sp1", "1.0")).isPositive();
        assertThatThrownBy(() -> maven.parse(" ")).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void everySchemeRefusesHostileTextWithAnInvalidVersionNotACrash() {
        String huge = "1." + "9".repeat(2_000_000);
        for (String ecosystem : VersionSchemes.supportedEcosystems()) {
            VersionScheme s = VersionSchemes.forEcosystem(ecosystem).orElseThrow();
            assertThatThrownBy(() -> s.parse(huge)).as(ecosystem).isInstanceOf(InvalidVersionException.class)
                    .hasMessageContaining("longer than 1024 characters");
            assertThatThrownBy(() -> s.parse(null)).as(ecosystem).isInstanceOf(InvalidVersionException.class);
        }
        assertThatThrownBy(() -> VersionSchemes.semver().parse(huge)).isInstanceOf(InvalidVersionException.class);
    }
}
