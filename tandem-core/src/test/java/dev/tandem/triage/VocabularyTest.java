package dev.tandem.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.match.FindingId;
import dev.tandem.sbom.Component;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CycloneDX analysis vocabulary and the component selectors. */
class VocabularyTest {

    private static Component component(String purl) {
        return new Component("ref", "name", "", "1.0", purl, "", "", null, null, null, null);
    }

    private static final FindingId ID = new FindingId("TF-0123456789abcdef0123");

    @Test
    void statesSpellAsCycloneDxAndOnlyTheNonActionableOnesSuppress() {
        assertThat(AnalysisState.of("not_affected")).isEqualTo(AnalysisState.NOT_AFFECTED);
        assertThat(AnalysisState.of("Not-Affected")).isEqualTo(AnalysisState.NOT_AFFECTED);
        assertThat(AnalysisState.RESOLVED_WITH_PEDIGREE.label()).isEqualTo("resolved_with_pedigree");
        assertThat(List.of(AnalysisState.values())).filteredOn(AnalysisState::suppresses).containsExactly(
                AnalysisState.RESOLVED, AnalysisState.RESOLVED_WITH_PEDIGREE, AnalysisState.FALSE_POSITIVE,
                AnalysisState.NOT_AFFECTED);
        assertThatThrownBy(() -> AnalysisState.of("fixed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fixed'").hasMessageContaining("not_affected");
        assertThat(Justification.of("code_not_reachable")).isEqualTo(Justification.CODE_NOT_REACHABLE);
        assertThat(Response.of("workaround_available")).isEqualTo(Response.WORKAROUND_AVAILABLE);
    }

    @ParameterizedTest
    @CsvSource({
            "pkg:npm/lodash,                  pkg:npm/lodash@4.17.20,                 true",
            "pkg:npm/lodash@4.17.20,          pkg:npm/lodash@4.17.20,                 true",
            "pkg:npm/lodash@4.17.21,          pkg:npm/lodash@4.17.20,                 false",
            "pkg:npm/Lodash,                  pkg:npm/lodash@4.17.20,                 true",
            "pkg:maven/org.Example/lib,       pkg:maven/org.example/lib@1.0,          false",
            "pkg:deb/debian/curl?arch=amd64,  pkg:deb/debian/curl@7.88?arch=amd64,    true",
            "pkg:deb/debian/curl?arch=arm64,  pkg:deb/debian/curl@7.88?arch=amd64,    false",
            "pkg:pypi/requests,               pkg:npm/requests@2.0,                   false",
    })
    void aPurlSelectorMatchesByIdentityThenVersionAndQualifiersItNames(String selector, String purl, boolean matches) {
        assertThat(new ComponentSelector.Purl(selector).matches(component(purl), ID)).isEqualTo(matches);
    }

    @Test
    void patternsCpesAndFindingIds() {
        assertThat(new ComponentSelector.PurlPattern("pkg:golang/golang.org/x/*").matches(component("pkg:golang/golang.org/x/net@v0.1.0"), ID)).isTrue();
        assertThat(new ComponentSelector.PurlPattern("pkg:golang/golang.org/x/*").matches(component("pkg:golang/github.com/x/net@v0.1.0"), ID)).isFalse();
        assertThat(new ComponentSelector.PurlPattern("pkg:npm/a.b").matches(component("pkg:npm/aXb"), ID))
                .as("only * is special").isFalse();
        Component busybox = new Component("ref", "busybox", "", "1.31.1", "", "cpe:2.3:a:busybox:busybox:1.31.1:*:*:*:*:*:*:*", "", null, null, null, null);
        assertThat(new ComponentSelector.Cpe("CPE:2.3:a:busybox:busybox:1.31.1:*:*:*:*:*:*:*").matches(busybox, ID)).isTrue();
        assertThat(new ComponentSelector.Purl("pkg:npm/busybox").matches(busybox, ID)).as("no purl, no purl match").isFalse();
        assertThat(new ComponentSelector.Finding(ID).matches(busybox, ID)).isTrue();
        assertThat(new ComponentSelector.Finding(ID).matches(busybox, new FindingId("TF-ffffffffffffffffffff"))).isFalse();
        assertThatThrownBy(() -> new ComponentSelector.Purl("npm/lodash")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a package URL");
    }
}
