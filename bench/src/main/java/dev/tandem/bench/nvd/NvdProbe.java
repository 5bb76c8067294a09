package dev.tandem.bench.nvd;

import dev.tandem.match.Matcher;
import dev.tandem.match.PackageIndex;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU time (this thread's) and wall time of the CPE steps over a corpus folder holding
 * {@code db.tdb} (built with {@code tandem db build --nvd}) and {@code firmware-2000.cdx.json}: load
 * the snapshot, match the SBOM with a fresh index (decoding every product it looks up) and with a
 * warm one. Medians of several runs after warm-up; on a shared machine CPU time is the figure.
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.nvd.NvdProbe bench/out/nvd-300k 7</pre>
 */
public final class NvdProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private NvdProbe() {
    }

    @FunctionalInterface
    interface Step {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Sbom sbom = SbomReaders.read(corpus.resolve("firmware-2000.cdx.json"));
        Path file = corpus.resolve("db.tdb");
        report("snapshot load", runs, () -> Snapshot.load(file));
        Snapshot snapshot = Snapshot.load(file);
        report("match " + sbom.components().size() + " components, cold index", runs, () -> {
            SnapshotIndex index = snapshot.index();
            return new Matcher(index, index).scan(sbom);
        });
        SnapshotIndex warm = snapshot.index();
        SbomReport first = new Matcher(warm, warm).scan(sbom);
        report("match " + sbom.components().size() + " components, warm index (" + first.findings().size() + " findings, "
                + first.undecided().size() + " undecided, " + first.unmatched().size() + " unmatched)", runs,
                () -> new Matcher(warm, warm).scan(sbom));
        report("match by purl only (no CPE index), warm", runs, () -> new Matcher((PackageIndex) warm).scan(sbom));
    }

    private static void report(String name, int runs, Step step) throws Exception {
        for (int i = 0; i < 2; i++) {
            step.run();
        }
        List<Long> cpu = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            step.run();
            cpu.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
            wall.add(System.nanoTime() - wallStart);
        }
        cpu.sort(null);
        wall.sort(null);
        System.out.printf(Locale.ROOT, "%-90s CPU %8.1f ms   wall %8.1f ms (median of %d)%n", name,
                cpu.get(runs / 2) / 1e6, wall.get(runs / 2) / 1e6, runs);
    }
}
