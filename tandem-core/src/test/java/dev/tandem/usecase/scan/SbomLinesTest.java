package dev.tandem.usecase.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where an SBOM's text writes a purl: the exact token, in every spelling the formats use. */
class SbomLinesTest {

    private static SbomLines lines(String text) {
        return SbomLines.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLineOfTheExactPurlNotOfALongerOneItPrefixes() {
        SbomLines lines = lines("""
                {"components":[
                 {"purl":"pkg:npm/a@1.0.1"},
                 {"purl":"pkg:npm/a@1.0"}]}
                """);
        assertThat(lines.lineOf("pkg:npm/a@1.0.1")).isEqualTo(2);
        assertThat(lines.lineOf("pkg:npm/a@1.0")).isEqualTo(3);
    }

    @Test
    void escapedSlashesXmlAmpersandsTagValueAndQualifierCommas() {
        SbomLines lines = lines("""
                {"purl":"pkg:npm\\/b@2"}
                <purl>pkg:deb/debian/c@1?arch=amd64&amp;distro=debian-12</purl>
                ExternalRef: PACKAGE-MANAGER purl pkg:pypi/d@3
                {"purl":"pkg:maven/e/f@4?checksums=sha1:ab,sha256:cd"}
                """);
        assertThat(lines.lineOf("pkg:npm/b@2")).isEqualTo(1);
        assertThat(lines.lineOf("pkg:deb/debian/c@1?arch=amd64&distro=debian-12")).isEqualTo(2);
        assertThat(lines.lineOf("pkg:pypi/d@3")).isEqualTo(3);
        assertThat(lines.lineOf("pkg:maven/e/f@4?checksums=sha1:ab,sha256:cd")).isEqualTo(4);
    }

    @Test
    void aPurlNotWrittenAsATokenIsSearchedAsTextAndAnAbsentOneIsOnLineOne() {
        SbomLines lines = lines("first line\nname: x (pkg:npm/g@5)\n");
        assertThat(lines.lineOf("pkg:npm/g@5")).isEqualTo(2);
        assertThat(lines.lineOf("pkg:npm/absent@1")).isEqualTo(1);
        assertThat(SbomLines.none().lineOf("pkg:npm/g@5")).isEqualTo(1);
    }
}
