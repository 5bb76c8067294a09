package dev.tandem.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One criterion against one component CPE: product, the four bounds, exact versions, update and the other attributes. */
class CpeMatchTest {

    private static CpeName name(String text) throws MalformedCpeException {
        return CpeName.parse(text);
    }

    private static CpeMatch criterion(String criteria, VersionBounds bounds) throws MalformedCpeException {
        return new CpeMatch(name(criteria), criteria, true, bounds, "");
    }

    private static String outcome(CpeMatch match, String target) throws MalformedCpeException {
        return switch (match.test(name(target))) {
            case CpeMatch.Outcome.Match m -> "match";
            case CpeMatch.Outcome.NoMatch n -> "no";
            case CpeMatch.Outcome.Undecided u -> "undecided";
        };
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}], ({3}, {4}) -> {5}")
    @CsvSource(nullValues = "_", value = {
            // versionStartIncluding / versionEndExcluding (CVE-2014-0160: 1.0.1 <= v < 1.0.1g)
            "1.0.1f, 1.0.1, _, _, 1.0.1g, match",
            "1.0.1g, 1.0.1, _, _, 1.0.1g, no",
            "1.0.1, 1.0.1, _, _, 1.0.1g, match",
            "1.0.0z, 1.0.1, _, _, 1.0.1g, no",
            // versionStartExcluding / versionEndIncluding (CVE-2017-8816 curl: 7.36.0 < v <= 7.56.1)
            "7.36.0, _, 7.36.0, 7.56.1, _, no",
            "7.36.1, _, 7.36.0, 7.56.1, _, match",
            "7.56.1, _, 7.36.0, 7.56.1, _, match",
            "7.57.0, _, 7.36.0, 7.56.1, _, no",
            // open-ended (CVE-2021-20194: only versionStartExcluding 5.2)
            "6.6.14, _, 5.2, _, _, match",
            "5.2, _, 5.2, _, _, no"})
    void evaluatesTheFourBounds(String version, String si, String se, String ei, String ee, String expected)
            throws Exception {
        CpeMatch match = criterion("cpe:2.3:a:x:y:*:*:*:*:*:*:*:*", new VersionBounds(si, se, ei, ee));
        assertThat(outcome(match, "cpe:2.3:a:x:y:" + version + ":*:*:*:*:*:*:*")).isEqualTo(expected);
    }

    @Test
    void productMustBeTheSameWithoutCase() throws Exception {
        CpeMatch match = criterion("cpe:2.3:a:thekelleys:dnsmasq:*:*:*:*:*:*:*:*", new VersionBounds(null, null, null, "2.83"));
        assertThat(outcome(match, "cpe:2.3:a:TheKelleys:DNSMASQ:2.82:*:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(match, "cpe:2.3:a:dnsmasq:dnsmasq:2.82:*:*:*:*:*:*:*")).isEqualTo("no");
        assertThat(outcome(match, "cpe:2.3:o:thekelleys:dnsmasq:2.82:*:*:*:*:*:*:*")).isEqualTo("no");
    }

    @Test
    void anyVersionWithoutBoundsMatchesEveryVersionEvenAnUnknownOne() throws Exception {
        CpeMatch match = criterion("cpe:2.3:o:tp-link:tl-wr841n_\\(9.0\\)_firmware:*:*:*:*:*:*:*:*", VersionBounds.NONE);
        assertThat(outcome(match, "cpe:2.3:o:tp-link:tl-wr841n_\\(9.0\\)_firmware:3.16.9:*:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(match, "cpe:2.3:o:tp-link:tl-wr841n_\\(9.0\\)_firmware:*:*:*:*:*:*:*:*")).isEqualTo("match");
    }

    @Test
    void aRangeCannotJudgeAnUnstatedVersion() throws Exception {
        CpeMatch match = criterion("cpe:2.3:a:x:y:*:*:*:*:*:*:*:*", new VersionBounds(null, null, null, "2.0"));
        assertThat(outcome(match, "cpe:2.3:a:x:y:*:*:*:*:*:*:*:*")).isEqualTo("undecided");
        assertThat(match.test(name("cpe:2.3:a:x:y:*:*:*:*:*:*:*:*")))
                .isEqualTo(new CpeMatch.Outcome.Undecided(
                        "the component's CPE states no version, and the criterion is the range up to 2.0 (excluding)"));
        assertThat(outcome(match, "cpe:2.3:a:x:y:-:*:*:*:*:*:*:*")).isEqualTo("no");
    }

    @Test
    void exactVersionsCompareByTheVersionRuleAndKeepTheirEscapes() throws Exception {
        CpeMatch netgear = criterion("cpe:2.3:o:netgear:r6200_firmware:1.0.1.56_1.0.43:*:*:*:*:*:*:*", VersionBounds.NONE);
        assertThat(outcome(netgear, "cpe:2.3:o:netgear:r6200_firmware:1.0.1.56_1.0.43:*:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(netgear, "cpe:2.3:o:netgear:r6200_firmware:1.0.1.58_1.0.44:*:*:*:*:*:*:*")).isEqualTo("no");
        CpeMatch kernel = criterion("cpe:2.3:o:linux:linux_kernel:4.19:*:*:*:*:*:*:*", VersionBounds.NONE);
        assertThat(outcome(kernel, "cpe:2.3:o:linux:linux_kernel:4.19.0:*:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(kernel, "cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*")).isEqualTo("undecided");
    }

    @Test
    void theUpdateOfACriterionMustBeStatedByTheComponent() throws Exception {
        // U-Boot (cases.md 15): 2019.07:rc1 names a pre-release; 2019.07:- the release itself.
        CpeMatch rc1 = criterion("cpe:2.3:a:denx:u-boot:2019.07:rc1:*:*:*:*:*:*", VersionBounds.NONE);
        CpeMatch release = criterion("cpe:2.3:a:denx:u-boot:2019.07:-:*:*:*:*:*:*", VersionBounds.NONE);
        assertThat(outcome(rc1, "cpe:2.3:a:denx:u-boot:2019.07:rc1:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(rc1, "cpe:2.3:a:denx:u-boot:2019.07:rc2:*:*:*:*:*:*")).isEqualTo("no");
        assertThat(outcome(rc1, "cpe:2.3:a:denx:u-boot:2019.07:-:*:*:*:*:*:*")).isEqualTo("no");
        assertThat(outcome(rc1, "cpe:2.3:a:denx:u-boot:2019.07:*:*:*:*:*:*:*")).isEqualTo("no");
        assertThat(outcome(release, "cpe:2.3:a:denx:u-boot:2019.07:-:*:*:*:*:*:*")).isEqualTo("match");
        // An unstated update is the release itself, never a pre-release.
        assertThat(outcome(release, "cpe:2.3:a:denx:u-boot:2019.07:*:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(release, "cpe:2.3:a:denx:u-boot:2019.07:rc2:*:*:*:*:*:*")).isEqualTo("no");
        // A range ignores the update: 2019.07-rc2 is within "up to 2019.07 (including)".
        CpeMatch range = criterion("cpe:2.3:a:denx:u-boot:*:*:*:*:*:*:*:*", new VersionBounds(null, null, "2019.07", null));
        assertThat(outcome(range, "cpe:2.3:a:denx:u-boot:2019.07:rc2:*:*:*:*:*:*")).isEqualTo("match");
    }

    @Test
    void naMatchesOnlyNaOrAnUnstatedValue() throws Exception {
        CpeMatch hardware = new CpeMatch(name("cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*"),
                "cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*", false, VersionBounds.NONE, "");
        assertThat(outcome(hardware, "cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(hardware, "cpe:2.3:h:tp-link:archer_ax21:*:*:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(hardware, "cpe:2.3:h:tp-link:archer_ax21:2.0:*:*:*:*:*:*:*")).isEqualTo("no");
        CpeMatch dash = criterion("cpe:2.3:a:curl_project:curl:-:*:*:*:*:*:*:*", VersionBounds.NONE);
        assertThat(outcome(dash, "cpe:2.3:a:curl_project:curl:7.30.0:*:*:*:*:*:*:*")).isEqualTo("no");
    }

    @Test
    void otherAttributesMatchWhenTheComponentLeavesThemUnstated() throws Exception {
        CpeMatch windows = criterion("cpe:2.3:a:haxx:curl:*:*:*:*:*:windows:*:*", VersionBounds.NONE);
        assertThat(outcome(windows, "cpe:2.3:a:haxx:curl:7.36.0:*:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(windows, "cpe:2.3:a:haxx:curl:7.36.0:*:*:*:*:windows:*:*")).isEqualTo("match");
        assertThat(outcome(windows, "cpe:2.3:a:haxx:curl:7.36.0:*:*:*:*:linux:*:*")).isEqualTo("no");
    }

    @Test
    void wildcardsAtTheEndsOfACriterionValueMatchAsNistir7696Says() throws Exception {
        CpeMatch star = criterion("cpe:2.3:a:microsoft:internet_explorer:8.*:*:*:*:*:*:*:*", VersionBounds.NONE);
        assertThat(outcome(star, "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:*:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(star, "cpe:2.3:a:microsoft:internet_explorer:9.0:*:*:*:*:*:*:*")).isEqualTo("no");
        CpeMatch question = criterion("cpe:2.3:a:microsoft:internet_explorer:*:sp?:*:*:*:*:*:*", VersionBounds.NONE);
        assertThat(outcome(question, "cpe:2.3:a:microsoft:internet_explorer:8:sp2:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(question, "cpe:2.3:a:microsoft:internet_explorer:8:sp:*:*:*:*:*:*")).isEqualTo("match");
        assertThat(outcome(question, "cpe:2.3:a:microsoft:internet_explorer:8:sp12:*:*:*:*:*:*")).isEqualTo("no");
    }

    @Test
    void describesItselfWithItsBounds() throws Exception {
        CpeMatch match = criterion("cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*", new VersionBounds("1.0.1", null, null, "1.0.1g"));
        assertThat(match.describe()).isEqualTo(
                "cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:* from 1.0.1 (including) up to 1.0.1g (excluding)");
    }
}
