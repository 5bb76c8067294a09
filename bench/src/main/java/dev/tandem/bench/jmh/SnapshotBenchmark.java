package dev.tandem.bench.jmh;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.KevEntry;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.snapshot.SnapshotWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Loading a snapshot file (read, CRC32C, table checks, metadata) and encoding one from a parsed database. */
public class SnapshotBenchmark {

    /** The snapshot file of the corpus. */
    @State(Scope.Benchmark)
    public static class File {
        Path path;

        @Setup(Level.Trial)
        public void locate() {
            path = Corpus.fromProperty().snapshot();
        }
    }

    /** The corpus parsed and alias-merged once, for the encoder. */
    @State(Scope.Benchmark)
    public static class Parsed {
        AdvisoryDatabase database;
        List<KevEntry> kev;

        @Setup(Level.Trial)
        public void parse() throws Exception {
            Corpus corpus = Corpus.fromProperty();
            kev = corpus.kev();
            database = AdvisoryDatabase.build(corpus.load().advisories(), kev);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Snapshot load(File file) throws Exception {
        return Snapshot.load(file.path);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] encode(Parsed parsed) {
        return SnapshotWriter.encode(parsed.database, parsed.kev, new SnapshotProvenance("bench", Instant.EPOCH,
                List.of("corpus"), List.of("kev")));
    }
}
