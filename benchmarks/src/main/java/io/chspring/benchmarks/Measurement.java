package io.chspring.benchmarks;

import java.io.IOException;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What one end-to-end fork measures about itself: wall time, the process's CPU time (all threads, GC and JIT
 * included) and peak heap (the sum of each heap pool's peak, an upper bound of the true peak).
 */
final class Measurement {

    /** The largest heap in use right after a collection since the last {@link #resetPeaks()}: the live data's peak. */
    private static final AtomicLong maxAfterGc = new AtomicLong();

    static {
        // Both meters read once here, before any clock starts: the first CPU read loads the platform's management
        // classes, which had landed inside every timed window (a cold read's included).
        cpuNanos();
        machineIdleSeconds();
        // After a GC the heap holds live data (and old garbage not yet reclaimed); the pools' peaks also hold the
        // garbage of young collections, which on a large heap says more about the GC's sizing than about the client.
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcInfo();
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    MemoryUsage after = info.getMemoryUsageAfterGc().get(pool.getName());
                    if (pool.getType() == MemoryType.HEAP && after != null) {
                        used += after.getUsed();
                    }
                }
                maxAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    private final long startNanos = System.nanoTime();
    private final long startCpu = cpuNanos();
    private final double startIdle = machineIdleSeconds();

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * Seconds all cores of the machine spent idle so far ({@code /proc/stat}, idle + iowait, at 100 ticks per
     * second), or NaN where that file is not readable. Idle time during a run that should keep the client and the
     * server busy shows a pipeline that waits on itself rather than on the CPU.
     */
    static double machineIdleSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return (Long.parseLong(f[4]) + Long.parseLong(f[5])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Starts the heap peaks afresh, so a second pass in the same JVM reports its own. */
    static void resetPeaks() {
        maxAfterGc.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * The line the orchestrator parses: {@code RESULT rows seconds cpuSeconds peakHeapBytes idleSeconds
     * maxHeapAfterGcBytes}: the machine's idle core-seconds during the run (see {@link #machineIdleSeconds()}), and
     * the largest heap in use right after a collection (0 when none ran).
     */
    String result(long rows) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (cpuNanos() - startCpu) / 1e9;
        return "RESULT " + rows + " " + seconds + " " + cpu + " " + peakHeapBytes() + " "
                + String.format(Locale.ROOT, "%.2f", machineIdleSeconds() - startIdle) + " " + maxAfterGc.get();
    }
}
