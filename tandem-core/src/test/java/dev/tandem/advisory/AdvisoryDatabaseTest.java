package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.version.AffectedVersions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdvisoryDatabaseTest {

    private static AdvisoryDatabase database;
    private static List<KevEntry> cisa;
    private static final KevEntry EU_LOG4J = new KevEntry("CVE-2021-44228", KevCatalog.EU, LocalDate.of(2024, 5, 1), null,
            true, "Apache", "Log4j", "", "eu.json");

    @BeforeAll
    static void build() throws Exception {
        AdvisoryLoad load = AdvisoryLoader.load(List.of(Fixtures.path("osv")), LoadOptions.strict(), LoadListener.NONE);
        cisa = KevReader.read(Fixtures.path("kev/cisa-kev-cut.json"));
        List<KevEntry> kev = new ArrayList<>(cisa);
        kev.add(EU_LOG4J);
        database = AdvisoryDatabase.build(load.advisories(), kev);
    }

    @Test
    void countsWhatWasBuilt() {
        assertThat(database.stats()).isEqualTo(new AdvisoryDatabase.Stats(13, 3, 0, 12, 8, 4, 3));
        assertThat(database.unmatchedKev()).containsExactly("CVE-2024-8068", "CVE-2024-8069", "CVE-2025-48384");
    }

    @Test
    void mergesAdvisoriesThatShareAliases() {
        Vulnerability libwebp = database.vulnerabilityFor("CVE-2023-4863").orElseThrow();
        // Two CVE ids in the group (the second a rejected duplicate): the earliest names it.
        assertThat(libwebp.id()).isEqualTo("CVE-2023-4863");
        assertThat(libwebp.aliases()).containsExactly("CVE-2023-5129", "GHSA-j7hp-h8jx-5ppr", "RUSTSEC-2023-0060",
                "RUSTSEC-2023-0061");
        assertThat(libwebp.advisories()).extracting(Advisory::id).containsExactly("RUSTSEC-2023-0060", "RUSTSEC-2023-0061");
        assertThat(database.vulnerabilityFor("RUSTSEC-2023-0061")).containsSame(libwebp);
        assertThat(database.vulnerabilityFor("ghsa-j7hp-h8jx-5ppr")).containsSame(libwebp);
        assertThat(libwebp.exploited()).extracting(KevEntry::catalog).containsExactly(KevCatalog.CISA);
    }

    @Test
    void kevReachesAdvisoriesThroughCveAliasesFromBothCatalogues() {
        Vulnerability log4j = database.vulnerabilityFor("GHSA-jfh8-c2jp-5v3q").orElseThrow();
        assertThat(log4j.id()).isEqualTo("CVE-2021-44228");
        assertThat(log4j.aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4j.knownExploited()).isTrue();
        assertThat(log4j.exploited()).extracting(KevEntry::catalog).containsExactly(KevCatalog.CISA, KevCatalog.EU);
        assertThat(log4j.exploited().get(0).knownRansomwareUse()).isTrue();
        assertThat(log4j.rating()).isEqualTo(Rating.CRITICAL);
        assertThat(log4j.severity().baseScore()).isEqualTo(10.0);

        Vulnerability wazuh = database.vulnerabilityFor("GO-2025-3459").orElseThrow();
        assertThat(wazuh.id()).isEqualTo("CVE-2025-24016");
        assertThat(wazuh.exploited()).extracting(KevEntry::dueDate).containsExactly(LocalDate.of(2025, 7, 1));
        assertThat(wazuh.severity()).isNull();
        assertThat(wazuh.rating()).isEqualTo(Rating.UNKNOWN);

        assertThat(database.vulnerabilityFor("GO-2024-2963").orElseThrow().knownExploited()).isFalse();
    }

    @Test
    void withdrawnAdvisoriesAreDropped() {
        assertThat(database.vulnerabilityFor("RUSTSEC-2019-0031")).isEmpty();
        assertThat(database.vulnerabilityFor("GO-2022-0617")).isEmpty();
        assertThat(database.vulnerabilityFor("CVE-2020-8562")).isEmpty();
        assertThat(database.vulnerabilityFor("RHSA-2022:0216")).isEmpty();
    }

    @Test
    void vulnerabilitiesAreSortedByIdWithNumbersComparedAsNumbers() {
        assertThat(database.vulnerabilities()).extracting(Vulnerability::id).containsExactly(
                "CVE-2016-10931", "CVE-2019-19844", "CVE-2020-0601", "CVE-2021-23337", "CVE-2021-44228",
                "CVE-2023-4863", "CVE-2023-32681", "CVE-2023-41045", "CVE-2024-24791", "CVE-2024-39236", "CVE-2024-51756",
                "CVE-2025-24016");
    }

    @Test
    void relatedDoesNotMergeButAliasesMergeTransitively() {
        AdvisoryDatabase db = AdvisoryDatabase.build(List.of(
                advisory("A-1", List.of("X-1"), List.of("B-1")),
                advisory("B-1", List.of(), List.of()),
                advisory("C-1", List.of("X-1"), List.of()),
                advisory("D-10", List.of("C-1"), List.of())), List.of());
        assertThat(db.vulnerabilities()).extracting(Vulnerability::id).containsExactly("A-1", "B-1");
        assertThat(db.vulnerabilityFor("D-10").orElseThrow().aliases()).containsExactly("C-1", "D-10", "X-1");
    }

    @Test
    void theEarliestCveNamesAGroupThatHasSeveral() {
        // RUSTSEC-2023-0061 aliases CVE-2023-4863 and its rejected duplicate CVE-2023-5129.
        AdvisoryDatabase db = AdvisoryDatabase.build(List.of(
                advisory("RUSTSEC-2023-0061", List.of("CVE-2023-5129", "CVE-2023-4863", "GHSA-j7hp-h8jx-5ppr"), List.of())),
                List.of());
        Vulnerability vulnerability = db.vulnerabilities().get(0);
        assertThat(vulnerability.id()).isEqualTo("CVE-2023-4863");
        assertThat(vulnerability.aliases()).containsExactly("CVE-2023-5129", "GHSA-j7hp-h8jx-5ppr", "RUSTSEC-2023-0061");
    }

    @Test
    void withoutACveTheLowestAdvisoryIdWinsInNaturalOrder() {
        AdvisoryDatabase db = AdvisoryDatabase.build(List.of(
                advisory("GO-2020-10", List.of("GHSA-aaaa"), List.of()),
                advisory("GO-2020-9", List.of("GO-2020-10"), List.of())), List.of());
        Vulnerability vulnerability = db.vulnerabilities().get(0);
        assertThat(vulnerability.id()).isEqualTo("GO-2020-9");
        assertThat(vulnerability.aliases()).containsExactly("GHSA-aaaa", "GO-2020-10");
    }

    @Test
    void theStrongestSeverityOfTheGroupWinsPreferringNewerCvssOnTies() {
        SeverityScore v31 = new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Rating.CRITICAL);
        SeverityScore v40 = new SeverityScore("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                9.8, Rating.CRITICAL);
        SeverityScore v2 = new SeverityScore("CVSS_V2", "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, Rating.HIGH);
        SeverityScore text = new SeverityScore("database_specific", "CRITICAL", Double.NaN, Rating.CRITICAL);
        // The chosen severity names the advisory that stated it.
        assertThat(strongest(List.of(v2, v31, v40, text))).isEqualTo(v40.withSource("OSV S-1"));
        assertThat(strongest(List.of(v2, v31))).isEqualTo(v31.withSource("OSV S-1"));
        assertThat(strongest(List.of(v2, text))).isEqualTo(text.withSource("OSV S-1"));
        SeverityScore medium = new SeverityScore("Ubuntu", "medium", Double.NaN, Rating.MEDIUM);
        SeverityScore broken = new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N", Double.NaN, Rating.UNKNOWN, "malformed");
        assertThat(strongest(List.of(broken, medium))).isEqualTo(medium.withSource("OSV S-1"));
        assertThat(strongest(List.of(broken))).isEqualTo(broken.withSource("OSV S-1"));
    }

    @Test
    void perPackageSeveritiesCountToo() {
        SeverityScore high = new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, Rating.HIGH);
        Advisory advisory = new Advisory("P-1", "", "", "", null, Instant.EPOCH, null, List.of(), List.of(), List.of(),
                List.of(new AffectedPackage("npm", "x", "", new AffectedVersions(List.of(), List.of()), List.of(high))),
                List.of());
        assertThat(AdvisoryDatabase.build(List.of(advisory), List.of()).vulnerabilities().get(0).severity())
                .isEqualTo(high.withSource("OSV P-1"));
    }

    @Test
    void theNewestOfDuplicateIdsIsKept() {
        Advisory old = advisory("D-1", List.of("CVE-2020-1"), List.of());
        Advisory newer = new Advisory("D-1", "b.json", "newer", "", null, Instant.EPOCH.plusSeconds(60), null,
                List.of("CVE-2020-2"), List.of(), List.of(), List.of(), List.of());
        AdvisoryDatabase db = AdvisoryDatabase.build(List.of(old, newer), List.of());
        assertThat(db.stats().duplicates()).isEqualTo(1);
        assertThat(db.vulnerabilities()).hasSize(1);
        assertThat(db.vulnerabilities().get(0).id()).isEqualTo("CVE-2020-2");
        assertThat(db.vulnerabilityFor("CVE-2020-1")).isEmpty();
    }

    private static SeverityScore strongest(List<SeverityScore> scores) {
        Advisory advisory = new Advisory("S-1", "", "", "", null, Instant.EPOCH, null, List.of(), List.of(), scores,
                List.of(), List.of());
        return AdvisoryDatabase.build(List.of(advisory), List.of()).vulnerabilities().get(0).severity();
    }

    private static Advisory advisory(String id, List<String> aliases, List<String> related) {
        return new Advisory(id, "a.json", "", "", null, Instant.EPOCH, null, aliases, related, List.of(), List.of(),
                List.of());
    }
}
