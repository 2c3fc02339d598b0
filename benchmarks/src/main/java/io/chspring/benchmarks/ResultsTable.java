package io.chspring.benchmarks;

import java.util.List;
import java.util.Locale;

/** Renders the end-to-end and codec results as markdown, each figure with its ratio to the limit and best peer. */
final class ResultsTable {

    private ResultsTable() {
    }

    static String endToEnd(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Section | Client | LZ4 | Rows | Rows/s | MB/s | CPU s | Peak heap | Heap after GC | x limit | x best peer | Note |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.section()).append(" | ").append(r.name()).append(" | ").append(r.compression())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", r.rows())).append(" | ");
            if (!r.ok()) {
                sb.append("- | - | - | - | - | - | - | ").append(r.error().replace("|", "\\|")).append(" |\n");
                continue;
            }
            sb.append(fmt("%,.0f", r.rowsPerSecond())).append(" | ").append(fmt("%.1f", r.mbPerSecond())).append(" | ")
                    .append(fmt("%.2f", r.cpuSeconds())).append(" | ")
                    .append(Double.isNaN(r.peakMb()) ? "-" : fmt("%.0f MB", r.peakMb()) + r.memoryKind()).append(" | ")
                    .append(Double.isNaN(r.afterGcMb()) ? "-" : fmt("%.0f MB", r.afterGcMb())).append(" | ")
                    .append(ratio(r, limit(rows, r))).append(" | ").append(ratio(r, bestPeer(rows, r))).append(" | ")
                    .append(r.role() == Row.Role.LIMIT ? "the limit" : "").append(" |\n");
        }
        return sb.toString();
    }

    /**
     * The end-to-end target (at least 0.9x the curl limit) per path: the first pass in a fresh JVM and the second
     * pass in the same JVM side by side. The target is judged on the second pass, the steady state of an application
     * whose client is built and whose code is compiled; the first pass also carries JVM start-up work (class loading,
     * JIT compilation on the same cores as the server, building the client) that curl never does.
     */
    static String targets(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Path | LZ4 | first pass x limit | second pass x limit | >= 0.9x (second pass) |\n");
        sb.append("|---|---|---:|---:|---|\n");
        for (int i = 0; i + 1 < rows.size(); i++) {
            Row cold = rows.get(i);
            Row warm = rows.get(i + 1);
            if (cold.role() != Row.Role.OURS || warm.role() != Row.Role.OURS_WARM || !cold.ok() || !warm.ok()) {
                continue;
            }
            Row limit = limit(rows, cold);
            if (limit == null) {
                continue;
            }
            double first = cold.rowsPerSecond() / limit.rowsPerSecond();
            double second = warm.rowsPerSecond() / limit.rowsPerSecond();
            sb.append("| ").append(cold.section()).append(": ").append(cold.name().replace("ours: ", "")).append(" | ")
                    .append(cold.compression()).append(" | ").append(fmt("%.2fx", first)).append(" | ")
                    .append(fmt("%.2fx", second)).append(" | ").append(second >= 0.9 ? "yes" : "**no**").append(" |\n");
        }
        return sb.toString();
    }

    private static Row limit(List<Row> rows, Row r) {
        return rows.stream().filter(o -> o.role() == Row.Role.LIMIT && o.ok() && o.group().equals(r.group()))
                .findFirst().orElse(null);
    }

    private static Row bestPeer(List<Row> rows, Row r) {
        return rows.stream().filter(o -> o.role() == Row.Role.PEER && o.ok() && o.group().equals(r.group()))
                .max((a, b) -> Double.compare(a.rowsPerSecond(), b.rowsPerSecond())).orElse(null);
    }

    private static String ratio(Row r, Row base) {
        if (base == null || r.role() == Row.Role.INFO || (r.role() == Row.Role.OURS_WARM && base.role() == Row.Role.PEER)) {
            return "-";
        }
        return fmt("%.2fx", r.rowsPerSecond() / base.rowsPerSecond());
    }

    static String fmt(String pattern, double... values) {
        return String.format(Locale.ROOT, pattern, java.util.Arrays.stream(values).boxed().toArray());
    }
}
