package io.chspring.benchmarks;

/**
 * One line of the results table. {@code kind} groups rows for the ratios: the limit and the peers of one
 * (direction, compression). A failed measurement keeps its line with the error. {@code afterGcMb} is the largest heap
 * in use right after a collection (NaN for curl, or when no collection ran).
 */
record Row(String section, String name, Role role, String compression, long rows, double seconds, double cpuSeconds,
        double peakMb, String memoryKind, double payloadMb, String error, double afterGcMb) {

    Row(String section, String name, Role role, String compression, long rows, double seconds, double cpuSeconds,
            double peakMb, String memoryKind, double payloadMb, String error) {
        this(section, name, role, compression, rows, seconds, cpuSeconds, peakMb, memoryKind, payloadMb, error, Double.NaN);
    }

    /** Who a line measures, which decides what it is compared with. */
    enum Role {
        OURS, PEER, LIMIT, INFO,
        /** Ours, second pass in the same JVM: compared with the limit, not with the peers' first (cold) passes. */
        OURS_WARM
    }

    static Row failed(String section, String name, Role role, String compression, long rows, String error) {
        return new Row(section, name, role, compression, rows, Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, error);
    }

    boolean ok() {
        return error == null;
    }

    double rowsPerSecond() {
        return rows / seconds;
    }

    double mbPerSecond() {
        return payloadMb / seconds;
    }

    String group() {
        return section + "/" + compression;
    }
}
