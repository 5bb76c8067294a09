package dev.tandem.bench.build;

import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.AdvisoryRetention;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code db build}'s decode (every OSV archive of a corpus, {@link AdvisoryRetention#SNAPSHOT}) once, as
 * {@link BuildPhaseProbe} runs it, printing beside the process's CPU the CPU of the Java threads alone (the
 * listing, inflating and parsing threads): on a loaded machine the collector's and the JIT's threads make the
 * process's figure move by a fifth from run to run, the Java threads' much less.
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.build.DecodeThreadsProbe CORPUS_DIR</pre>
 */
public final class DecodeThreadsProbe {

    private DecodeThreadsProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> archives = BuildPhaseProbe.osvArchives(Path.of(args[0]));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = threadCpu(threads);
        Map<String, Long> nativeBefore = nativeThreadCpu();
        long gc = ProcessCounters.collectorMillis();
        long process = ProcessCounters.cpuNanos();
        long wall = System.nanoTime();
        AdvisoryLoad load = AdvisoryLoader.load(archives, LoadOptions.strict(), LoadListener.NONE,
                AdvisoryRetention.SNAPSHOT);
        wall = System.nanoTime() - wall;
        process = ProcessCounters.cpuNanos() - process;
        long java = 0;
        for (Map.Entry<Long, Long> after : threadCpu(threads).entrySet()) {
            java += after.getValue() - before.getOrDefault(after.getKey(), 0L);
        }
        System.out.printf(Locale.ROOT,
                "FIGURE decode %d advisories  wall %7.0f ms  process cpu %7.0f ms  java threads cpu %7.0f ms  gc %5d ms"
                        + "  load %.1f%n", load.advisories().size(), wall / 1e6, process / 1e6, java / 1e6,
                ProcessCounters.collectorMillis() - gc, ProcessCounters.loadAverage());
        Map<String, Long> nativeAfter = nativeThreadCpu();
        if (!nativeAfter.isEmpty()) {
            StringBuilder line = new StringBuilder("FIGURE vm threads cpu");
            for (Map.Entry<String, Long> group : new TreeMap<>(nativeAfter).entrySet()) {
                line.append(String.format(Locale.ROOT, "  %s %6d ms", group.getKey(),
                        group.getValue() - nativeBefore.getOrDefault(group.getKey(), 0L)));
            }
            System.out.println(line);
        }
    }

    /**
     * The CPU time of the JVM's own threads by kind (C2 and C1 compilers, the collector's threads) from
     * {@code /proc/self/task} (Linux; empty elsewhere), in ms: the JIT competes with the decode for the cores,
     * and its share is the metric for code shaped so that it is compiled once.
     */
    private static Map<String, Long> nativeThreadCpu() {
        Map<String, Long> cpu = new HashMap<>();
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return cpu;
        }
        for (File task : tasks) {
            try {
                String name = Files.readString(task.toPath().resolve("comm")).strip();
                String group = name.startsWith("C2 Compiler") ? "c2" : name.startsWith("C1 Compiler") ? "c1"
                        : name.startsWith("GC Thread") || name.startsWith("VM Thread") ? "gc+vm" : null;
                if (group == null) {
                    continue;
                }
                String stat = Files.readString(task.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                cpu.merge(group, ticks * 10, Long::sum); // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException e) {
                // a thread that ended while listed
            }
        }
        return cpu;
    }

    private static Map<Long, Long> threadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long time = threads.getThreadCpuTime(id);
            if (time >= 0) {
                cpu.put(id, time);
            }
        }
        return cpu;
    }
}
