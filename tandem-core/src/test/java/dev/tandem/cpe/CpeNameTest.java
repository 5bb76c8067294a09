package dev.tandem.cpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CPE names in both bindings. The binding examples follow NISTIR 7695 (CPE 2.3 Naming) sections 6.1
 * and 6.2; the names come from NVD records in the test fixtures.
 */
class CpeNameTest {

    @Nested
    class FormattedString {

        @Test
        void readsEveryAttributeWithTheLogicalValues() throws Exception {
            CpeName name = CpeName.parse("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*");
            assertThat(name.part()).isEqualTo(CpePart.APPLICATION);
            assertThat(name.vendor().plain()).isEqualTo("hp");
            assertThat(name.product().plain()).isEqualTo("insight_diagnostics");
            assertThat(name.version().plain()).isEqualTo("7.4.0.1570");
            assertThat(name.version().wfn()).isEqualTo("7\\.4\\.0\\.1570");
            assertThat(name.update()).isEqualTo(CpeValue.NA);
            assertThat(name.edition()).isEqualTo(CpeValue.ANY);
            assertThat(name.swEdition().plain()).isEqualTo("online");
            assertThat(name.targetSw().plain()).isEqualTo("win2003");
            assertThat(name.targetHw().plain()).isEqualTo("x64");
            assertThat(name.other()).isEqualTo(CpeValue.ANY);
        }

        @Test
        void keepsQuotedPunctuationAsTheCharacter() throws Exception {
            // CVE-2015-3035: the product name holds parentheses, quoted in the formatted string.
            CpeName name = CpeName.parse("cpe:2.3:o:tp-link:archer_c5_\\(1.2\\)_firmware:141126:*:*:*:*:*:*:*");
            assertThat(name.product().plain()).isEqualTo("archer_c5_(1.2)_firmware");
            assertThat(name.productKey()).isEqualTo("o:tp\\-link:archer_c5_\\(1\\.2\\)_firmware");
            assertThat(name.formatted()).isEqualTo("cpe:2.3:o:tp-link:archer_c5_\\(1.2\\)_firmware:141126:*:*:*:*:*:*:*");
            // A quoted colon is part of the value, not a separator.
            CpeName colon = CpeName.parse("cpe:2.3:a:foo:bar:1.0\\:beta:*:*:*:*:*:*:*");
            assertThat(colon.version().plain()).isEqualTo("1.0:beta");
            assertThat(colon.update()).isEqualTo(CpeValue.ANY);
            // CVE-2023-45288 (CISA ADP): an escaped slash.
            assertThat(CpeName.parse("cpe:2.3:a:go_standard_library:net\\/http:*:*:*:*:*:*:*:*").product().plain())
                    .isEqualTo("net/http");
            // A quoted backslash stays one backslash.
            assertThat(CpeName.parse("cpe:2.3:a:foo\\\\bar:big\\$money:2010:*:*:*:special:ipod_touch:80gb:*").vendor()
                    .plain()).isEqualTo("foo\\bar");
        }

        @Test
        void ignoresCaseAndEqualsTheSameNameInEveryCase() throws Exception {
            CpeName upper = CpeName.parse("CPE:2.3:A:OpenSSL:OpenSSL:1.0.2K:*:*:*:*:*:*:*");
            CpeName lower = CpeName.parse("cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*");
            assertThat(upper).isEqualTo(lower);
            assertThat(upper.productKey()).isEqualTo("a:openssl:openssl");
        }

        @Test
        void isLenientWithUnquotedPunctuationAndQuotedLetters() throws Exception {
            // Generators forget to quote; the meaning is still plain.
            assertThat(CpeName.parse("cpe:2.3:a:vendor:product:1.0+build2:*:*:*:*:*:*:*").version().plain())
                    .isEqualTo("1.0+build2");
            assertThat(CpeName.parse("cpe:2.3:a:foo:ba\\r:1.0:*:*:*:*:*:*:*").product().plain()).isEqualTo("bar");
        }

        @Test
        void keepsWildcardsOnlyAtEitherEnd() throws Exception {
            CpeName name = CpeName.parse("cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*");
            assertThat(name.version().hasWildcards()).isTrue();
            assertThat(name.version().wfn()).isEqualTo("8\\.*");
            assertThat(name.update().wfn()).isEqualTo("sp?");
            assertThat(CpeName.parse("cpe:2.3:a:foo:bar:\\*1:*:*:*:*:*:*:*").version().hasWildcards()).isFalse();
            assertThatThrownBy(() -> CpeName.parse("cpe:2.3:a:foo:b*r:1:*:*:*:*:*:*:*"))
                    .isInstanceOf(MalformedCpeException.class).hasMessageContaining("unquoted * inside a value");
            assertThatThrownBy(() -> CpeName.parse("cpe:2.3:a:foo:b?r:1:*:*:*:*:*:*:*"))
                    .hasMessageContaining("unquoted ? inside a value");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "cpe:2.3:a:foo:bar:1.0:*:*:*:*:*:*|has 10 attributes after \"cpe:2.3:\", expected 11",
                "cpe:2.3:a:foo:bar:1.0:*:*:*:*:*:*:*:*|has 12 attributes",
                "cpe:2.3:x:foo:bar:1.0:*:*:*:*:*:*:*|part must be a (application), o (operating system) or h (hardware)",
                "cpe:2.3:a::bar:1.0:*:*:*:*:*:*:*|empty attribute at character 11",
                "cpe:2.3:a:foo:bar:1.0\\:*:*:*:*:*:*:*|has 10 attributes",
                "cpe:2.3:a:foo:bar:1.0:*:*:*:*:*:*:x\\|a lone backslash ends the attribute",
                "cpe:2.3:a:foo:b ar:1.0:*:*:*:*:*:*:*|character U+0020 at character 16 is not allowed",
                "cpe:3.0:a:foo:bar|expected \"cpe:2.3:\" (formatted string) or \"cpe:/\" (URI)",
                "pkg:npm/foo@1.0|expected \"cpe:2.3:\""})
        void refusesWhatIsNotACpeNameSayingWhy(String text, String problem) {
            assertThatThrownBy(() -> CpeName.parse(text)).isInstanceOf(MalformedCpeException.class)
                    .hasMessageContaining(problem).hasMessageContaining(text);
        }

        @Test
        void bindsBackToTheFormattedString() throws Exception {
            for (String text : new String[] {
                    "cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*",
                    "cpe:2.3:a:denx:u-boot:2019.07:rc2:*:*:*:*:*:*",
                    "cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*",
                    "cpe:2.3:a:amazon:freertos\\+fat:*:*:*:*:*:*:*:*",
                    "cpe:2.3:o:netgear:r6200_firmware:1.0.1.56_1.0.43:*:*:*:*:*:*:*"}) {
                assertThat(CpeName.parse(text).formatted()).isEqualTo(text);
                assertThat(CpeName.parse(CpeName.parse(text).formatted())).isEqualTo(CpeName.parse(text));
            }
        }
    }

    @Nested
    class Uri {

        @Test
        void readsUpToSevenComponentsMissingOnesAny() throws Exception {
            CpeName name = CpeName.parse("cpe:/a:openssl:openssl:1.0.2:beta1");
            assertThat(name.version().plain()).isEqualTo("1.0.2");
            assertThat(name.update().plain()).isEqualTo("beta1");
            assertThat(name.edition()).isEqualTo(CpeValue.ANY);
            assertThat(name.formatted()).isEqualTo("cpe:2.3:a:openssl:openssl:1.0.2:beta1:*:*:*:*:*:*");
            assertThat(CpeName.parse("cpe:/a:openssl:openssl").version()).isEqualTo(CpeValue.ANY);
            assertThat(CpeName.parse("cpe:/h:tp-link:archer_ax21:-").version()).isEqualTo(CpeValue.NA);
        }

        @Test
        void decodesPercentEncodingToTheSameNameAsTheFormattedString() throws Exception {
            assertThat(CpeName.parse("cpe:/o:tp-link:archer_c5_%281.2%29_firmware:141126"))
                    .isEqualTo(CpeName.parse("cpe:2.3:o:tp-link:archer_c5_\\(1.2\\)_firmware:141126:*:*:*:*:*:*:*"));
            assertThat(CpeName.parse("cpe:/a:foo%5cbar:big%24money:2010").vendor().plain()).isEqualTo("foo\\bar");
        }

        @Test
        void unpacksTheEdition() throws Exception {
            // NISTIR 7695 6.1.3.3: ~edition~sw_edition~target_sw~target_hw~other.
            CpeName name = CpeName.parse("cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~");
            assertThat(name).isEqualTo(CpeName.parse("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*"));
            assertThat(CpeName.parse("cpe:/a:foo:bar:1:::~~~~~").swEdition()).isEqualTo(CpeValue.ANY);
            assertThatThrownBy(() -> CpeName.parse("cpe:/a:foo:bar:1::~a~b"))
                    .hasMessageContaining("a packed edition (starting with ~) needs 5 fields");
        }

        @Test
        void readsTheWildcardEncodingsOnlyAtTheEnds() throws Exception {
            assertThat(CpeName.parse("cpe:/a:foo:bar:1.%02").version().wfn()).isEqualTo("1\\.*");
            assertThatThrownBy(() -> CpeName.parse("cpe:/a:foo:b%02r")).hasMessageContaining("may only start or end a value");
            assertThatThrownBy(() -> CpeName.parse("cpe:/a:foo:bar%2")).hasMessageContaining("two hexadecimal digits");
            assertThatThrownBy(() -> CpeName.parse("cpe:/a:foo:bar%zz")).hasMessageContaining("two hexadecimal digits");
            assertThatThrownBy(() -> CpeName.parse("cpe:/a:foo:bar:1:2:3:4:5")).hasMessageContaining("at most 7");
        }
    }

    @Test
    void valuesFromPlainTextAreCanonical() {
        assertThat(CpeValue.of("1.0.2k").wfn()).isEqualTo("1\\.0\\.2k");
        assertThat(CpeValue.of("*")).isEqualTo(CpeValue.ANY);
        assertThat(CpeValue.of("-")).isEqualTo(CpeValue.NA);
        assertThat(CpeValue.of("")).isEqualTo(CpeValue.ANY);
        assertThat(CpeValue.of("W1.Fi").formatted()).isEqualTo("w1.fi");
    }
}
