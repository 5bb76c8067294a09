package dev.tandem.bench.build;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** The process-wide counters every build probe prints beside its own figures: CPU, collector time, load. */
final class ProcessCounters {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCounters() {
    }

    /** The CPU time of every thread of this process so far, in nanoseconds. */
    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** The time the collectors report having spent so far, in milliseconds. */
    static long collectorMillis() {
        long gc = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, bean.getCollectionTime());
        }
        return gc;
    }

    /** The machine's 1-minute load average, printed beside each figure (the machines are shared). */
    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
