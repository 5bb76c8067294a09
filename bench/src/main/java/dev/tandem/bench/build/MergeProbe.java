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
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code db build}'s alias merge run {@code REPEATS} times over one load of a corpus, each run's CPU
 * time on the thread that runs it beside its wall time and the load average: on a shared machine the
 * thread's CPU time is the figure that compares (the first run is what {@code db build} pays, JIT
 * compilation on other threads not counted).
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.build.MergeProbe CORPUS_DIR [REPEATS]</pre>
 */
public final class MergeProbe {

    private MergeProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<Path> archives = BuildPhaseProbe.osvArchives(corpus);
        List<KevEntry> kev = KevReader.read(corpus.resolve("kev.json"));
        AdvisoryLoad load = AdvisoryLoader.load(archives, LoadOptions.strict(), LoadListener.NONE,
                AdvisoryRetention.SNAPSHOT);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= repeats; r++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            AdvisoryDatabase database = AdvisoryDatabase.build(load.advisories(), kev);
            System.out.printf(Locale.ROOT, "FIGURE merge, run %d (%d vulnerabilities)  thread cpu %5.0f ms  wall %5.0f ms  load %.1f%n",
                    r, database.vulnerabilities().size(), (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
                    (System.nanoTime() - wall) / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
