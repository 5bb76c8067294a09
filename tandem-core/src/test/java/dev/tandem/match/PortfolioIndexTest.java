package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reverse lookup answers exactly what scanning every SBOM would, advisory by advisory. */
class PortfolioIndexTest {

    private static List<Sbom> sboms;
    private static AdvisoryDatabase database;
    private static PortfolioIndex portfolio;

    @BeforeAll
    static void load() throws Exception {
        sboms = List.of(SbomReaders.read(Path.of("../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json")),
                SbomReaders.read(Path.of("../examples/sboms/proton-bridge-v1.8.0.cdx.json")));
        database = AdvisoryDatabase.build(AdvisoryLoader.load(List.of(Path.of("../examples/advisories")),
                LoadOptions.strict(), LoadListener.NONE).advisories(), List.of());
        portfolio = PortfolioIndex.build(sboms);
    }

    @Test
    void everyVulnerabilityReachesTheComponentsAScanFinds() {
        MatchResult scan = new Matcher(PackageIndex.build(database)).scan(sboms);
        int checked = 0;
        for (Vulnerability vulnerability : database.vulnerabilities()) {
            Set<String> expected = new TreeSet<>();
            for (int s = 0; s < sboms.size(); s++) {
                for (Finding finding : scan.reports().get(s).findings()) {
                    if (finding.vulnerability().id().equals(vulnerability.id())) {
                        expected.add(s + " " + finding.component().purl());
                    }
                }
            }
            Set<String> actual = new TreeSet<>();
            portfolio.affectedBy(vulnerability).affected().forEach(hit -> actual.add(hit.sbomIndex() + " " + hit.component().purl()));
            assertThat(actual).as(vulnerability.id()).isEqualTo(expected);
            checked += expected.size();
        }
        assertThat(checked).isEqualTo(scan.findings().size()).isGreaterThan(50);
    }

    @Test
    void aNewAdvisoryFindsTheProductsThatShipThePackage() {
        // gin before 1.9.1 is in the Proton Bridge SBOM (1.4.0) but the camera ships 1.9.1.
        Advisory fresh = new Advisory("GHSA-new0-new0-new0", "new.json", "A new gin issue", "", Instant.EPOCH,
                Instant.EPOCH, null, List.of("CVE-2026-99999"), List.of(), List.of(),
                List.of(new AffectedPackage("Go", "github.com/gin-gonic/gin", "", new AffectedVersions(
                        List.of(new VersionRange(RangeType.SEMVER, "", List.of(new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"),
                                new RangeEvent(RangeEvent.Kind.FIXED, "1.9.1")))), List.of()), List.of())),
                List.of());
        PortfolioImpact impact = portfolio.affectedBy(fresh);
        assertThat(impact.vulnerability().id()).isEqualTo("CVE-2026-99999");
        assertThat(impact.affected()).extracting(hit -> hit.component().purl())
                .containsExactly("pkg:golang/github.com/gin-gonic/gin@v1.4.0");
        assertThat(impact.affected().get(0).fixedIn()).containsExactly("1.9.1");
        assertThat(impact.affectedSboms()).isEqualTo(1);
        assertThat(portfolio.sbomCount()).isEqualTo(2);
        Set<String> purls = new HashSet<>();
        sboms.forEach(s -> s.components().forEach(c -> purls.add(c.purl())));
        assertThat(portfolio.componentCount()).isPositive().isLessThanOrEqualTo(sboms.stream().mapToInt(s -> s.components().size()).sum());
    }

    @Test
    void aWithdrawnAdvisoryAffectsNothing() {
        Advisory withdrawn = new Advisory("GHSA-gone-gone-gone", "gone.json", "", "", Instant.EPOCH, Instant.EPOCH,
                Instant.EPOCH, List.of(), List.of(), List.of(),
                List.of(new AffectedPackage("Go", "github.com/gin-gonic/gin", "", new AffectedVersions(
                        List.of(new VersionRange(RangeType.SEMVER, "", List.of(new RangeEvent(RangeEvent.Kind.INTRODUCED, "0")))),
                        List.of()), List.of())),
                List.of());
        assertThat(portfolio.affectedBy(withdrawn).affected()).isEmpty();
    }
}
