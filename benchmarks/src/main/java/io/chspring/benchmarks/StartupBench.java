package io.chspring.benchmarks;

import io.chspring.test.LocalClickHouseServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time from JVM start to the first query answered: {@code SELECT 1} through the chspring client on the embedded chDB
 * engine (memory) versus a private local 18.16 server that the same JVM starts first, and versus an already running
 * server (the client's own share). Each run is a fresh JVM ({@link StartupProbe}); the clock runs from just before
 * the process is spawned until it prints its answer, so JVM start, class loading, library loading and the engine's
 * start are all in. Arguments: {@code --runs N} (default 5), {@code --append FILE} (add the table to a markdown file).
 */
public final class StartupBench {

    private StartupBench() {
    }

    /** Runs the benchmark and prints a markdown table. */
    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path append = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--append" -> append = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("embedded chDB 26.5 (memory), engine start included", measure(runs, "embedded"));
        results.put("local 18.16 server started by LocalClickHouseServer, server start included", measure(runs, "local"));
        try (LocalClickHouseServer running = LocalClickHouseServer.builder().build()) {
            running.start();
            results.put("18.16 server already running (client JVM only)", measure(runs, "http", running.url()));
        }
        String table = table(runs, results);
        System.out.print(table);
        if (append != null) {
            Files.writeString(append, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static double[] measure(int runs, String... probe) throws IOException, InterruptedException {
        run(probe); // warms the OS page cache (JDK, jars, libchdb.so, clickhouse binary); not counted
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = run(probe);
        }
        return millis;
    }

    /** Milliseconds from spawning the probe JVM to its answer line. */
    private static double run(String... probe) throws IOException, InterruptedException {
        String javaHome = System.getProperty("java.home");
        List<String> command = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                StartupProbe.class.getName()));
        command.addAll(Arrays.asList(probe));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (probe[0].equals("embedded")) {
            // chDB needs HotSpot signal chaining (see clickhouse-embedded's README section)
            builder.environment().put("LD_PRELOAD", Path.of(javaHome, "lib", "libjsig.so").toString());
        }
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        long answered = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (answered < 0 && line.startsWith("ANSWERED")) {
                    answered = System.nanoTime();
                }
                output.append(line).append('\n');
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("probe " + probe[0] + " did not exit");
        }
        if (answered < 0 || process.exitValue() != 0) {
            throw new IllegalStateException("probe " + probe[0] + " failed (exit " + process.exitValue() + "):\n" + output);
        }
        return (answered - start) / 1e6;
    }

    static String table(int runs, Map<String, double[]> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n## Startup: JVM start to first query answered (").append(LocalDate.now()).append(")\n\n")
                .append("`benchmarks/run.sh --startup`: ").append(runs).append(" fresh JVMs per line after one unmeasured ")
                .append("warm-up, `SELECT 1` through the chspring client, ").append(Runtime.version()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n")
                .append("| Engine | median ms | min ms | max ms | runs (ms) |\n|---|---:|---:|---:|---|\n");
        results.forEach((name, millis) -> {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            StringBuilder each = new StringBuilder();
            for (double m : millis) {
                each.append(each.length() > 0 ? ", " : "").append(Math.round(m));
            }
            sb.append(String.format("| %s | %.0f | %.0f | %.0f | %s |%n", name, median, sorted[0],
                    sorted[sorted.length - 1], each));
        });
        return sb.toString();
    }
}
