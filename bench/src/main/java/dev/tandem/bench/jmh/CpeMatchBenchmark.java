package dev.tandem.bench.jmh;

import dev.tandem.match.Matcher;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotIndex;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPE matching of the 2,000-component firmware SBOM against a snapshot of the synthetic NVD corpus
 * ({@code -Dtandem.bench.nvd=<folder>} holding {@code db.tdb} and {@code firmware-2000.cdx.json},
 * see bench/run-nvd.sh): a fresh index that decodes every looked-up product ({@code cold}, what one
 * {@code tandem scan --db} does) and one whose records are decoded already ({@code warm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CpeMatchBenchmark {

    @Param({"cold", "warm"})
    public String index;

    private Sbom sbom;
    private Snapshot snapshot;
    private SnapshotIndex warm;

    @Setup(Level.Trial)
    public void load() throws Exception {
        String folder = System.getProperty("tandem.bench.nvd");
        if (folder == null) {
            throw new IllegalStateException("set -Dtandem.bench.nvd=<folder> (see bench/run-nvd.sh)");
        }
        sbom = SbomReaders.read(Path.of(folder, "firmware-2000.cdx.json"));
        snapshot = Snapshot.load(Path.of(folder, "db.tdb"));
        if (index.equals("warm")) {
            warm = snapshot.index();
            new Matcher(warm, warm).scan(sbom);
        }
    }

    @Benchmark
    public SbomReport match() {
        SnapshotIndex target = warm != null ? warm : snapshot.index();
        return new Matcher(target, target).scan(sbom);
    }
}
