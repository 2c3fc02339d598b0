package io.chspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What one end-to-end fork measures about itself: wall time, the process's CPU time (all threads, GC and JIT
 * included) and peak heap (the sum of each heap pool's peak, an upper bound of the true peak).
 */
final class Measurement {

    private final long startNanos = System.nanoTime();
    private final long startCpu = cpuNanos();

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

    /** Starts the heap peaks afresh, so a second pass in the same JVM reports its own. */
    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The line the orchestrator parses: {@code RESULT rows seconds cpuSeconds peakHeapBytes}. */
    String result(long rows) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (cpuNanos() - startCpu) / 1e9;
        return "RESULT " + rows + " " + seconds + " " + cpu + " " + peakHeapBytes();
    }
}
