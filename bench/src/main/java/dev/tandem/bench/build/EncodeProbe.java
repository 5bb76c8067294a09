package dev.tandem.bench.build;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.AdvisoryRetention;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.snapshot.SnapshotWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The snapshot encoding alone, run {@code REPEATS} times over one decoded and merged corpus: per run
 * its wall time, the process's CPU time and the calling thread's own CPU time (the thread that
 * numbers the texts and writes the records, the encoder's critical path; the strings thread's UTF-8
 * is the rest), with the file's SHA-256 under the provenance {@link BuildPhaseProbe} uses.
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.build.EncodeProbe CORPUS_DIR [REPEATS]</pre>
 */
public final class EncodeProbe {

    private EncodeProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<KevEntry> kev = KevReader.read(corpus.resolve("kev.json"));
        AdvisoryLoad load = AdvisoryLoader.load(BuildPhaseProbe.osvArchives(corpus), LoadOptions.strict(),
                LoadListener.NONE, AdvisoryRetention.SNAPSHOT);
        AdvisoryDatabase database = AdvisoryDatabase.build(load.advisories(), kev);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= repeats; r++) {
            System.out.printf(Locale.ROOT, "encode run %d starts %d ms after the JVM%n", r,
                    ManagementFactory.getRuntimeMXBean().getUptime());
            long wall = System.nanoTime();
            long cpu = ProcessCounters.cpuNanos();
            long own = threads.getCurrentThreadCpuTime();
            byte[] file = SnapshotWriter.encode(database, List.of(), kev, null, BuildPhaseProbe.PROVENANCE);
            System.out.printf(Locale.ROOT, "FIGURE encode, run %d  wall %6.0f ms  cpu %6.0f ms  calling thread %6.0f ms"
                    + "  load %.1f  sha256 %s%n", r, (System.nanoTime() - wall) / 1e6, (ProcessCounters.cpuNanos() - cpu) / 1e6,
                    (threads.getCurrentThreadCpuTime() - own) / 1e6, ProcessCounters.loadAverage(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        }
    }
}
