package dev.tandem.bench.build;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryRetention;
import dev.tandem.advisory.OsvReader;
import dev.tandem.advisory.RepeatedValues;
import dev.tandem.input.InputLimits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code db build}'s per-entry OSV decode alone, on one thread, over real entries of a corpus: every
 * {@code STEP}-th entry of every archive is inflated into memory first (inflating is not timed), then
 * each pass reads all of them as the build does (one {@link RepeatedValues#forLoad table} per pass, the
 * {@link AdvisoryRetention#SNAPSHOT} retention) and prints the decoding thread's CPU per advisory. The
 * first pass includes the JIT's warm-up on this thread (not the compiler threads' CPU).
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.build.OsvDecodeProbe CORPUS_DIR [STEP] [PASSES] [keep,unshared,full]</pre>
 */
public final class OsvDecodeProbe {

    private OsvDecodeProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int step = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        // "keep": every pass's advisories are held until the next pass (as the build holds them until the merge);
        // "unshared": no table of recurring values (each string its own copy); "full": the full table (as a scan's).
        String mode = args.length > 3 ? args[3] : "";
        List<Advisory> kept = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<byte[]> entries = new ArrayList<>();
        List<Path> archives = BuildPhaseProbe.osvArchives(corpus);
        long bytes = 0;
        for (Path archive : archives) {
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                int i = 0;
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); i++) {
                    ZipEntry entry = e.nextElement();
                    if (i % step != 0) {
                        continue;
                    }
                    byte[] content = zip.getInputStream(entry).readAllBytes();
                    names.add(archive + "!/" + entry.getName());
                    entries.add(content);
                    bytes += content.length;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d entries, %.1f MB%n", entries.size(), bytes / 1e6);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            RepeatedValues repeated = mode.contains("unshared") ? null
                    : mode.contains("full") ? new RepeatedValues() : RepeatedValues.forLoad(AdvisoryRetention.SNAPSHOT);
            kept = new ArrayList<>();
            long check = 0;
            long gc = ProcessCounters.collectorMillis();
            long process = ProcessCounters.cpuNanos();
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < entries.size(); i++) {
                List<Advisory> read = OsvReader.readAll(names.get(i), entries.get(i), false, InputLimits.DEFAULT,
                        new ArrayList<>(), repeated, AdvisoryRetention.SNAPSHOT);
                for (Advisory advisory : read) {
                    check += advisory.affected().size();
                }
                if (mode.contains("keep")) {
                    kept.addAll(read);
                }
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            process = ProcessCounters.cpuNanos() - process;
            System.out.printf(Locale.ROOT,
                    "pass %2d  cpu %6.0f ms  %5.2f us/advisory  process cpu %6.0f ms  gc %5d ms  (check %d)  load %.1f%n",
                    pass, cpu / 1e6, cpu / 1e3 / entries.size(), process / 1e6, ProcessCounters.collectorMillis() - gc, check,
                    ProcessCounters.loadAverage());
        }
    }
}
