package io.chspring.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link CodecBenchmark} with {@code -prof gc} in a forked JVM and renders the comparison as markdown. */
final class CodecRun {

    private CodecRun() {
    }

    static String run(boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CodecBenchmark.class.getName())
                .forks(1)
                .jvmArgs("-Xmx1g")
                .addProfiler(GCProfiler.class)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 3))
                .measurementIterations(quick ? 1 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 3));
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, double[]> byMethod = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            byMethod.put(method, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                alloc == null ? Double.NaN : alloc.getScore()});
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| Codec (in process, ").append(CodecBenchmark.ROWS).append(" rows) | Ours rows/s | client-v2 rows/s |"
                + " Ours / client-v2 | Ours B/row | client-v2 B/row |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (String op : new String[] {"encode", "decode"}) {
            double[] ours = byMethod.get(op + "Ours");
            double[] theirs = byMethod.get(op + "ClientV2");
            if (ours == null || theirs == null) {
                throw new IllegalStateException("JMH did not report " + op + " for both clients: " + byMethod.keySet());
            }
            sb.append("| ").append(op).append(" | ")
                    .append(ResultsTable.fmt("%,.0f ± %,.0f", ours[0], ours[1])).append(" | ")
                    .append(ResultsTable.fmt("%,.0f ± %,.0f", theirs[0], theirs[1])).append(" | ")
                    .append(ResultsTable.fmt("%.2fx", ours[0] / theirs[0])).append(" | ")
                    .append(ResultsTable.fmt("%.0f", ours[2])).append(" | ")
                    .append(ResultsTable.fmt("%.0f", theirs[2])).append(" |\n");
        }
        return sb.toString();
    }
}
