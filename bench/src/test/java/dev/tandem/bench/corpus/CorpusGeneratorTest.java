package dev.tandem.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.match.Finding;
import dev.tandem.match.Matcher;
import dev.tandem.match.PackageIndex;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator is deterministic, its output is valid OSV/KEV/CycloneDX, and its shape follows real OSV. */
class CorpusGeneratorTest {

    private static final int SIZE = 3_000;

    @TempDir
    static Path dir;
    private static List<Advisory> advisories;
    private static AdvisoryLoad load;

    @BeforeAll
    static void generate() throws Exception {
        new CorpusGenerator(new CorpusModel(42, SIZE)).write(dir.resolve("a"), CorpusGenerator.Layout.DIR);
        new CorpusGenerator(new CorpusModel(42, SIZE)).write(dir.resolve("z"), CorpusGenerator.Layout.ZIP);
        load = AdvisoryLoader.load(List.of(dir.resolve("a/osv")), LoadOptions.strict(), LoadListener.NONE);
        advisories = load.advisories();
    }

    private static Map<String, byte[]> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toMap(p -> root.relativize(p).toString(), p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    @Test
    void theSameSeedGivesTheSameCorpusByteForByte() throws Exception {
        new CorpusGenerator(new CorpusModel(42, SIZE)).write(dir.resolve("b"), CorpusGenerator.Layout.DIR);
        Map<String, byte[]> first = files(dir.resolve("a"));
        Map<String, byte[]> second = files(dir.resolve("b"));
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
        assertThat(first).hasSizeGreaterThan(SIZE);
    }

    @Test
    void anotherSeedGivesAnotherCorpus() {
        CorpusModel one = new CorpusModel(42, SIZE);
        CorpusModel two = new CorpusModel(43, SIZE);
        long same = java.util.stream.IntStream.range(0, 200)
                .filter(i -> OsvJson.write(one.plan(i)).length == OsvJson.write(two.plan(i)).length).count();
        assertThat(same).isLessThan(50);
    }

    @Test
    void everyRecordIsValidOsvAndTheZipLayoutHoldsTheSameAdvisories() throws Exception {
        assertThat(advisories).hasSize(SIZE);
        assertThat(load.problems()).isEmpty();
        List<Path> zips;
        try (Stream<Path> walk = Files.walk(dir.resolve("z/osv"))) {
            zips = walk.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        AdvisoryLoad zipped = AdvisoryLoader.load(zips, LoadOptions.strict(), LoadListener.NONE);
        assertThat(zipped.advisories()).extracting(Advisory::id)
                .containsExactlyInAnyOrderElementsOf(advisories.stream().map(Advisory::id).toList());
        assertThat(KevReader.read(dir.resolve("a/kev.json"))).hasSizeGreaterThan(300);
    }

    @Test
    void theShapeFollowsRealOsv() {
        Map<String, Long> byEcosystem = advisories.stream().collect(Collectors.groupingBy(
                a -> a.affected().get(0).ecosystem().split(":")[0], Collectors.counting()));
        assertThat(byEcosystem.keySet()).contains("npm", "PyPI", "Maven", "Go", "crates.io", "RubyGems", "NuGet",
                "Packagist", "Debian", "Ubuntu", "Alpine", "Red Hat", "SUSE", "Linux");
        assertThat(share(byEcosystem.get("npm"))).isBetween(0.26, 0.34);
        assertThat(share(byEcosystem.get("Debian"))).isBetween(0.12, 0.18);

        List<AffectedPackage> affected = advisories.stream().flatMap(a -> a.affected().stream()).toList();
        List<VersionRange> ranges = affected.stream().flatMap(a -> a.versions().ranges().stream()).toList();
        assertThat(share(advisories.stream().filter(a -> a.affected().size() == 1).count())).isBetween(0.60, 0.85);
        assertThat(advisories.stream().mapToInt(a -> a.affected().size()).max().orElseThrow()).isGreaterThanOrEqualTo(5);
        assertThat(ranges).anyMatch(r -> r.type() == RangeType.GIT);
        assertThat(ranges).anyMatch(r -> r.type() == RangeType.SEMVER);
        assertThat(ranges).anyMatch(r -> r.events().stream().filter(e -> e.kind() == RangeEvent.Kind.INTRODUCED).count() >= 3);
        assertThat(ranges).anyMatch(r -> r.events().stream().anyMatch(e -> e.kind() == RangeEvent.Kind.LAST_AFFECTED));
        assertThat(ranges).anyMatch(r -> r.events().stream().anyMatch(e -> e.kind() == RangeEvent.Kind.LIMIT));
        assertThat(affected.stream().filter(a -> !a.versions().versions().isEmpty()).count())
                .isGreaterThan(affected.size() / 20);
        assertThat(share(advisories.stream().filter(a -> a.aliases().stream().anyMatch(x -> x.startsWith("CVE-"))).count()))
                .isBetween(0.3, 0.8);
        assertThat(advisories).anyMatch(a -> a.id().startsWith("MAL-"));
        assertThat(load.withdrawn()).isBetween(1L, SIZE / 50L);
        // Distribution advisories share CVEs, so alias merging has real work to do.
        AdvisoryDatabase database = AdvisoryDatabase.build(advisories, List.of());
        assertThat(database.stats().vulnerabilities()).isLessThan(database.stats().advisories() * 95 / 100);
    }

    private static double share(long count) {
        return (double) count / SIZE;
    }

    @Test
    void sbomsAreDeterministicValidAndHoldTheRequestedShareOfVulnerableComponents() throws Exception {
        SbomGenerator generator = new SbomGenerator(new CorpusModel(42, SIZE));
        byte[] first = generator.sbom(7, 1_000, 0.10);
        assertThat(new SbomGenerator(new CorpusModel(42, SIZE)).sbom(7, 1_000, 0.10)).isEqualTo(first);
        assertThat(generator.sbom(8, 1_000, 0.10)).isNotEqualTo(first);
        Path file = dir.resolve("product.cdx.json");
        Files.write(file, first);
        Sbom sbom = SbomReaders.read(file);
        assertThat(sbom.components()).hasSize(1_000);

        List<SbomGenerator.Drawn> drawn = generator.components(7, 1_000, 0.10);
        long drawnVulnerable = drawn.stream().filter(SbomGenerator.Drawn::drawnVulnerable).count();
        assertThat(drawnVulnerable).isBetween(60L, 140L);
        SbomReport report = new Matcher(PackageIndex.build(AdvisoryDatabase.build(advisories, List.of()))).scan(sbom);
        Set<String> vulnerableNames = report.findings().stream().map(Finding::component)
                .map(c -> c.purl()).collect(Collectors.toSet());
        long orderedVulnerable = drawn.stream().filter(d -> d.drawnVulnerable() && d.ecosystem().ordered()).count();
        // Every component drawn vulnerable in an ecosystem Tandem orders is found (duplicates collapse).
        assertThat((long) vulnerableNames.size()).isGreaterThanOrEqualTo(orderedVulnerable * 9 / 10);
        assertThat(vulnerableNames.size()).isLessThan(400);
    }
}
