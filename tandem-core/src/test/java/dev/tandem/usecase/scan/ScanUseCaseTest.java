package dev.tandem.usecase.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.match.Finding;
import dev.tandem.sbom.SbomReaders;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.triage.ComponentSelector;
import dev.tandem.triage.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ScanUseCase} driven with in-memory SBOM, OSV and KEV documents only: no files, no paths. */
class ScanUseCaseTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    private static ScanResult scan(List<InputDocument> sboms, AdvisoryInput advisories, List<InputDocument> kev)
            throws InputException {
        return new ScanUseCase("test").run(new ScanRequest(sboms.stream().map(SbomInput::of).toList(), advisories,
                kev.stream().map(KevInput::of).toList(), NOW));
    }

    private static ScanResult scan(InputDocument sbom) throws InputException {
        return scan(List.of(sbom), new AdvisoryInput.Documents(ScanInputs.osv(), false), List.of(ScanInputs.cisaKev()));
    }

    /** Vulnerability id (with ! when known exploited) → finding id, of every finding. */
    private static Map<String, String> ids(ScanResult result) {
        Map<String, String> ids = new TreeMap<>();
        for (Finding finding : result.findings()) {
            ids.put(finding.vulnerability().id() + (finding.knownExploited() ? "!" : ""), finding.findingId().value());
        }
        return ids;
    }

    private static Snapshot snapshot(List<InputDocument> kev) throws InputException {
        DbBuildResult built = new DbBuildUseCase("test").run(new DbBuildRequest(
                new AdvisoryInput.Documents(ScanInputs.osv(), false), kev.stream().map(KevInput::of).toList(), NOW));
        byte[] bytes = new byte[(int) built.size()];
        built.snapshot().get(bytes);
        return Snapshot.of("memory.tdb", bytes);
    }

    @Test
    void findsTheExploitedLog4jThroughItsCveAliasAndListsWhatCannotBeMatched() throws InputException {
        ScanResult result = scan(ScanInputs.cycloneDxJson());
        assertThat(ids(result).keySet()).containsExactly("CVE-2021-0001", "CVE-2021-44228!");
        Finding log4j = result.findings().get(0);
        assertThat(log4j.component().purl()).isEqualTo(LOG4J);
        assertThat(log4j.vulnerability().aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4j.exploitation()).singleElement().satisfies(e -> {
            assertThat(e.catalog()).isEqualTo(KevCatalog.CISA);
            assertThat(e.knownRansomwareUse()).isTrue();
        });
        assertThat(log4j.fixedIn()).containsExactly("2.15.0");
        assertThat(result.reports().get(0).unmatched()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo("no package URL (purl)"));
        assertThat(result.knownExploitedCount()).isEqualTo(1);
        assertThat(result.componentCount()).isEqualTo(3);
        assertThat(result.anyAtOrAbove(FailThreshold.KEV)).isTrue();
        assertThat(result.scannedAt()).isEqualTo(NOW);
        assertThat(result.toolVersion()).isEqualTo("test");
        // The modem blob has no purl: the scan says it could not check it, in the warnings and the coverage.
        assertThat(result.warnings()).singleElement().asString().startsWith("coverage: 1 component could not be matched");
        assertThat(result.coverage().complete()).isFalse();
        assertThat(result.coverage().unmatched()).isEqualTo(1);
        assertThat(result.coverage().ecosystems()).extracting(Coverage.Ecosystem::ecosystem, Coverage.Ecosystem::components,
                Coverage.Ecosystem::advisories).containsExactly(org.assertj.core.groups.Tuple.tuple("Maven", 1L, 1L),
                org.assertj.core.groups.Tuple.tuple("PyPI", 1L, 1L));
        ScanResult.AdvisorySummary advisories = result.advisories();
        assertThat(advisories.advisories()).isEqualTo(2);
        assertThat(advisories.vulnerabilities()).isEqualTo(2);
        assertThat(advisories.kevEntries()).isEqualTo(1);
        assertThat(advisories.kevMatched()).isEqualTo(1);
        assertThat(advisories.indexedPackages()).isEqualTo(2);
        assertThat(advisories.sources()).containsExactly("osv/log4j.json", "osv/django.yaml");
        assertThat(advisories.kevSources()).containsExactly("kev/cisa.json");
    }

    @Test
    void findingIdsAreTheSameInEveryFormatOfTheSameSbom() throws InputException {
        Map<String, String> expected = ids(scan(ScanInputs.cycloneDxJson()));
        assertThat(expected).hasSize(2);
        assertThat(expected.values()).allMatch(id -> id.matches("TF-[0-9a-f]{20}")).doesNotHaveDuplicates();
        for (InputDocument sbom : List.of(ScanInputs.cycloneDxXml(), ScanInputs.spdxJson(), ScanInputs.spdxTagValue())) {
            assertThat(ids(scan(sbom))).as(sbom.source()).isEqualTo(expected);
        }
    }

    @Test
    void findingIdsSurviveAnotherFileNameAnotherProductVersionAndAnotherScanTime() throws InputException {
        Map<String, String> expected = ids(scan(ScanInputs.cycloneDxJson()));
        assertThat(ids(scan(ScanInputs.cycloneDxJson("releases/2.0/router.json", "2.0", "2.14.1")))).isEqualTo(expected);
        ScanResult later = new ScanUseCase("other").run(new ScanRequest(List.of(SbomInput.of(ScanInputs.cycloneDxJson())),
                new AdvisoryInput.Documents(ScanInputs.osv().reversed(), false), List.of(KevInput.of(ScanInputs.cisaKev())),
                NOW.plusSeconds(86_400)));
        assertThat(ids(later)).isEqualTo(expected);
    }

    @Test
    void aNewComponentVersionGetsANewFindingId() throws InputException {
        Map<String, String> before = ids(scan(ScanInputs.cycloneDxJson()));
        Map<String, String> after = ids(scan(ScanInputs.cycloneDxJson("router.cdx.json", "1.1", "2.14.0")));
        assertThat(after.get("CVE-2021-44228!")).isNotEqualTo(before.get("CVE-2021-44228!"));
        // Django did not change: its decision carries over to the next release.
        assertThat(after.get("CVE-2021-0001")).isEqualTo(before.get("CVE-2021-0001"));
    }

    @Test
    void documentsASnapshotAndAPrebuiltIndexGiveTheSameFindingsAndIds() throws InputException {
        List<InputDocument> sboms = List.of(ScanInputs.cycloneDxJson(), ScanInputs.spdxJson());
        ScanResult documents = scan(sboms, new AdvisoryInput.Documents(ScanInputs.osv(), false), List.of(ScanInputs.cisaKev()));
        ScanResult snapshot = scan(sboms, new AdvisoryInput.LoadedSnapshot(snapshot(List.of(ScanInputs.cisaKev()))), List.of());
        AdvisoryDatabase database = AdvisoryDatabase.build(
                AdvisoryLoader.read(ScanInputs.osv(), LoadOptions.strict()).advisories(),
                KevReader.read("kev/cisa.json", ScanInputs.cisaKev().content()));
        ScanResult index = scan(sboms, AdvisoryInput.Index.of(database, List.of("memory"), List.of("kev/cisa.json")), List.of());
        for (ScanResult other : List.of(snapshot, index)) {
            assertThat(other.findings()).extracting(f -> f.findingId().value())
                    .containsExactlyElementsOf(documents.findings().stream().map(f -> f.findingId().value()).toList());
            assertThat(ids(other)).isEqualTo(ids(documents));
        }
        assertThat(snapshot.advisories().sources()).containsExactly("osv/log4j.json", "osv/django.yaml");
        assertThat(snapshot.advisories().kevSources()).containsExactly("kev/cisa.json");
        assertThat(index.advisories().sources()).containsExactly("memory");
    }

    @Test
    void fresherKevOverASnapshotReplacesTheSnapshotsAssertionsOfThatCatalogueOnly() throws InputException {
        Snapshot built = snapshot(List.of(ScanInputs.cisaKev()));
        List<InputDocument> sbom = List.of(ScanInputs.cycloneDxJson());
        // The EU list says nothing about Log4Shell: CISA's assertion from the snapshot stays.
        ScanResult euOnly = scan(sbom, new AdvisoryInput.LoadedSnapshot(built), List.of(ScanInputs.euKev()));
        assertThat(ids(euOnly)).containsKey("CVE-2021-44228!");
        assertThat(euOnly.advisories().kevSources()).containsExactly("kev/cisa.json", "kev/eu.json");
        // A fresher CISA catalogue that no longer lists it replaces the snapshot's CISA assertions.
        InputDocument fresher = ScanInputs.cisaKev("CVE-2099-0001");
        ScanResult replaced = scan(sbom, new AdvisoryInput.LoadedSnapshot(built), List.of(fresher));
        assertThat(ids(replaced)).containsKey("CVE-2021-44228").doesNotContainKey("CVE-2021-44228!");
        assertThat(replaced.advisories().kevEntries()).isEqualTo(1);
        assertThat(replaced.advisories().kevMatched()).isZero();
        // The finding is the same finding, exploited or not: its id does not change.
        assertThat(ids(replaced).get("CVE-2021-44228")).isEqualTo(ids(euOnly).get("CVE-2021-44228!"));
    }

    @Test
    void aLenientLoadTurnsABadRecordIntoAWarningAndAStrictOneNamesIt() throws InputException {
        List<InputDocument> osv = new ArrayList<>(ScanInputs.osv());
        osv.add(InputDocument.of("osv/broken.json", "{\"id\": \"BROKEN-1\", \"modified\": "));
        ScanResult lenient = scan(List.of(ScanInputs.cycloneDxJson()), new AdvisoryInput.Documents(osv, true), List.of());
        assertThat(lenient.warnings()).filteredOn(w -> !w.startsWith("coverage:")).singleElement().asString()
                .startsWith("skipped advisory: osv/broken.json: line 1");
        assertThat(lenient.findings()).hasSize(2);
        assertThatThrownBy(() -> scan(List.of(ScanInputs.cycloneDxJson()), new AdvisoryInput.Documents(osv, false), List.of()))
                .isInstanceOf(InputException.class).hasMessageStartingWith("osv/broken.json: line 1");
    }

    @Test
    void anOsvDocumentWithoutAUsefulNameIsReadByItsContent() throws InputException {
        List<InputDocument> unnamed = List.of(new InputDocument("upload-1", ScanInputs.osv().get(0).content()),
                new InputDocument("upload-2", ScanInputs.osv().get(1).content()));
        assertThat(ids(scan(List.of(ScanInputs.cycloneDxJson()), new AdvisoryInput.Documents(unnamed, false),
                List.of(ScanInputs.cisaKev())))).isEqualTo(ids(scan(ScanInputs.cycloneDxJson())));
    }

    @Test
    void badSbomAndKevDocumentsAreInputErrorsNamingTheDocumentAndLine() {
        InputDocument truncated = InputDocument.of("cut.cdx.json", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\n\"components\":[");
        assertThatThrownBy(() -> scan(truncated)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("cut.cdx.json: line 2");
        InputDocument notKev = InputDocument.of("kev/odd.json", "{\"catalogVersion\":\"1\"}");
        assertThatThrownBy(() -> scan(List.of(ScanInputs.cycloneDxJson()), new AdvisoryInput.Documents(ScanInputs.osv(), false),
                List.of(notKev))).isInstanceOf(InputException.class).hasMessageContaining("kev/odd.json")
                .hasMessageContaining("not a KEV catalogue");
    }

    @Test
    void aCorruptSnapshotIsRefusedNamingIt() throws InputException {
        DbBuildResult built = new DbBuildUseCase("test").run(new DbBuildRequest(
                new AdvisoryInput.Documents(ScanInputs.osv(), false), List.of(), NOW));
        byte[] bytes = new byte[(int) built.size()];
        built.snapshot().get(bytes);
        bytes[bytes.length / 2] ^= 0x10;
        assertThatThrownBy(() -> Snapshot.of("memory.tdb", bytes)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("memory.tdb: checksum mismatch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "spdx-json", "spdx"})
    void everyVulnerableComponentHasTheLineWhereItsSbomWritesIt(String format) throws InputException {
        InputDocument sbom = switch (format) {
            case "json" -> ScanInputs.cycloneDxJson();
            case "xml" -> ScanInputs.cycloneDxXml();
            case "spdx-json" -> ScanInputs.spdxJson();
            default -> ScanInputs.spdxTagValue();
        };
        ScanResult.ScannedSbom scanned = scan(sbom).sboms().get(0);
        List<String> lines = new String(sbom.content(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        for (Finding finding : scanned.report().findings()) {
            int line = scanned.lineOf(finding.component().purl());
            assertThat(line).isGreaterThan(1);
            assertThat(lines.get(line - 1)).contains(finding.component().purl());
        }
    }

    @Test
    void anSbomParsedByTheCallerIsScannedWithItsLocationsOnLineOne() throws InputException {
        ScanResult result = new ScanUseCase("test").run(new ScanRequest(
                List.of(new SbomInput.Parsed(SbomReaders.read(ScanInputs.cycloneDxJson()))),
                new AdvisoryInput.Documents(ScanInputs.osv(), false), List.of(KevInput.of(ScanInputs.cisaKev())), NOW));
        assertThat(ids(result)).isEqualTo(ids(scan(ScanInputs.cycloneDxJson())));
        assertThat(result.sboms().get(0).lineOf(LOG4J)).isEqualTo(1);
    }

    @Test
    void anSbomWithoutComponentsScansCleanly() throws InputException {
        InputDocument empty = InputDocument.of("empty.cdx.json",
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[]}");
        ScanResult result = scan(empty);
        assertThat(result.findings()).isEmpty();
        assertThat(result.unmatchedCount()).isZero();
        assertThat(result.anyAtOrAbove(FailThreshold.ANY)).isFalse();
    }

    @Test
    void aPrebuiltIndexTakesNoKevCatalogues() {
        AdvisoryDatabase database = AdvisoryDatabase.build(List.of(), List.of());
        assertThatThrownBy(() -> new ScanRequest(List.of(), AdvisoryInput.Index.of(database, List.of(), List.of()),
                List.of(KevInput.of(ScanInputs.cisaKev())), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A router image whose kernel is named by CPE and whose OpenSSL by name only, and two NVD records as documents. */
    private static final InputDocument FIRMWARE = InputDocument.of("firmware.cdx.json", """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "metadata":{"manufacturer":{"name":"Acme"},"component":{"type":"firmware","name":"Router firmware","version":"2.0"}},
             "components":[
              {"type":"operating-system","name":"linux","version":"6.6.14","cpe":"cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:*"},
              {"type":"library","name":"openssl","version":"1.0.1f","purl":"pkg:generic/openssl@1.0.1f"},
              {"type":"library","bom-ref":"l4j","group":"org.apache.logging.log4j","name":"log4j-core","version":"2.14.1",
               "purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}]}
            """);
    private static final InputDocument NVD = InputDocument.of("nvd.json", """
            {"vulnerabilities":[
             {"cve":{"id":"CVE-2014-0160","vulnStatus":"Analyzed","descriptions":[{"lang":"en","value":"Heartbleed."}],
              "configurations":[{"nodes":[{"operator":"OR","cpeMatch":[{"vulnerable":true,
               "criteria":"cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*","versionStartIncluding":"1.0.1","versionEndExcluding":"1.0.1g"}]}]}]}},
             {"cve":{"id":"CVE-2024-1086","vulnStatus":"Analyzed","descriptions":[{"lang":"en","value":"nf_tables use-after-free."}],
              "metrics":{"cvssMetricV31":[{"source":"nvd@nist.gov","type":"Primary",
               "cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"}}]},
              "configurations":[{"nodes":[{"operator":"OR","cpeMatch":[{"vulnerable":true,
               "criteria":"cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*","versionStartIncluding":"6.2","versionEndExcluding":"6.6.15"}]}]}]}},
             {"cve":{"id":"CVE-2021-44228","vulnStatus":"Analyzed","descriptions":[{"lang":"en","value":"Log4Shell."}],
              "metrics":{"cvssMetricV31":[{"source":"nvd@nist.gov","type":"Primary",
               "cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}}]},
              "configurations":[{"nodes":[{"operator":"OR","cpeMatch":[{"vulnerable":true,
               "criteria":"cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*","versionStartIncluding":"2.0.1","versionEndExcluding":"2.15.0"}]}]}]}}]}
            """);

    private static ScanResult firmwareScan(AdvisoryInput advisories, CveInput records) throws InputException {
        return new ScanUseCase("test").run(new ScanRequest(List.of(SbomInput.of(FIRMWARE)), advisories,
                List.of(KevInput.of(ScanInputs.cisaKev())), NOW, records));
    }

    @Test
    void nvdRecordsBesideOsvDocumentsMatchByCpeAndJoinTheOsvFindingOfTheirCve() throws InputException {
        ScanResult osvOnly = firmwareScan(new AdvisoryInput.Documents(ScanInputs.osv(), false), CveInput.none());
        ScanResult both = firmwareScan(new AdvisoryInput.Documents(ScanInputs.osv(), false),
                new CveInput.Documents(List.of(NVD), false));
        assertThat(osvOnly.findings()).extracting(f -> f.vulnerability().id()).containsExactly("CVE-2021-44228");
        assertThat(both.findings()).extracting(f -> f.vulnerability().id() + " " + f.matchedBy().id())
                .containsExactlyInAnyOrder("CVE-2021-44228 osv", "CVE-2024-1086 cpe", "CVE-2014-0160 cpe");
        // Log4Shell: found by OSV alone before, the same finding now (id and rule), the NVD record only joins its CVE.
        Finding log4j = both.findings().stream().filter(f -> f.vulnerability().id().equals("CVE-2021-44228")).findFirst()
                .orElseThrow();
        Finding before = osvOnly.findings().get(0);
        assertThat(log4j.findingId()).isEqualTo(before.findingId());
        assertThat(log4j.matchRule()).isEqualTo(before.matchRule());
        assertThat(log4j.knownExploited()).isTrue();
        assertThat(log4j.cpe()).isNull(); // a Maven package gets no CPE from its name
        assertThat(log4j.vulnerability().severities()).extracting(s -> s.severity().source()).contains("NVD CVE-2021-44228 (nvd@nist.gov, Primary)");
        assertThat(both.advisories().records()).isEqualTo(3);
        assertThat(both.advisories().cpeProducts()).isEqualTo(3);
        assertThat(both.advisories().recordSources()).containsExactly("nvd.json");
        assertThat(both.unmatchedCount()).isZero();
        // Coverage counts the components matched by CPE under CPE, against the records loaded.
        assertThat(both.coverage().ecosystems()).extracting(e -> e.ecosystem() + " " + e.components() + "/" + e.advisories())
                .contains("CPE 2/3");
        assertThat(both.coverage().unmatched()).isZero();
        assertThat(osvOnly.coverage().unmatched()).isEqualTo(2);
    }

    @Test
    void aSourceRepositoryComponentMatchedByCpeIsCoveredByCpeNotLeftUnchecked() throws InputException {
        InputDocument sbom = InputDocument.of("router.cdx.json", """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"type":"firmware","name":"Router firmware","version":"2.0"}},
                 "components":[{"type":"library","name":"wolfssl","version":"5.6.4",
                   "purl":"pkg:github/wolfssl/wolfssl@v5.6.4-stable"}]}
                """);
        InputDocument wolfssl = InputDocument.of("nvd.json", """
                {"id":"CVE-2023-6937","vulnStatus":"Analyzed","configurations":[{"nodes":[{"operator":"OR","cpeMatch":[
                  {"vulnerable":true,"criteria":"cpe:2.3:a:wolfssl:wolfssl:*:*:*:*:*:*:*:*","versionEndExcluding":"5.6.6"}]}]}]}
                """);
        ScanResult result = new ScanUseCase("test").run(new ScanRequest(List.of(SbomInput.of(sbom)),
                new AdvisoryInput.Documents(List.of(), false), List.of(), NOW, new CveInput.Documents(List.of(wolfssl), false)));
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.cpe().inferred()).isTrue());
        assertThat(result.coverage().ecosystems()).extracting(e -> e.ecosystem() + " " + e.components() + "/" + e.advisories())
                .containsExactly("CPE 1/1");
        assertThat(result.coverage().complete()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void recordsAloneAreEnoughAndASnapshotBuiltWithThemGivesTheSameFindings() throws InputException {
        ScanResult files = firmwareScan(new AdvisoryInput.Documents(ScanInputs.osv(), false),
                new CveInput.Documents(List.of(NVD), false));
        DbBuildResult built = new DbBuildUseCase("test").run(new DbBuildRequest(
                new AdvisoryInput.Documents(ScanInputs.osv(), false), List.of(KevInput.of(ScanInputs.cisaKev())), NOW,
                new CveInput.Documents(List.of(NVD), false)));
        assertThat(built.provenance().recordSources()).containsExactly("nvd.json");
        byte[] bytes = new byte[(int) built.size()];
        built.snapshot().get(bytes);
        ScanResult fromSnapshot = firmwareScan(new AdvisoryInput.LoadedSnapshot(Snapshot.of("memory.tdb", bytes)),
                CveInput.none());
        assertThat(ids(fromSnapshot)).isEqualTo(ids(files));
        assertThat(fromSnapshot.findings()).extracting(Finding::matchRule)
                .containsExactlyElementsOf(files.findings().stream().map(Finding::matchRule).toList());
        ScanResult alone = firmwareScan(new AdvisoryInput.Documents(List.of(), false), new CveInput.Documents(List.of(NVD), false));
        // Without OSV, the Maven package log4j-core is not matched: a package of an OSV ecosystem gets no CPE from its name.
        assertThat(alone.findings()).extracting(f -> f.vulnerability().id()).containsExactlyInAnyOrder("CVE-2024-1086",
                "CVE-2014-0160");
        assertThat(alone.advisories().advisories()).isZero();
    }

    @Test
    void triageStatementsApplyToFindingsMatchedByCpe() throws InputException {
        ScanResult plain = firmwareScan(new AdvisoryInput.Documents(List.of(), false), new CveInput.Documents(List.of(NVD), false));
        Finding kernel = plain.findings().stream().filter(f -> f.vulnerability().id().equals("CVE-2024-1086")).findFirst()
                .orElseThrow();
        // The kernel is named by its given CPE, OpenSSL by a purl with an inferred CPE: both selectors reach CPE findings.
        Statement byCpe = Statement.ignore("ignore.yaml", "CVE-2024-1086",
                new ComponentSelector.Cpe("cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:*"), "module not loaded",
                LocalDate.parse("2027-01-01"));
        Statement byPurl = Statement.ignore("ignore.yaml", "CVE-2014-0160",
                new ComponentSelector.Purl("pkg:generic/openssl"), "heartbeat compiled out", LocalDate.parse("2027-01-01"));
        ScanResult triaged = new ScanUseCase("test").run(new ScanRequest(List.of(SbomInput.of(FIRMWARE)),
                new AdvisoryInput.Documents(List.of(), false), List.of(KevInput.of(ScanInputs.cisaKev())), NOW,
                new CveInput.Documents(List.of(NVD), false), List.of(byCpe, byPurl)));
        assertThat(triaged.findings()).extracting(Finding::findingId).containsExactlyInAnyOrderElementsOf(
                plain.findings().stream().map(Finding::findingId).toList());
        assertThat(triaged.findings()).allMatch(triaged::suppressed);
        assertThat(triaged.triage().about(kernel.findingId())).containsExactly(byCpe);
        assertThat(triaged.warnings()).filteredOn(w -> !w.startsWith("coverage: ")).isEmpty();
    }

    @Test
    void aSnapshotOrAPrebuiltIndexTakesNoRecordsOfItsOwn() {
        AdvisoryDatabase database = AdvisoryDatabase.build(List.of(), List.of());
        assertThatThrownBy(() -> new ScanRequest(List.of(), AdvisoryInput.Index.of(database, List.of(), List.of()),
                List.of(), NOW, new CveInput.Documents(List.of(NVD), false))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds its NVD and CVE records already");
    }

    @Test
    void aBadRecordIsAnInputErrorNamingTheDocumentOrAWarningWhenLenient() throws InputException {
        InputDocument bad = InputDocument.of("broken.json", "{\"vulnerabilities\":[{\"cve\":{\"id\":\"nope\"}}]}");
        assertThatThrownBy(() -> firmwareScan(new AdvisoryInput.Documents(List.of(), false),
                new CveInput.Documents(List.of(bad), false))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("broken.json: line 1");
        ScanResult lenient = firmwareScan(new AdvisoryInput.Documents(List.of(), false),
                new CveInput.Documents(List.of(bad, NVD), true));
        // The fixture's Maven component has no OSV advisories here: the coverage says so, after the record's warning.
        assertThat(lenient.warnings()).filteredOn(w -> !w.startsWith("coverage: ")).singleElement()
                .satisfies(w -> assertThat(w).startsWith("skipped NVD or CVE record: broken.json"));
        assertThat(lenient.findings()).hasSize(2);
    }
}
