package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a scan keeps with a parsed SBOM (identities, index answers, parsed versions, finding ids,
 * label ranks) must never change a report: a repeated scan, a scan against another index, and
 * concurrent scans of one SBOM give exactly the report a fresh copy of the SBOM gets.
 */
class PreparedSbomTest {

    private static AffectedVersions range(String introduced, String fixed) {
        return new AffectedVersions(List.of(new VersionRange(RangeType.ECOSYSTEM, "",
                List.of(new RangeEvent(RangeEvent.Kind.INTRODUCED, introduced), new RangeEvent(RangeEvent.Kind.FIXED, fixed)))),
                List.of());
    }

    private static Advisory advisory(String id, String ecosystem, String name, AffectedVersions versions) {
        return new Advisory(id, id + ".json", "summary of " + id, "", Instant.EPOCH, Instant.EPOCH, null, List.of(),
                List.of(), List.of(), List.of(new AffectedPackage(ecosystem, name, "", versions, List.of())), List.of());
    }

    private static Component component(String purl, String name, String version) {
        return new Component("ref-" + name + version, name, "", version, purl, "", "", List.of(), List.of(), List.of(), null);
    }

    /** Labels out of order, a nested copy, a component without purl, an unknown type, a malformed purl. */
    private static Sbom sbom() {
        List<Component> components = new ArrayList<>();
        for (int i = 30; i >= 0; i--) {
            components.add(component("pkg:npm/pkg-" + (i % 7) + "@1." + i + ".0", "pkg-" + (i % 7), "1." + i + ".0"));
        }
        components.add(component("pkg:npm/pkg-3@1.3.0", "pkg-3", "1.3.0")); // a nested copy of an earlier one
        components.add(component("pkg:pypi/Django@3.2.0", "Django", "3.2.0"));
        components.add(component("pkg:pypi/django@3.2.0", "django", "3.2.0"));
        components.add(component("", "no-purl", "1.0"));
        components.add(component("pkg:unknown/thing@1.0", "thing", "1.0"));
        components.add(component("pkg:npm/%zz@1", "bad", "1"));
        return new Sbom("test.json", SbomFormat.values()[0], "1.6", new Subject("Product", "1", "", "ACME", ""), components);
    }

    private static PackageIndex index(int shift) {
        List<Advisory> advisories = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            advisories.add(advisory("GHSA-a-" + p, "npm", "pkg-" + p, range("1." + (p + shift) + ".0", "1." + (p + 12) + ".0")));
            advisories.add(advisory("GHSA-b-" + p, "npm", "pkg-" + p, range("0", "1." + (20 - p - shift) + ".0")));
        }
        advisories.add(advisory("PYSEC-1", "PyPI", "django", range("3.0", "3.2.5")));
        return PackageIndex.build(AdvisoryDatabase.build(advisories, List.of()));
    }

    @Test
    void repeatedScansOfOneSbomGiveTheReportOfAFreshCopy() {
        Sbom sbom = sbom();
        PackageIndex index = index(0);
        SbomReport fresh = new Matcher(index).scan(sbom());
        assertThat(fresh.findings()).hasSizeGreaterThan(30);
        for (int i = 0; i < 4; i++) {
            SbomReport again = new Matcher(index).scan(sbom);
            assertThat(again.findings()).containsExactlyElementsOf(fresh.findings());
            assertThat(again.undecided()).containsExactlyElementsOf(fresh.undecided());
            assertThat(again.unmatched()).containsExactlyElementsOf(fresh.unmatched());
            assertThat(again.identities()).containsExactlyElementsOf(fresh.identities());
        }
    }

    @Test
    void aScanAgainstAnotherIndexDoesNotReuseTheFirstIndexsAnswers() {
        Sbom sbom = sbom();
        PackageIndex first = index(0);
        PackageIndex second = index(3);
        SbomReport a = new Matcher(first).scan(sbom);
        SbomReport b = new Matcher(second).scan(sbom);
        assertThat(b.findings()).isNotEqualTo(a.findings());
        assertThat(b.findings()).containsExactlyElementsOf(new Matcher(second).scan(sbom()).findings());
        assertThat(new Matcher(first).scan(sbom).findings()).containsExactlyElementsOf(a.findings());
        assertThat(new Matcher(second).scan(sbom).findings()).containsExactlyElementsOf(b.findings());
    }

    @Test
    void concurrentScansOfOneSbomAgree() throws Exception {
        Sbom sbom = sbom();
        PackageIndex index = index(1);
        SbomReport expected = new Matcher(index).scan(sbom());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SbomReport>> scans = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                scans.add(pool.submit(() -> new Matcher(index).scan(sbom)));
            }
            for (Future<SbomReport> scan : scans) {
                assertThat(scan.get().findings()).containsExactlyElementsOf(expected.findings());
                assertThat(scan.get().undecided()).containsExactlyElementsOf(expected.undecided());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void equalSbomsAreKeptApartAndASbomIsFoundByIdentity() {
        Sbom sbom = sbom();
        assertThat(PreparedSbom.of(sbom)).isSameAs(PreparedSbom.of(sbom));
        assertThat(PreparedSbom.of(sbom())).isNotSameAs(PreparedSbom.of(sbom));
    }
}
