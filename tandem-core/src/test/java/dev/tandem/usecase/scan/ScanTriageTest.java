package dev.tandem.usecase.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.input.InputException;
import dev.tandem.match.Finding;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.ComponentSelector;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Origin;
import dev.tandem.triage.Response;
import dev.tandem.triage.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Triage statements applied by a scan, in memory: which findings they suppress or annotate, what the
 * failure threshold still sees, and what is reported about statements that expired or matched nothing.
 */
class ScanTriageTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    private static ScanResult scan(List<Statement> statements) throws InputException {
        return new ScanUseCase("test").run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.Documents(ScanInputs.osv(), false), List.of(KevInput.of(ScanInputs.cisaKev())), NOW,
                statements));
    }

    private static Statement vex(String vulnerability, ComponentSelector component, AnalysisState state) {
        return new Statement(Origin.VEX, "vendor.vex.json", vulnerability, component, state,
                state == AnalysisState.NOT_AFFECTED ? Justification.CODE_NOT_REACHABLE : null, "JNDI lookups are disabled",
                List.of(Response.WILL_NOT_FIX), "PSIRT", Instant.parse("2026-11-30T08:00:00Z"), null, "");
    }

    private static Finding log4j(ScanResult result) {
        return result.findings().stream().filter(f -> f.component().purl().equals(LOG4J)).findFirst().orElseThrow();
    }

    @Test
    void aNotAffectedStatementNamingAnAliasSuppressesTheFindingButKeepsItInTheResult() throws InputException {
        // The statement names the GHSA alias; the finding's id is the CVE: aliases join them.
        ScanResult result = scan(List.of(vex("GHSA-jfh8-c2jp-5v3q",
                new ComponentSelector.Purl("pkg:maven/org.apache.logging.log4j/log4j-core"), AnalysisState.NOT_AFFECTED)));
        Finding log4j = log4j(result);
        assertThat(result.suppressed(log4j)).isTrue();
        assertThat(result.findings()).hasSize(2);
        assertThat(result.suppressedCount()).isEqualTo(1);
        assertThat(result.triage().about(log4j.findingId())).singleElement()
                .satisfies(s -> assertThat(s.justification()).isEqualTo(Justification.CODE_NOT_REACHABLE));
        // Still known exploited, but no longer what the KEV threshold fails on.
        assertThat(log4j.knownExploited()).isTrue();
        assertThat(result.anyAtOrAbove(FailThreshold.KEV)).isFalse();
        assertThat(triageWarnings(result)).isEmpty();
    }

    @Test
    void affectedAndUnderInvestigationAnnotateWithoutSuppressing() throws InputException {
        ScanResult result = scan(List.of(vex("CVE-2021-44228", new ComponentSelector.AnyComponent(), AnalysisState.IN_TRIAGE)));
        Finding log4j = log4j(result);
        assertThat(result.suppressed(log4j)).isFalse();
        assertThat(result.triage().about(log4j.findingId())).hasSize(1);
        assertThat(result.anyAtOrAbove(FailThreshold.KEV)).isTrue();
    }

    @Test
    void aVersionedPurlCoversOnlyThatReleaseAndAStatementMatchingNothingIsReported() throws InputException {
        ScanResult result = scan(List.of(vex("CVE-2021-44228",
                new ComponentSelector.Purl("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.0"), AnalysisState.NOT_AFFECTED)));
        assertThat(result.suppressedCount()).isZero();
        assertThat(triageWarnings(result)).singleElement().asString()
                .contains("the VEX statement for CVE-2021-44228 in vendor.vex.json").endsWith("matches no finding");
    }

    @Test
    void anIgnoreEntrySuppressesUntilItsExpiryThenWarnsAndStops() throws InputException {
        Statement until = Statement.ignore(".tandem-ignore.yaml", "CVE-2021-44228",
                new ComponentSelector.PurlPattern("pkg:maven/org.apache.logging.log4j/*"), "patched in our fork", LocalDate.parse("2026-12-01"));
        ScanResult onTheDay = scan(List.of(until));
        assertThat(onTheDay.suppressed(log4j(onTheDay))).isTrue();

        Statement lapsed = Statement.ignore(".tandem-ignore.yaml", "CVE-2021-44228",
                new ComponentSelector.PurlPattern("pkg:maven/org.apache.logging.log4j/*"), "patched in our fork", LocalDate.parse("2026-11-30"));
        ScanResult after = scan(List.of(lapsed));
        assertThat(after.suppressed(log4j(after))).isFalse();
        assertThat(after.triage().about(log4j(after).findingId())).containsExactly(lapsed);
        assertThat(triageWarnings(after)).singleElement().asString()
                .isEqualTo("the ignore entry for CVE-2021-44228 in .tandem-ignore.yaml expired on 2026-11-30; it no longer suppresses");
    }

    @Test
    void whenSourcesDisagreeTheFindingStaysVisibleAndTheConflictIsReported() throws InputException {
        ScanResult result = scan(List.of(
                vex("CVE-2021-44228", new ComponentSelector.AnyComponent(), AnalysisState.NOT_AFFECTED),
                new Statement(Origin.TRIAGE, "alice", "CVE-2021-44228", new ComponentSelector.AnyComponent(),
                        AnalysisState.EXPLOITABLE, null, "reachable from the web UI", List.of(), "alice", NOW, null, "")));
        assertThat(result.suppressed(log4j(result))).isFalse();
        assertThat(triageWarnings(result)).singleElement().asString().contains("contradicts").contains("(exploitable)");
    }

    @Test
    void aTriageDecisionAddressesOneFindingByItsStableId() throws InputException {
        ScanResult first = scan(List.of());
        Finding log4j = log4j(first);
        ScanResult decided = scan(List.of(new Statement(Origin.TRIAGE, "bob", "CVE-2021-44228",
                new ComponentSelector.Finding(log4j.findingId()), AnalysisState.FALSE_POSITIVE, null, "", List.of(), "bob",
                NOW, null, "")));
        assertThat(decided.suppressed(log4j(decided))).isTrue();
        assertThat(decided.findings().stream().filter(decided::suppressed)).hasSize(1);
    }

    /** The warnings about statements: the scan also warns that the modem blob (no purl) could not be matched. */
    private static List<String> triageWarnings(ScanResult result) {
        return result.warnings().stream().filter(w -> !w.startsWith("coverage:")).toList();
    }
}
