package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.OsvReader;
import dev.tandem.advisory.nvd.CveRecord;
import dev.tandem.advisory.nvd.CveRecordReader;
import dev.tandem.advisory.nvd.NvdFixtures;
import dev.tandem.input.InputLimits;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** CPE matching inside a scan: inferred CPEs, the join with OSV findings, severities, KEV, and what is left unmatched. */
class CpeMatchingTest {

    private static final Subject ROUTER = new Subject("HomeRouter R7", "7.1.2", "Example Networks", "", "");

    static CveRecord record(String fixture) throws Exception {
        return CveRecordReader.readAll(fixture, NvdFixtures.text(fixture).getBytes(StandardCharsets.UTF_8),
                InputLimits.DEFAULT, null).get(0);
    }

    static Component component(String name, String version, String purl, String cpe, String supplier) {
        return new Component(name, name, "", version, purl, cpe, supplier, List.of(), List.of(), List.of(),
                DependencyKind.UNKNOWN);
    }

    /** A scan of {@code components} against OSV advisories, NVD/CVE records and KEV entries. */
    static SbomReport scan(List<Advisory> osv, List<CveRecord> records, List<KevEntry> kev, Component... components) {
        List<Advisory> all = new ArrayList<>(osv);
        records.forEach(r -> all.add(r.advisory()));
        AdvisoryDatabase database = AdvisoryDatabase.build(all, kev);
        Matcher matcher = new Matcher(PackageIndex.build(database), MemoryCpeIndex.build(database, records));
        return matcher.scan(new Sbom("router.spdx.json", SbomFormat.SPDX_JSON, "2.3", ROUTER, List.of(components)));
    }

    @Nested
    class InferredCpes {

        @Test
        void aFirmwareComponentWithoutCpeGetsOneFromItsNameAndTheFindingSaysSo() throws Exception {
            Component kernel = component("linux", "6.6.14", "pkg:generic/linux@6.6.14", "", "");
            SbomReport report = scan(List.of(), List.of(record("cve-5/CVE-2024-1086.json")), List.of(), kernel);
            assertThat(report.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.vulnerability().id()).isEqualTo("CVE-2024-1086");
                assertThat(finding.matchedBy()).isEqualTo(MatchSource.CPE);
                assertThat(finding.cpe().inferred()).isTrue();
                assertThat(finding.cpe().cpe()).isEqualTo("cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:*");
                assertThat(finding.cpe().inferredBy()).isEqualTo("name \"linux\" in Tandem's table of firmware components");
                assertThat(finding.cpe().records()).containsExactly("CVE-2024-1086");
                assertThat(finding.packageKey()).isEqualTo(new PackageKey("CPE", "o:linux:linux_kernel"));
                assertThat(finding.matchRule()).isEqualTo("cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:* (inferred) "
                        + "matches CVE List CVE-2024-1086 configuration 1: cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:* "
                        + "from 3.15 (including) up to 6.8 (excluding)");
                assertThat(finding.fixedIn()).containsExactly("6.8");
                assertThat(finding.findingId()).isEqualTo(FindingId.of(ROUTER, kernel, "CVE-2024-1086"));
            });
            assertThat(report.unmatched()).isEmpty();
        }

        @Test
        void aPackageOfAnOsvEcosystemNeverGetsACpeFromItsName() throws Exception {
            // The Rust crate "openssl" is not OpenSSL: its purl says which package it is.
            Component crate = component("openssl", "3.0.0", "pkg:cargo/openssl@3.0.0", "", "");
            SbomReport report = scan(List.of(), List.of(record("cve-5/CVE-2024-5535.json")), List.of(), crate);
            assertThat(report.findings()).isEmpty();
            assertThat(report.unmatched()).isEmpty();
        }

        @Test
        void aSourceRepositoryPurlStillGetsOne() throws Exception {
            Component wolfssl = component("wolfssl", "5.6.4", "pkg:github/wolfssl/wolfssl@v5.6.4-stable", "", "");
            SbomReport report = scan(List.of(), List.of(record("cve-5/CVE-2023-6937.json")), List.of(), wolfssl);
            assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.cpe().inferred()).isTrue());
        }

        @Test
        void supplierAndNameThatTheRecordsNameAsVendorAndProductGiveOne() throws Exception {
            CveRecord archer = record("api-2.0/CVE-2023-1389.json");
            Component firmware = component("archer_ax21_firmware", "1.1.3", "", "", "TP-Link");
            Component hardware = component("archer_ax21", "", "", "cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*", "");
            SbomReport report = scan(List.of(), List.of(archer), List.of(), firmware, hardware);
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.component()).isSameAs(firmware);
                assertThat(f.cpe().inferredBy()).isEqualTo(
                        "supplier \"TP-Link\" and name \"archer_ax21_firmware\", a vendor and product NVD names");
                assertThat(f.matchRule()).endsWith(", with cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*");
            });
        }

        @Test
        void aComponentNoRuleFitsIsUnmatchedWithTheReason() throws Exception {
            Component blob = component("homerouter-r7-firmware", "7.1.2", "", "", "");
            Component garbled = component("thing", "1", "", "cpe:2.3:a:vendor", "");
            SbomReport report = scan(List.of(), List.of(record("cve-5/CVE-2024-1086.json")), List.of(), blob, garbled);
            assertThat(report.unmatched()).extracting(UnmatchedComponent::reason).containsExactly(
                    "no package URL (purl); no CPE, and its name is not one Tandem infers a CPE from",
                    "no package URL (purl); malformed CPE \"cpe:2.3:a:vendor\": the formatted string has 2 attributes "
                            + "after \"cpe:2.3:\", expected 11 (part, vendor, product, version, update, edition, language, "
                            + "sw_edition, target_sw, target_hw, other)");
        }

        @Test
        void withoutRecordsAComponentWithACpeSaysWhatItWouldNeed() {
            Component busybox = component("busybox", "1.36.1", "pkg:generic/busybox@1.36.1",
                    "cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*", "");
            SbomReport report = scan(List.of(), List.of(), List.of(), busybox);
            assertThat(report.unmatched()).extracting(UnmatchedComponent::reason).containsExactly(
                    "no advisory ecosystem for purl type \"generic\"; its CPE can be matched only against NVD or CVE records, "
                            + "and none were given");
        }
    }

    @Nested
    class JoinedWithOsv {

        private static final String OSV_X_NET = """
                {"schema_version":"1.3.1","id":"GO-2024-2687","modified":"2024-04-03T00:00:00Z",
                 "aliases":["CVE-2023-45288","GHSA-4v7x-pqxf-cx7m"],"summary":"HTTP/2 CONTINUATION flood in net/http",
                 "affected":[{"package":{"name":"golang.org/x/net","ecosystem":"Go"},
                   "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.23.0"}]}]}]}
                """;

        @Test
        void aRecordOfTheSameCveFillsTheSeverityOsvLacksAndNamesItsSource() throws Exception {
            Advisory go = OsvReader.parse("GO-2024-2687.json", OSV_X_NET);
            Component xnet = component("golang.org/x/net", "0.17.0", "pkg:golang/golang.org/x/net@v0.17.0", "", "");
            SbomReport without = scan(List.of(go), List.of(), List.of(), xnet);
            SbomReport with = scan(List.of(go), List.of(record("cve-5/CVE-2023-45288.json")), List.of(), xnet);
            Finding before = without.findings().get(0);
            Finding after = with.findings().get(0);
            assertThat(with.findings()).hasSize(1);
            assertThat(before.severity()).isNull();
            assertThat(after.severity().baseScore()).isEqualTo(7.5);
            assertThat(after.severity().source()).isEqualTo("CVE List CVE-2023-45288 (ADP CISA-ADP)");
            assertThat(after.vulnerability().severities()).extracting(s -> s.severity().source())
                    .containsExactly("CVE List CVE-2023-45288 (ADP CISA-ADP)");
            assertThat(after.vulnerability().severities()).singleElement().satisfies(s -> {
                assertThat(s.source()).isEqualTo("CVE List");
                assertThat(s.recordId()).isEqualTo("CVE-2023-45288");
                assertThat(s.scorer()).isEqualTo("ADP CISA-ADP");
            });
            // The finding OSV alone found keeps its identity and its rule.
            assertThat(after.findingId()).isEqualTo(before.findingId());
            assertThat(after.vulnerability().id()).isEqualTo(before.vulnerability().id()).isEqualTo("CVE-2023-45288");
            assertThat(after.matchedBy()).isEqualTo(MatchSource.OSV);
            assertThat(after.matchRule()).isEqualTo(before.matchRule());
            assertThat(after.cpe()).isNull();
        }

        @Test
        void anOsvRangeAndACpeConfigurationFindingTheSameCveMakeOneFinding() throws Exception {
            Advisory debian = OsvReader.parse("DSA.json", """
                    {"id":"DSA-2896-1","modified":"2014-04-07T00:00:00Z","aliases":["CVE-2014-0160"],
                     "affected":[{"package":{"name":"openssl","ecosystem":"Debian:7"},
                       "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0.1e-2+deb7u5"}]}]}]}
                    """);
            CveRecord heartbleed = record("json-1.1/CVE-2014-0160.json");
            Component affected = component("openssl", "1.0.1e-2+deb7u4", "pkg:deb/debian/openssl@1.0.1e-2%2Bdeb7u4?distro=debian-7",
                    "cpe:2.3:a:openssl:openssl:1.0.1e:*:*:*:*:*:*:*", "");
            SbomReport report = scan(List.of(debian), List.of(heartbleed), List.of(), affected);
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.vulnerability().id()).isEqualTo("CVE-2014-0160");
                assertThat(f.matchedBy()).isEqualTo(MatchSource.OSV);
                assertThat(f.advisoryIds()).containsExactly("DSA-2896-1");
                assertThat(f.cpe().records()).containsExactly("CVE-2014-0160");
                assertThat(f.cpe().inferred()).isFalse();
                // OSV's fix, not NVD's upstream one.
                assertThat(f.fixedIn()).containsExactly("1.0.1e-2+deb7u5");
            });
        }

        @Test
        void theDistributionsVerdictThatABackportIsFixedStandsOverNvd() throws Exception {
            Advisory debian = OsvReader.parse("DSA.json", """
                    {"id":"DSA-2896-1","modified":"2014-04-07T00:00:00Z","aliases":["CVE-2014-0160"],
                     "affected":[{"package":{"name":"openssl","ecosystem":"Debian:7"},
                       "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0.1e-2+deb7u5"}]}]}]}
                    """);
            Component patched = component("openssl", "1.0.1e-2+deb7u5", "pkg:deb/debian/openssl@1.0.1e-2%2Bdeb7u5?distro=debian-7",
                    "cpe:2.3:a:openssl:openssl:1.0.1e:*:*:*:*:*:*:*", "");
            SbomReport report = scan(List.of(debian), List.of(record("json-1.1/CVE-2014-0160.json")), List.of(), patched);
            assertThat(report.findings()).isEmpty();
            assertThat(report.undecided()).isEmpty();
        }
    }

    @Test
    void cpeFindingsJoinKevThroughTheirCve() throws Exception {
        KevEntry kev = new KevEntry("CVE-2023-1389", KevCatalog.CISA, LocalDate.parse("2023-05-01"),
                LocalDate.parse("2023-05-22"), false, "TP-Link", "Archer AX-21", "TP-Link Archer AX-21 Command Injection", "kev.json");
        Component firmware = component("fw", "1.1.3", "", "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*", "");
        Component hardware = component("hw", "", "", "cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*", "");
        SbomReport report = scan(List.of(), List.of(record("api-2.0/CVE-2023-1389.json")), List.of(kev), firmware, hardware);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.knownExploited()).isTrue();
            assertThat(f.exploitation()).containsExactly(kev);
            assertThat(f.severity().source()).isEqualTo("NVD CVE-2023-1389 (nvd@nist.gov, Primary)");
        });
    }

    @Test
    void aPlatformTheSbomDoesNotListLeavesTheMatchUndecidedWithTheReason() throws Exception {
        Component firmware = component("fw", "1.1.3", "", "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*", "");
        SbomReport report = scan(List.of(), List.of(record("api-2.0/CVE-2023-1389.json")), List.of(), firmware);
        assertThat(report.findings()).isEmpty();
        assertThat(report.undecided()).singleElement().satisfies(u -> {
            assertThat(u.vulnerabilityId()).isEqualTo("CVE-2023-1389");
            assertThat(u.matchedBy()).isEqualTo(MatchSource.CPE);
            assertThat(u.cpe()).isEqualTo("cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*");
            assertThat(u.reason()).isEqualTo("NVD CVE-2023-1389 matches cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:* "
                    + "but applies only together with cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*, which the SBOM does not list");
        });
    }

    @Test
    void aComponentListedTwiceIsMatchedOnce() throws Exception {
        Component kernel = component("linux", "6.6.14", "", "cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:*", "");
        Component copy = component("linux", "6.6.14", "", "cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:*", "");
        SbomReport report = scan(List.of(), List.of(record("cve-5/CVE-2024-1086.json")), List.of(), kernel, copy);
        assertThat(report.findings()).hasSize(1);
    }

    @Test
    void aCpeWithoutVersionTakesTheComponentsVersion() throws Exception {
        Component kernel = component("linux", "6.6.14", "", "cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*", "");
        SbomReport report = scan(List.of(), List.of(record("cve-5/CVE-2024-1086.json")), List.of(), kernel);
        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.cpe().cpe()).isEqualTo("cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:*"));
        Component unversioned = component("linux", "", "", "cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*", "");
        SbomReport undecided = scan(List.of(), List.of(record("cve-5/CVE-2024-1086.json")), List.of(), unversioned);
        assertThat(undecided.findings()).isEmpty();
        assertThat(undecided.undecided()).singleElement().satisfies(u -> assertThat(u.reason())
                .endsWith("the component's CPE states no version, and the criterion is the range from 3.15 (including) "
                        + "up to 6.8 (excluding)"));
    }
}
