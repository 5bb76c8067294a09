package dev.tandem.bench.jmh;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.OsvReader;
import dev.tandem.bench.corpus.CorpusModel;
import dev.tandem.input.InputLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-document OSV decode of {@code db build} (issue 20): {@value #RECORDS} records of the
 * synthetic corpus model (the 500k corpus's seed, spread over all of it), each read from its UTF-8
 * bytes by {@link OsvReader#readAll} as the build reads zip entries; time per advisory. Needs no
 * corpus files: the records are generated in memory.
 */
@State(Scope.Benchmark)
public class OsvDecodeBenchmark {

    static final int RECORDS = 10_000;

    private final List<byte[]> records = new ArrayList<>();

    @Setup
    public void generate() {
        records.addAll(sample(RECORDS));
    }

    /** Every (size / count)-th record of the 500k corpus model. */
    public static List<byte[]> sample(int count) {
        CorpusModel model = new CorpusModel(1, 500_000); // the 500k corpus: seed 1
        List<byte[]> sample = new ArrayList<>(count);
        long step = model.size() / count;
        for (int i = 0; i < count; i++) {
            sample.add(model.osvJson((int) (i * step)));
        }
        return sample;
    }

    /** Decodes every sampled record; the caller divides by the count. */
    public static long decodeAll(List<byte[]> records) throws Exception {
        long n = 0;
        for (int i = 0; i < records.size(); i++) {
            List<Advisory> advisories = OsvReader.readAll("entry-" + i + ".json", records.get(i), false, InputLimits.DEFAULT);
            n += advisories.get(0).affected().size();
        }
        return n;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(RECORDS)
    public long decode() throws Exception {
        return decodeAll(records);
    }
}
