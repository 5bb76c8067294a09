package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.advisory.nvd.CveRecord;
import dev.tandem.advisory.nvd.CveRecordLoad;
import dev.tandem.advisory.nvd.CveRecordLoader;
import dev.tandem.advisory.nvd.NvdFixtures;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotIndex;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.snapshot.SnapshotWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 15 hand-checked cases of the NVD data set (its cases.md), judged against all 645 of its records
 * (the fixture zip) through the matcher, once with the in-memory index and once with a snapshot
 * built from the same records. "Complete" cases list every record that matches; the others name the
 * records that must or must not be among the findings. A hardware or OS component after the first
 * is a platform the first runs on.
 */
class CpeCasesTest {

    private static PackageIndex packages;
    private static CpeIndex memory;
    private static SnapshotIndex snapshot;

    @BeforeAll
    static void loadTheDataSet() throws Exception {
        CveRecordLoad load = CveRecordLoader.load(List.of(NvdFixtures.embedded()), LoadOptions.strict(), null);
        List<CveRecord> records = load.records();
        AdvisoryDatabase database = AdvisoryDatabase.build(records.stream().map(CveRecord::advisory).toList(), List.of());
        packages = PackageIndex.build(database);
        memory = MemoryCpeIndex.build(database, records);
        byte[] file = SnapshotWriter.encode(database, records, List.of(),
                new SnapshotProvenance("test", Instant.EPOCH, List.of(), List.of(), List.of("nvd-embedded-645.zip")));
        snapshot = Snapshot.of("cases.tdb", file).index();
    }

    /** A case: name, the inventory (first the component judged), complete or not, CVEs that must and must not match. */
    record Case(String name, List<String> inventory, boolean complete, Set<String> matched, Set<String> notMatched,
            Set<String> undecided) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Set<String> ids(String text) {
        return text.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(text.trim().split("\\s+")));
    }

    private static Case complete(String name, String inventory, String matched) {
        return new Case(name, List.of(inventory.trim().split("\\s+")), true, ids(matched), Set.of(), Set.of());
    }

    private static Case partial(String name, String inventory, String matched, String notMatched) {
        return new Case(name, List.of(inventory.trim().split("\\s+")), false, ids(matched), ids(notMatched), Set.of());
    }

    private static Case undecided(Case c, String undecided) {
        return new Case(c.name(), c.inventory(), c.complete(), c.matched(), c.notMatched(), ids(undecided));
    }

    static List<Case> cases() {
        String u15 = "CVE-2019-13104 CVE-2019-13106 CVE-2019-14192 CVE-2019-14193 CVE-2019-14194 CVE-2019-14195 "
                + "CVE-2019-14196 CVE-2019-14197 CVE-2019-14198 CVE-2019-14199 CVE-2019-14200 CVE-2019-14201 CVE-2019-14202 "
                + "CVE-2019-14203 CVE-2019-14204 CVE-2020-8432 CVE-2021-27097 CVE-2021-27138";
        String heartbleedEra = "CVE-2010-5298 CVE-2014-5139 CVE-2014-8176 CVE-2014-8275 CVE-2015-3197 CVE-2017-3735 "
                + "CVE-2015-4000 CVE-2016-7056";
        return List.of(
                complete("1 OpenSSL 1.0.2k", "cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*",
                        "CVE-2017-3735 CVE-2017-3737 CVE-2017-3738 CVE-2017-3736 CVE-2018-0737 CVE-2018-0739 CVE-2018-5407 "
                                + "CVE-2019-1552 CVE-2019-1563 CVE-2019-1559 CVE-2020-1968 CVE-2020-1971 CVE-2021-23840 "
                                + "CVE-2021-23841 CVE-2023-0286"),
                complete("2 OpenSSL 1.1.1j", "cpe:2.3:a:openssl:openssl:1.1.1j:*:*:*:*:*:*:*",
                        "CVE-2021-3449 CVE-2021-3450 CVE-2023-0286"),
                complete("3a OpenSSL 1.0.1f (Heartbleed, KEV)", "cpe:2.3:a:openssl:openssl:1.0.1f:*:*:*:*:*:*:*",
                        "CVE-2014-0160 " + heartbleedEra),
                complete("3b OpenSSL 1.0.1g", "cpe:2.3:a:openssl:openssl:1.0.1g:*:*:*:*:*:*:*", heartbleedEra),
                complete("4a BusyBox 1.27.2", "cpe:2.3:a:busybox:busybox:1.27.2:*:*:*:*:*:*:*",
                        "CVE-2017-15873 CVE-2017-15874 CVE-2017-16544 CVE-2018-1000500 CVE-2018-1000517 CVE-2018-20679 "
                                + "CVE-2019-5747 CVE-2021-28831 CVE-2022-48174"),
                complete("4b BusyBox 1.36.1 (the configuration decides, not the description)",
                        "cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*", "CVE-2022-48174"),
                undecided(complete("5a curl 7.36.0", "cpe:2.3:a:haxx:curl:7.36.0:*:*:*:*:*:*:*",
                        "CVE-2016-9594 CVE-2017-8817 CVE-2018-1000122 CVE-2018-1000301 CVE-2019-5482 CVE-2020-8284"),
                        "CVE-2016-9952 CVE-2016-9953 CVE-2019-5443"),
                partial("5b libcurl 7.36.0", "cpe:2.3:a:haxx:libcurl:7.36.0:*:*:*:*:*:*:*", "CVE-2017-8816", ""),
                complete("6a libcurl 8.3.0", "cpe:2.3:a:haxx:libcurl:8.3.0:*:*:*:*:*:*:*", "CVE-2023-38545"),
                complete("6b curl 8.3.0", "cpe:2.3:a:haxx:curl:8.3.0:*:*:*:*:*:*:*", ""),
                complete("7a kernel 6.6.14", "cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:*",
                        "CVE-2024-1086 CVE-2021-20194"),
                complete("7b kernel 6.6.15", "cpe:2.3:o:linux:linux_kernel:6.6.15:*:*:*:*:*:*:*", "CVE-2021-20194"),
                complete("8 kernel 4.19 (a platform of the Flash records only)",
                        "cpe:2.3:o:linux:linux_kernel:4.19:*:*:*:*:*:*:*",
                        "CVE-2019-13272 CVE-2019-20934 CVE-2020-25645 CVE-2020-29569 CVE-2020-36158 CVE-2021-30002 "
                                + "CVE-2024-1086"),
                partial("9a kernel 2.6.23 (rejected CVE-2007-5908)", "cpe:2.3:o:linux:linux_kernel:2.6.23:*:*:*:*:*:*:*",
                        "", "CVE-2007-5908 CVE-2023-4881 CVE-2021-3419"),
                partial("9b Samba 3.0.25 (rejected CVE-2007-4044)", "cpe:2.3:a:samba:samba:3.0.25:*:*:*:*:*:*:*", "",
                        "CVE-2007-4044"),
                partial("9c OpenSSL 0.9.8 (rejected CVE-2006-7248/7249)", "cpe:2.3:a:openssl:openssl:0.9.8:*:*:*:*:*:*:*",
                        "", "CVE-2006-7248 CVE-2006-7249"),
                complete("10a Archer AX21 1.1.3 on its hardware (KEV)",
                        "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:* cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*",
                        "CVE-2023-1389"),
                complete("10b Archer AX21 1.1.4 on its hardware",
                        "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.4:*:*:*:*:*:*:* cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*",
                        ""),
                undecided(complete("10c Archer AX21 1.1.3 without its hardware",
                        "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*", ""), "CVE-2023-1389"),
                complete("11a Archer C5 (1.2) 141126 on its hardware (KEV)",
                        "cpe:2.3:o:tp-link:archer_c5_\\(1.2\\)_firmware:141126:*:*:*:*:*:*:* "
                                + "cpe:2.3:h:tp-link:archer_c5_\\(1.2\\):-:*:*:*:*:*:*:*", "CVE-2015-3035"),
                complete("11b Archer C5 (1.2) 150317 on its hardware",
                        "cpe:2.3:o:tp-link:archer_c5_\\(1.2\\)_firmware:150317:*:*:*:*:*:*:* "
                                + "cpe:2.3:h:tp-link:archer_c5_\\(1.2\\):-:*:*:*:*:*:*:*", ""),
                complete("12a NETGEAR R6200 1.0.1.56_1.0.43 (KEV)",
                        "cpe:2.3:o:netgear:r6200_firmware:1.0.1.56_1.0.43:*:*:*:*:*:*:* cpe:2.3:h:netgear:r6200:-:*:*:*:*:*:*:*",
                        "CVE-2017-5521"),
                complete("12b NETGEAR R6200 1.0.1.58_1.0.44",
                        "cpe:2.3:o:netgear:r6200_firmware:1.0.1.58_1.0.44:*:*:*:*:*:*:* cpe:2.3:h:netgear:r6200:-:*:*:*:*:*:*:*",
                        ""),
                complete("13a dnsmasq 2.82 (DNSpooq)", "cpe:2.3:a:thekelleys:dnsmasq:2.82:*:*:*:*:*:*:*",
                        "CVE-2020-25681 CVE-2020-25682 CVE-2020-25683 CVE-2020-25684 CVE-2020-25685 CVE-2020-25686 "
                                + "CVE-2020-25687 CVE-2023-28450"),
                complete("13b dnsmasq 2.83", "cpe:2.3:a:thekelleys:dnsmasq:2.83:*:*:*:*:*:*:*", "CVE-2023-28450"),
                complete("13c dnsmasq under vendor dnsmasq", "cpe:2.3:a:dnsmasq:dnsmasq:2.82:*:*:*:*:*:*:*", ""),
                complete("14a Mbed TLS 2.16.11", "cpe:2.3:a:arm:mbed_tls:2.16.11:*:*:*:*:*:*:*", "CVE-2021-44732"),
                complete("14b Mbed TLS 2.16.12", "cpe:2.3:a:arm:mbed_tls:2.16.12:*:*:*:*:*:*:*", ""),
                complete("14c Mbed TLS 2.27.0", "cpe:2.3:a:arm:mbed_tls:2.27.0:*:*:*:*:*:*:*", "CVE-2021-44732"),
                complete("14d Mbed TLS 3.0.0:-", "cpe:2.3:a:arm:mbed_tls:3.0.0:-:*:*:*:*:*:*", "CVE-2021-44732"),
                complete("14e Mbed TLS 3.0.1", "cpe:2.3:a:arm:mbed_tls:3.0.1:*:*:*:*:*:*:*", ""),
                complete("15a U-Boot 2019.07:-", "cpe:2.3:a:denx:u-boot:2019.07:-:*:*:*:*:*:*", u15),
                complete("15b U-Boot 2019.07:rc2", "cpe:2.3:a:denx:u-boot:2019.07:rc2:*:*:*:*:*:*",
                        u15 + " CVE-2019-13103 CVE-2019-13105"),
                complete("15c U-Boot 2022.01", "cpe:2.3:a:denx:u-boot:2022.01:*:*:*:*:*:*:*", "CVE-2022-30790"));
    }

    static List<Arguments> casesWithIndexes() {
        List<Arguments> arguments = new ArrayList<>();
        for (Case c : cases()) {
            arguments.add(Arguments.of(c, "memory"));
            arguments.add(Arguments.of(c, "snapshot"));
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("casesWithIndexes")
    void matchesAsTheCaseBookSays(Case c, String index) {
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < c.inventory().size(); i++) {
            components.add(new Component("c" + i, "component " + i, "", "", "", c.inventory().get(i), "", List.of(),
                    List.of(), List.of(), DependencyKind.UNKNOWN));
        }
        Sbom sbom = new Sbom("case.cdx.json", SbomFormat.CYCLONEDX_JSON, "1.6", new Subject("device", "1", "maker", "", ""),
                components);
        SbomReport report = new Matcher(packages, index.equals("memory") ? memory : snapshot).scan(sbom);
        Component judged = components.get(0);
        Set<String> found = report.findings().stream().filter(f -> f.component() == judged)
                .map(f -> f.vulnerability().id()).collect(Collectors.toCollection(TreeSet::new));
        if (c.complete()) {
            assertThat(found).as("findings").containsExactlyInAnyOrderElementsOf(c.matched());
        } else {
            assertThat(found).containsAll(c.matched());
            c.notMatched().forEach(id -> assertThat(found).doesNotContain(id));
        }
        Set<String> undecided = report.undecided().stream().filter(u -> u.component() == judged)
                .map(UndecidedMatch::vulnerabilityId).collect(Collectors.toCollection(TreeSet::new));
        if (c.complete()) {
            assertThat(undecided).as("undecided").containsExactlyInAnyOrderElementsOf(c.undecided());
        }
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.matchedBy()).isEqualTo(MatchSource.CPE);
            assertThat(f.cpe().inferred()).isFalse();
        });
        assertThat(report.unmatched()).isEmpty();
    }
}
