package dev.tandem.bench.jmh;

import dev.tandem.match.Matcher;
import dev.tandem.match.PackageIndex;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Sbom;
import dev.tandem.snapshot.Snapshot;
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
 * Matching the 10,000-component SBOM against a loaded index: the in-memory index built from the
 * parsed corpus ({@code memory}), a snapshot index whose entries are already decoded
 * ({@code snapshot-warm}, a long-running service), and a fresh snapshot index that decodes every
 * looked-up package on the way ({@code snapshot-cold}, what one {@code tandem scan --db} does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchBenchmark {

    @Param({"snapshot-cold", "snapshot-warm", "memory"})
    public String index;

    private Sbom sbom;
    private Snapshot snapshot;
    private PackageIndex loaded;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Corpus corpus = Corpus.fromProperty();
        sbom = corpus.sbom();
        snapshot = Snapshot.load(corpus.snapshot());
        loaded = switch (index) {
            case "memory" -> PackageIndex.build(corpus.database());
            case "snapshot-warm" -> snapshot.index();
            default -> null;
        };
        if (loaded != null) {
            new Matcher(loaded).scan(sbom); // decode (warm) once
        }
    }

    @Benchmark
    public SbomReport match() {
        PackageIndex target = loaded != null ? loaded : snapshot.index();
        return new Matcher(target).scan(sbom);
    }
}
