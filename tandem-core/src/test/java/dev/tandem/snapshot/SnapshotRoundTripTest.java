package dev.tandem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryRetention;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.match.IndexEntry;
import dev.tandem.match.MemoryPackageIndex;
import dev.tandem.match.PackageKey;
import dev.tandem.match.PackageNames;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeVerdict;
import dev.tandem.version.VersionRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Build → encode → load gives the same index the in-memory path builds, entry for entry. */
class SnapshotRoundTripTest {

    private static AdvisoryDatabase database;
    private static List<KevEntry> kev;
    private static MemoryPackageIndex memory;
    private static Snapshot snapshot;
    private static Set<PackageKey> keys;

    @BeforeAll
    static void build() throws Exception {
        kev = SnapshotFixtures.kev();
        database = AdvisoryDatabase.build(SnapshotFixtures.advisories(), kev);
        memory = MemoryPackageIndex.build(database);
        snapshot = Snapshot.of("test.tdb", SnapshotWriter.encode(database, kev, SnapshotFixtures.PROVENANCE));
        keys = new LinkedHashSet<>();
        for (Vulnerability vulnerability : database.vulnerabilities()) {
            for (Advisory advisory : vulnerability.advisories()) {
                for (AffectedPackage affected : advisory.affected()) {
                    if (IndexEntry.isIndexable(affected)) {
                        keys.add(IndexEntry.keyOf(affected));
                    }
                }
            }
        }
    }

    @Test
    void everyPackageGivesTheSameEntriesInTheSameOrder() {
        SnapshotIndex index = snapshot.index();
        assertThat(keys).hasSizeGreaterThan(30);
        assertThat(index.packageCount()).isEqualTo(memory.packageCount()).isEqualTo(keys.size());
        assertThat(index.entryCount()).isEqualTo(memory.entryCount());
        for (PackageKey key : keys) {
            List<IndexEntry> expected = memory.lookup(key);
            List<IndexEntry> actual = index.lookup(key);
            assertThat(actual).as(key.toString()).hasSameSizeAs(expected).isNotEmpty();
            for (int i = 0; i < expected.size(); i++) {
                assertSameEntry(actual.get(i), expected.get(i));
            }
        }
    }

    private static void assertSameEntry(IndexEntry actual, IndexEntry expected) {
        Vulnerability a = actual.vulnerability();
        Vulnerability e = expected.vulnerability();
        assertThat(a.id()).isEqualTo(e.id());
        assertThat(List.copyOf(a.aliases())).isEqualTo(List.copyOf(e.aliases()));
        assertThat(a.severity()).isEqualTo(e.severity());
        assertThat(a.exploited()).isEqualTo(e.exploited());
        assertThat(a.advisories()).extracting(Advisory::id).isEqualTo(e.advisories().stream().map(Advisory::id).toList());
        assertThat(a.advisories()).extracting(Advisory::summary)
                .isEqualTo(e.advisories().stream().map(Advisory::summary).toList());
        assertThat(actual.advisory().id()).isEqualTo(expected.advisory().id());
        assertThat(actual.advisory().source()).isEqualTo(expected.advisory().source());
        assertThat(actual.release()).isEqualTo(expected.release());
        assertThat(actual.unevaluable()).isEqualTo(expected.unevaluable());
        assertThat(actual.affected().ecosystem()).isEqualTo(expected.affected().ecosystem());
        assertThat(actual.affected().name()).isEqualTo(expected.affected().name());
        assertThat(actual.affected().versions()).isEqualTo(expected.affected().versions());
        assertThat(actual.versions() == null).isEqualTo(expected.versions() == null);
        if (expected.versions() != null) {
            for (String probe : probes(expected.affected())) {
                assertThat(actual.versions().evaluate(probe)).as(probe).isEqualTo(expected.versions().evaluate(probe));
            }
        }
    }

    /** Every event and listed version, plus texts around them, so both sides of each bound are evaluated. */
    private static List<String> probes(AffectedPackage affected) {
        List<String> probes = new ArrayList<>(List.of("0.0.1", "1.0.0", "999.0", "not a version"));
        for (VersionRange range : affected.versions().ranges()) {
            for (RangeEvent event : range.events()) {
                probes.add(event.version());
                probes.add(event.version() + ".1");
            }
        }
        probes.addAll(affected.versions().versions());
        return probes;
    }

    @Test
    void handMadeShapesSurviveTheRoundTrip() {
        SnapshotIndex index = snapshot.index();
        List<IndexEntry> widget = index.lookup(PackageNames.key("Maven", "org.example:widget"));
        assertThat(widget).hasSize(1);
        Vulnerability cve = widget.get(0).vulnerability();
        assertThat(cve.id()).isEqualTo("CVE-2099-0001");
        assertThat(cve.aliases()).containsExactly("GHSA-aaaa-bbbb-cccc", "PYSEC-2099-1");
        assertThat(cve.exploited()).extracting(KevEntry::catalog).containsExactly(KevCatalog.CISA, KevCatalog.EU);
        assertThat(cve.exploited().get(0).knownRansomwareUse()).isTrue();
        assertThat(widget.get(0).versions().evaluate("2.0.4")).isInstanceOf(RangeVerdict.Affected.class);
        assertThat(widget.get(0).versions().evaluate("1.5")).isInstanceOf(RangeVerdict.NotAffected.class);

        // PEP 503 spelling, the details headline and a severity that could not be scored.
        List<IndexEntry> django = index.lookup(PackageNames.key("PyPI", "django-rest-framework"));
        assertThat(django).hasSize(1);
        Advisory pysec = django.get(0).advisory();
        assertThat(pysec.summary()).isEmpty();
        assertThat(pysec.details()).isEqualTo("First line of the details, shown when there is no summary.");

        assertThat(index.lookup(PackageNames.key("Debian", "openssl")).get(0).release()).isEqualTo("12");
        assertThat(index.lookup(PackageNames.key("Hackage", "aeson-ünï")).get(0).unevaluable())
                .contains("no version ordering");
        assertThat(index.lookup(PackageNames.key("npm", "withdrawn-pkg"))).isEmpty();
        assertThat(index.lookup(PackageNames.key("npm", "no-such-package"))).isEmpty();
        assertThat(index.lookup(new PackageKey("Maven", "org.example:widgeT"))).isEmpty();
    }

    @Test
    void idsAndAliasesFindTheirVulnerabilityInAnyCase() {
        SnapshotIndex index = snapshot.index();
        assertThat(index.vulnerabilityFor("pysec-2099-1")).map(Vulnerability::id).contains("CVE-2099-0001");
        assertThat(index.vulnerabilityFor("GHSA-aaaa-bbbb-cccc")).map(Vulnerability::id).contains("CVE-2099-0001");
        assertThat(index.vulnerabilityFor("GHSA-wwww-dddd-zzzz")).isEmpty();
        for (Vulnerability vulnerability : database.vulnerabilities()) {
            assertThat(index.vulnerabilityFor(vulnerability.id())).map(Vulnerability::id).contains(vulnerability.id());
        }
    }

    @Test
    void metadataKeepsStatsProvenanceAndEcosystemCounts() {
        SnapshotInfo info = snapshot.info();
        assertThat(info.stats()).isEqualTo(database.stats());
        assertThat(info.stats().withdrawn()).isEqualTo(2); // one in the examples, one hand-made
        assertThat(info.provenance()).isEqualTo(SnapshotFixtures.PROVENANCE);
        assertThat(info.packages()).isEqualTo(memory.packageCount());
        assertThat(info.entries()).isEqualTo(memory.entryCount());
        assertThat(info.ecosystems()).extracting(EcosystemCount::ecosystem)
                .containsExactly("Debian", "Go", "Hackage", "Maven", "PyPI", "crates.io", "npm");
        EcosystemCount go = info.ecosystems().stream().filter(c -> c.ecosystem().equals("Go")).findFirst().orElseThrow();
        assertThat(go.advisories()).isEqualTo(77);
        assertThat(info.ecosystems().stream().mapToLong(EcosystemCount::entries).sum()).isEqualTo(info.entries());
        assertThat(snapshot.kevEntries()).isEqualTo(kev);
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        byte[] first = SnapshotWriter.encode(database, kev, SnapshotFixtures.PROVENANCE);
        byte[] second = SnapshotWriter.encode(database, kev, SnapshotFixtures.PROVENANCE);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void advisoriesKeptOnlyAsFarAsTheSnapshotNeedsGiveTheSameBytes() throws Exception {
        // What db build drops on the parsing thread (AdvisoryRetention.SNAPSHOT) is nothing the file holds.
        List<Advisory> slim = SnapshotFixtures.advisories().stream().map(AdvisoryRetention.SNAPSHOT::apply).toList();
        assertThat(slim).anyMatch(a -> !a.references().isEmpty() || !a.details().isEmpty()).isNotEmpty();
        byte[] full = SnapshotWriter.encode(database, kev, SnapshotFixtures.PROVENANCE);
        byte[] kept = SnapshotWriter.encode(AdvisoryDatabase.build(slim, kev), kev, SnapshotFixtures.PROVENANCE);
        assertThat(kept).isEqualTo(full);
        assertThat(slim).allMatch(a -> a.references().isEmpty() && a.related().isEmpty());
    }

    @Test
    void fresherKevReplacesTheSnapshotsCatalogue() throws Exception {
        AdvisoryDatabase withoutKev = AdvisoryDatabase.build(SnapshotFixtures.advisories(), List.of());
        Snapshot bare = Snapshot.of("bare.tdb", SnapshotWriter.encode(withoutKev, List.of(), SnapshotFixtures.PROVENANCE));
        SnapshotIndex overlaid = bare.index(kev);
        SnapshotIndex built = snapshot.index();
        assertThat(overlaid.stats()).isEqualTo(database.stats());
        for (PackageKey key : keys) {
            assertThat(overlaid.lookup(key)).extracting(e -> e.vulnerability().exploited())
                    .isEqualTo(built.lookup(key).stream().map(e -> e.vulnerability().exploited()).toList());
        }

        // A fresher CISA list without CVE-2099-0001 removes CISA's assertion and keeps EU's.
        List<KevEntry> fresherCisa = kev.stream().filter(e -> e.catalog() == KevCatalog.CISA
                && !e.cveId().equals("CVE-2099-0001")).toList();
        Vulnerability cve = snapshot.index(fresherCisa).vulnerabilityFor("CVE-2099-0001").orElseThrow();
        assertThat(cve.exploited()).extracting(KevEntry::catalog).containsExactly(KevCatalog.EU);
        assertThat(snapshot.index(fresherCisa).stats().kevEntries())
                .isEqualTo(fresherCisa.size() + kev.stream().filter(e -> e.catalog() == KevCatalog.EU).count());
    }
}
