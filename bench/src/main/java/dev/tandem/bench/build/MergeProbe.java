package dev.tandem.bench.build;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.AdvisoryRetention;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code db build}'s alias merge run {@code REPEATS} times over one load of a corpus, each run's CPU
 * time on the thread that runs it beside its wall time, the process's CPU (the merge's helper thread,
 * the JIT compilers and the collector), the collectors' time, the bytes the calling thread allocated
 * and the load average: on a shared machine the CPU times are the figures that compare (the first run
 * is what {@code db build} pays).
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.build.MergeProbe CORPUS_DIR [REPEATS]</pre>
 */
public final class MergeProbe {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private MergeProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<Path> archives = BuildPhaseProbe.osvArchives(corpus);
        List<KevEntry> kev = KevReader.read(corpus.resolve("kev.json"));
        AdvisoryLoad load = AdvisoryLoader.load(archives, LoadOptions.strict(), LoadListener.NONE,
                AdvisoryRetention.SNAPSHOT);
        for (int r = 1; r <= repeats; r++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            long process = ProcessCounters.cpuNanos();
            long gc = ProcessCounters.collectorMillis();
            long wall = System.nanoTime();
            AdvisoryDatabase database = AdvisoryDatabase.build(load.advisories(), kev);
            System.out.printf(Locale.ROOT,
                    "FIGURE merge, run %d (%d vulnerabilities)  thread cpu %5.0f ms  wall %5.0f ms  process cpu %5.0f ms"
                            + "  gc %4d ms  allocated %4d MiB  load %.1f%n",
                    r, database.vulnerabilities().size(), (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6,
                    (System.nanoTime() - wall) / 1e6, (ProcessCounters.cpuNanos() - process) / 1e6, ProcessCounters.collectorMillis() - gc,
                    (THREADS.getCurrentThreadAllocatedBytes() - allocated) >> 20, ProcessCounters.loadAverage());
        }
    }
}
