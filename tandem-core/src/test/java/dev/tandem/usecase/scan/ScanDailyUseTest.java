package dev.tandem.usecase.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tandem.advisory.EpssScore;
import dev.tandem.advisory.SourcedSeverity;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.match.Finding;
import dev.tandem.snapshot.Snapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What makes the scan a daily tool, on in-memory documents: EPSS per finding and as a failure
 * condition, every source's CVSS, honest coverage, ignore files, baselines, KEV-first across SBOMs,
 * KEV folders holding schemas, and a stale snapshot said to be stale.
 */
class ScanDailyUseTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    /** EPSS scores: Log4Shell's CVE high, the Django CVE low. */
    static final InputDocument EPSS = InputDocument.of("epss.csv", """
            #model_version:v2025.03.14,score_date:2026-12-05T00:00:00Z
            cve,epss,percentile
            CVE-2021-44228,0.94358,0.99962
            CVE-2021-0001,0.00120,0.31000
            """);

    private static ScanRequest request(List<InputDocument> sboms, AdvisoryInput advisories) {
        return new ScanRequest(sboms.stream().map(SbomInput::of).toList(), advisories,
                List.of(KevInput.of(ScanInputs.cisaKev())), NOW);
    }

    private static ScanRequest request() {
        return request(List.of(ScanInputs.cycloneDxJson()), new AdvisoryInput.Documents(ScanInputs.osv(), false));
    }

    private static ScanResult run(ScanRequest request) throws InputException {
        return new ScanUseCase("test").run(request);
    }

    private static Finding finding(ScanResult result, String id) {
        return result.findings().stream().filter(f -> f.vulnerability().id().equals(id)).findFirst().orElseThrow();
    }

    private static Snapshot snapshot(InputDocument epss, Instant built) throws InputException {
        DbBuildResult result = new DbBuildUseCase("test").run(new DbBuildRequest(
                new AdvisoryInput.Documents(ScanInputs.osv(), false), List.of(KevInput.of(ScanInputs.cisaKev())), built, epss));
        byte[] bytes = new byte[(int) result.size()];
        result.snapshot().get(bytes);
        return Snapshot.of("memory.tdb", bytes);
    }

    @Test
    void eachFindingCarriesItsEpssWhetherFromAFileOrFromTheSnapshot() throws InputException {
        ScanResult fromFile = run(request().withEpss(EPSS));
        assertThat(fromFile.epss().count()).isEqualTo(2);
        assertThat(fromFile.epss().modelVersion()).isEqualTo("v2025.03.14");
        // The finding's id is the CVE; the score is joined through it.
        EpssScore log4j = fromFile.epssOf(finding(fromFile, "CVE-2021-44228")).orElseThrow();
        assertThat(log4j.score()).isEqualTo(0.94358);
        assertThat(log4j.percentile()).isEqualTo(0.99962);
        assertThat(log4j.date()).hasToString("2026-12-05");

        ScanResult fromSnapshot = run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.LoadedSnapshot(snapshot(EPSS, NOW)), List.of(), NOW));
        assertThat(fromSnapshot.epssOf(finding(fromSnapshot, "CVE-2021-44228"))).contains(log4j);
        assertThat(fromSnapshot.epssOf(finding(fromSnapshot, "CVE-2021-0001")).orElseThrow().score()).isEqualTo(0.0012);

        // A fresher file given with the snapshot replaces its scores.
        InputDocument fresher = InputDocument.of("fresher.csv", "cve,epss,percentile\nCVE-2021-44228,0.5,0.9\n");
        ScanResult over = run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.LoadedSnapshot(snapshot(EPSS, NOW)), List.of(), NOW).withEpss(fresher));
        assertThat(over.epss().source()).isEqualTo("fresher.csv");
        assertThat(over.epssOf(finding(over, "CVE-2021-44228")).orElseThrow().score()).isEqualTo(0.5);
        assertThat(over.epssOf(finding(over, "CVE-2021-0001"))).isEmpty();

        ScanResult without = run(request());
        assertThat(without.epss()).isNull();
        assertThat(without.epssOf(finding(without, "CVE-2021-44228"))).isEmpty();
    }

    @Test
    void theEpssOfAnAliasGroupIsTheHighestOfItsCveIds() throws InputException {
        // Two CVE ids of one vulnerability (a duplicate CVE as alias): the higher score counts, with its CVE.
        InputDocument osv = InputDocument.of("osv/dup.json", """
                {"id":"GHSA-aaaa-bbbb-cccc","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2024-1000","CVE-2024-2000"],
                 "affected":[{"package":{"ecosystem":"PyPI","name":"django"},
                  "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"9"}]}]}]}
                """);
        InputDocument epss = InputDocument.of("epss.csv", "cve,epss,percentile\nCVE-2024-1000,0.1,0.5\nCVE-2024-2000,0.7,0.95\n");
        ScanResult result = run(request(List.of(ScanInputs.cycloneDxJson()), new AdvisoryInput.Documents(List.of(osv), false))
                .withEpss(epss));
        EpssScore score = result.epssOf(finding(result, "CVE-2024-1000")).orElseThrow();
        assertThat(score.cve()).isEqualTo("CVE-2024-2000");
        assertThat(score.score()).isEqualTo(0.7);
    }

    @Test
    void failConditionsReadEpssAndKnownExploitedMeetsThemAll() throws InputException {
        ScanResult result = run(request().withEpss(EPSS));
        Finding django = finding(result, "CVE-2021-0001");
        assertThat(FailCondition.parse("epss:0.5").isMetBy(django, result.epssOf(django).orElse(null))).isFalse();
        assertThat(FailCondition.parse("epss:0.001").isMetBy(django, result.epssOf(django).orElse(null))).isTrue();
        assertThat(FailCondition.parse("EPSS-Percentile:0.3").isMetBy(django, result.epssOf(django).orElse(null))).isTrue();
        assertThat(FailCondition.parse("epss-percentile:0.9").isMetBy(django, result.epssOf(django).orElse(null))).isFalse();
        Finding log4j = finding(result, "CVE-2021-44228");
        assertThat(FailCondition.parse("epss:1").isMetBy(log4j, null)).as("known exploited").isTrue();
        assertThat(result.anyMeets(FailCondition.parse("epss:0.9"))).isTrue();
        assertThat(result.anyMeets(FailCondition.parse("high"))).isTrue();
        assertThat(FailCondition.parse("kev")).isEqualTo(new FailCondition.Level(FailThreshold.KEV));
        assertThat(FailCondition.parse(" epss:0.5 ").text()).isEqualTo("epss:0.5");
        assertThatThrownBy(() -> FailCondition.parse("epss:1.5")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FailCondition.parse("epss:high")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FailCondition.parse("severe")).hasMessageContaining("kev, critical, high");
        assertThatThrownBy(() -> FailCondition.parse("cvss:7")).hasMessageContaining("not a failure condition");
    }

    @Test
    void everySeverityIsListedWithTheAdvisoryThatStatesItInMemoryAndFromASnapshot() throws InputException {
        InputDocument second = InputDocument.of("osv/log4j-v4.json", """
                {"id":"GO-2099-0001","modified":"2021-12-11T00:00:00Z","aliases":["CVE-2021-44228"],
                 "affected":[{"package":{"ecosystem":"Maven","name":"org.apache.logging.log4j:log4j-core"},
                  "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.0"},{"fixed":"2.15.0"}]}],
                  "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N"}]}]}
                """);
        List<InputDocument> osv = new java.util.ArrayList<>(ScanInputs.osv());
        osv.add(second);
        ScanResult memory = run(request(List.of(ScanInputs.cycloneDxJson()), new AdvisoryInput.Documents(osv, false)));
        List<SourcedSeverity> stated = finding(memory, "CVE-2021-44228").vulnerability().severities();
        assertThat(stated).extracting(SourcedSeverity::source, SourcedSeverity::recordId, s -> s.severity().baseScore())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("OSV", "GHSA-jfh8-c2jp-5v3q", 10.0),
                        org.assertj.core.groups.Tuple.tuple("OSV", "GO-2099-0001", 3.7));

        DbBuildResult built = new DbBuildUseCase("test").run(new DbBuildRequest(new AdvisoryInput.Documents(osv, false),
                List.of(), NOW));
        byte[] bytes = new byte[(int) built.size()];
        built.snapshot().get(bytes);
        ScanResult snapshot = run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.LoadedSnapshot(Snapshot.of("m.tdb", bytes)), List.of(), NOW));
        assertThat(finding(snapshot, "CVE-2021-44228").vulnerability().severities()).isEqualTo(stated);
    }

    @Test
    void anEcosystemWithoutAdvisoriesMakesTheCoverageIncompleteAndIsSaid() throws InputException {
        InputDocument npm = InputDocument.of("web.cdx.json", """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"type":"application","name":"Web UI","version":"3"}},
                 "components":[{"type":"library","name":"lodash","version":"4.17.20","purl":"pkg:npm/lodash@4.17.20"},
                  {"type":"library","name":"react","version":"18.0.0","purl":"pkg:npm/react@18.0.0"},
                  {"type":"library","name":"Django","version":"4.2.0","purl":"pkg:pypi/django@4.2.0"}]}
                """);
        ScanResult result = run(request(List.of(npm), new AdvisoryInput.Documents(ScanInputs.osv(), false)));
        assertThat(result.findings()).isEmpty();
        Coverage coverage = result.coverage();
        assertThat(coverage.complete()).isFalse();
        assertThat(coverage.unchecked()).isEqualTo(2);
        assertThat(coverage.ecosystems()).extracting(Coverage.Ecosystem::ecosystem, Coverage.Ecosystem::components,
                Coverage.Ecosystem::checked).containsExactly(org.assertj.core.groups.Tuple.tuple("PyPI", 1L, true),
                org.assertj.core.groups.Tuple.tuple("npm", 2L, false));
        assertThat(result.warnings()).containsExactly(
                "coverage: no advisories for ecosystem npm were loaded, so its 2 components were not checked");
        assertThat(coverage.sboms()).singleElement().satisfies(s -> assertThat(s.complete()).isFalse());

        // With advisories for every ecosystem and every component matched, the coverage is complete.
        InputDocument pypiOnly = InputDocument.of("py.cdx.json", """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "components":[{"type":"library","name":"Django","version":"4.2.0","purl":"pkg:pypi/django@4.2.0"}]}
                """);
        ScanResult complete = run(request(List.of(pypiOnly), new AdvisoryInput.Documents(ScanInputs.osv(), false)));
        assertThat(complete.coverage().complete()).isTrue();
        assertThat(complete.warnings()).isEmpty();
    }

    @Test
    void knownExploitedFindingsComeFirstAcrossAllSboms() throws InputException {
        InputDocument djangoOnly = InputDocument.of("a.cdx.json", """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"type":"application","name":"A","version":"1"}},
                 "components":[{"type":"library","name":"Django","version":"3.2.0","purl":"pkg:pypi/django@3.2.0"}]}
                """);
        ScanResult result = run(request(List.of(djangoOnly, ScanInputs.cycloneDxJson()),
                new AdvisoryInput.Documents(ScanInputs.osv(), false)));
        assertThat(result.findings()).extracting(f -> f.vulnerability().id())
                .containsExactly("CVE-2021-44228", "CVE-2021-0001", "CVE-2021-0001");
        assertThat(result.located().get(0).sbom().sbom().source()).isEqualTo("router.cdx.json");
        // Within each SBOM the report keeps its own order.
        assertThat(result.reports().get(0).findings()).extracting(f -> f.vulnerability().id()).containsExactly("CVE-2021-0001");
    }

    @Test
    void theIgnoreFileSuppressesUntilItExpiresThenWarns() throws InputException {
        InputDocument ignore = InputDocument.of(".tandem-ignore.yaml", """
                ignore:
                  - id: CVE-2021-44228
                    purl: pkg:maven/org.apache.logging.log4j/log4j-core
                    reason: JndiLookup removed from the class path
                    expires: 2026-12-06
                """);
        ScanResult onTheDay = run(request().withIgnoreFile(ignore));
        assertThat(onTheDay.suppressed(finding(onTheDay, "CVE-2021-44228"))).isTrue();
        assertThat(onTheDay.anyAtOrAbove(FailThreshold.KEV)).isFalse();
        ScanResult nextDay = new ScanUseCase("test").run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.Documents(ScanInputs.osv(), false), List.of(KevInput.of(ScanInputs.cisaKev())),
                NOW.plus(java.time.Duration.ofDays(1))).withIgnoreFile(ignore));
        assertThat(nextDay.suppressed(finding(nextDay, "CVE-2021-44228"))).isFalse();
        assertThat(nextDay.warnings()).contains("the ignore entry for CVE-2021-44228 in .tandem-ignore.yaml:2 expired on "
                + "2026-12-06; it no longer suppresses");
        assertThat(nextDay.anyAtOrAbove(FailThreshold.KEV)).isTrue();
    }

    @Test
    void aBaselineSortsFindingsIntoNewUnchangedAndFixed() throws InputException {
        ScanResult first = run(request());
        String id = finding(first, "CVE-2021-44228").findingId().value();
        InputDocument previous = InputDocument.of("previous.json", """
                {"formatVersion":1,"scannedAt":"2026-12-01T10:00:00Z","findings":[
                  {"findingId":"%s","id":"CVE-2021-44228","purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
                  {"findingId":"TF-00000000000000000001","id":"CVE-2019-0001","purl":"pkg:npm/old@1.0.0","product":"Router firmware",
                   "knownExploited":true}],
                 "someFieldOfALaterVersion":{}}
                """.formatted(id));
        ScanResult result = run(request().withBaseline(previous));
        BaselineComparison baseline = result.baseline();
        assertThat(baseline.source()).isEqualTo("previous.json");
        assertThat(baseline.previousScannedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(baseline.stateOf(finding(result, "CVE-2021-44228").findingId())).isEqualTo("unchanged");
        assertThat(baseline.stateOf(finding(result, "CVE-2021-0001").findingId())).isEqualTo("new");
        assertThat(baseline.fixed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("CVE-2019-0001");
            assertThat(f.knownExploited()).isTrue();
        });
        assertThat(baseline.newCount() + baseline.unchangedCount()).isEqualTo(result.findings().size());
        assertThat(run(request()).baseline()).isNull();
    }

    @Test
    void baselineCountsAreOfFindingsAndAddUpWhenTwoFindingsShareAnId() throws InputException {
        // One product's SBOM given twice (as two releases with the same components would be): every finding id twice.
        ScanRequest twice = request(List.of(ScanInputs.cycloneDxJson(), ScanInputs.cycloneDxJson()),
                new AdvisoryInput.Documents(ScanInputs.osv(), false));
        ScanResult first = run(twice);
        String id = finding(first, "CVE-2021-44228").findingId().value();
        InputDocument previous = InputDocument.of("previous.json", """
                {"formatVersion":1,"findings":[{"findingId":"%s","id":"CVE-2021-44228"}]}""".formatted(id));
        ScanResult result = run(twice.withBaseline(previous));
        long log4shell = result.findings().stream().filter(f -> f.findingId().value().equals(id)).count();
        assertThat(log4shell).isEqualTo(2);
        assertThat(result.baseline().unchangedCount()).isEqualTo(2);
        assertThat(result.baseline().newCount()).isEqualTo(result.findings().size() - 2);
        assertThat(result.baseline().added()).hasSize((result.findings().size() - 2) / 2);
    }

    @Test
    void aBaselineThatIsNotAScanReportIsRefusedNamingFileAndPlace() {
        assertThat(refusedBaseline("{\"findings\":[]}")).startsWith("b.json: ").contains("/formatVersion")
                .endsWith("not a Tandem scan report in JSON: no formatVersion");
        assertThat(refusedBaseline("{\"formatVersion\":2,\"findings\":[]}")).contains("format version 2").contains("reads version 1");
        assertThat(refusedBaseline("{\"formatVersion\":1}")).contains("no findings array");
        assertThat(refusedBaseline("{\"formatVersion\":1,\"findings\":[{\"id\":\"CVE-1\"}]}")).contains("/findings/0/findingId")
                .contains("has no findingId");
        assertThat(refusedBaseline("{\"formatVersion\":1,\"findings\":[{\"findingId\":\"F-1\"}]}"))
                .contains("\"F-1\" is not a finding id");
        assertThat(refusedBaseline("{\"formatVersion\":1,\"findings\":[")).startsWith("b.json: line 1");
        assertThat(refusedBaseline("[1,2]")).contains("expected a JSON object");
    }

    private static String refusedBaseline(String json) {
        return catchThrowableOfType(InputException.class, () -> run(request().withBaseline(InputDocument.of("b.json", json))))
                .getMessage();
    }

    @Test
    void aKevFolderMayHoldTheCataloguesSchemaAGivenSchemaIsAnError() throws InputException {
        InputDocument schema = InputDocument.of("kev/schema.json", """
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{}}
                """);
        ScanResult result = new ScanUseCase("test").run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.Documents(ScanInputs.osv(), false),
                List.of(KevInput.folder("kev", List.of(ScanInputs.cisaKev(), schema))), NOW));
        assertThat(result.knownExploitedCount()).isEqualTo(1);
        assertThat(result.warnings()).contains("skipped kev/schema.json: a JSON Schema, not a KEV catalogue");
        assertThat(result.advisories().kevSources()).containsExactly("kev");

        assertThatThrownBy(() -> new ScanUseCase("test").run(new ScanRequest(List.of(), new AdvisoryInput.Documents(
                ScanInputs.osv(), false), List.of(KevInput.of(schema)), NOW))).isInstanceOf(InputException.class)
                .hasMessage("kev/schema.json: a JSON Schema, not a KEV catalogue (give the catalogue the schema describes)");
        assertThatThrownBy(() -> new ScanUseCase("test").run(new ScanRequest(List.of(), new AdvisoryInput.Documents(
                ScanInputs.osv(), false), List.of(KevInput.folder("kev", List.of(schema))), NOW)))
                .hasMessage("kev: the directory contains no KEV catalogue (only JSON Schemas)");
    }

    @Test
    void kevCountsSayEntriesAndCvesAndAddUp() throws InputException {
        ScanResult result = new ScanUseCase("test").run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.Documents(ScanInputs.osv(), false),
                List.of(KevInput.of(ScanInputs.cisaKev()), KevInput.of(ScanInputs.euKev()),
                        KevInput.of(InputDocument.of("kev/eu2.json", """
                                [{"cveID":"CVE-2021-44228","vendorProject":"Apache","product":"Log4j","dateReported":"2026/07/31",
                                  "exploitationType":["ransomware"]}]
                                """))), NOW));
        ScanResult.AdvisorySummary counts = result.advisories();
        // Three entries (CISA and EU name Log4Shell, EU names Confluence): two CVEs, one joined an advisory.
        assertThat(counts.kevEntries()).isEqualTo(3);
        assertThat(counts.kevCves()).isEqualTo(2);
        assertThat(counts.kevMatched() + counts.kevUnmatched()).isEqualTo(counts.kevCves());
        assertThat(counts.kevMatched()).isEqualTo(1);
    }

    @Test
    void aSnapshotOlderThanAWeekIsSaidToBeStale() throws InputException {
        Snapshot old = snapshot(null, NOW.minus(java.time.Duration.ofDays(12)));
        ScanResult result = run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.LoadedSnapshot(old), List.of(), NOW));
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("the advisory snapshot was built 12 days before this scan"));
        Snapshot fresh = snapshot(null, NOW.minus(java.time.Duration.ofDays(2)));
        assertThat(run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.LoadedSnapshot(fresh), List.of(), NOW)).warnings()).noneMatch(w -> w.contains("snapshot"));
    }
}
