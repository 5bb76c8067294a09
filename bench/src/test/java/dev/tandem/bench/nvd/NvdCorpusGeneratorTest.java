package dev.tandem.bench.nvd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.advisory.nvd.CveRecord;
import dev.tandem.advisory.nvd.CveRecordLoad;
import dev.tandem.advisory.nvd.CveRecordLoader;
import dev.tandem.match.MatchSource;
import dev.tandem.match.Matcher;
import dev.tandem.match.MemoryCpeIndex;
import dev.tandem.match.PackageIndex;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NVD generator is deterministic, Tandem reads every record it writes, and its firmware SBOM finds something. */
class NvdCorpusGeneratorTest {

    private static final NvdModel MODEL = new NvdModel(7, 3_000);

    @TempDir
    static Path dir;
    private static CveRecordLoad load;

    @BeforeAll
    static void generate() throws Exception {
        NvdCorpusGenerator.write(MODEL, dir);
        load = CveRecordLoader.load(List.of(dir.resolve("nvd")), LoadOptions.strict(), null);
    }

    @Test
    void everyRecordIsReadAndTheShapeIsAsDocumented() {
        assertThat(load.records()).hasSize(3_000);
        assertThat(load.problems()).isEmpty();
        long rejected = load.records().stream().filter(CveRecord::isRejected).count();
        long empty = load.records().stream().filter(r -> !r.isRejected() && r.applicability().isEmpty()).count();
        assertThat(rejected).isBetween(60L, 180L);
        assertThat(empty).isBetween(90L, 210L);
        assertThat(load.records().stream().filter(r -> r.applicability().configurations().stream()
                .anyMatch(c -> c.operator() == dev.tandem.cpe.Operator.AND)).count()).isGreaterThan(300);
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws Exception {
        assertThat(NvdJson.element(MODEL.plan(1234))).isEqualTo(NvdJson.element(new NvdModel(7, 3_000).plan(1234)));
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        FirmwareSbomGenerator.write(MODEL, 200, a);
        FirmwareSbomGenerator.write(MODEL, 200, b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void theFirmwareSbomMatchesByCpeWithPlatformsAndInference() throws Exception {
        Path sbomFile = dir.resolve("firmware.cdx.json");
        try (var out = Files.newOutputStream(sbomFile)) {
            FirmwareSbomGenerator.write(MODEL, 2_000, out);
        }
        Sbom sbom = SbomReaders.read(sbomFile);
        AdvisoryDatabase database = AdvisoryDatabase.build(load.records().stream().map(CveRecord::advisory).toList(),
                List.of());
        SbomReport report = new Matcher(PackageIndex.build(database), MemoryCpeIndex.build(database, load.records()))
                .scan(sbom);
        assertThat(report.findings()).hasSizeGreaterThan(100)
                .allSatisfy(f -> assertThat(f.matchedBy()).isEqualTo(MatchSource.CPE));
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.matchRule()).contains(", with cpe:2.3:h:"));
        assertThat(report.undecided()).isNotEmpty();
        assertThat(report.unmatched()).isNotEmpty();
    }
}
