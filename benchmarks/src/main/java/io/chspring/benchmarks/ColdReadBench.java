package io.chspring.benchmarks;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.test.LocalClickHouseServer;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads from a cold JVM: {@code SELECT *} of the benchmark table (default 3,000,000 rows) through our cursor in a
 * fresh JVM, one pass ({@link E2eFork} {@code ours-read}, the clock starting before the client is built), against curl
 * reading the same RowBinary to /dev/null, with and without LZ4, alternated {@code --repeats} times in one run so the
 * ratios share the machine's state. A third fork, "bytes only", reads the same response through our client in a fresh
 * JVM without decoding a row ({@code fetchBytes}): the floor a cold JVM with this HTTP stack reaches before any row
 * is decoded, which tells the transport's and the JVM's share of the gap from the decoder's. {@code --cds} adds the
 * cold read with an application class-data archive (AppCDS, as Spring Boot documents for faster starts), made by one
 * untimed training pass with {@code -XX:ArchiveClassesAtExit}; the archive needs a class path of jars only, so the
 * benchmark's classes are taken from its jar (build with {@code package}). {@code --before-jars DIR} adds the same fork with an earlier build's jars (an A/B
 * in one run); {@code --jvm-args "..."} goes to every fork of ours ({@code {name}} becomes a unique name, for
 * recordings). Options: {@code --rows N}, {@code --repeats N}, {@code --append FILE}.
 *
 * <p>Every fork of ours runs with the class path of an application that uses the client: the benchmark's own classes,
 * then the client's runtime jars and a logger binding ({@code target/client-classpath.txt}, written by the build).
 * The benchmarks module's own class path has 60 jars, the peers' among them (client-v2, clickhouse-jdbc, guava,
 * Arrow, JMH), and HttpCore 39th: a fresh JVM then opened and searched dozens of jars for each HttpCore class, and C2
 * compiled {@code JarFile.getEntry} for it (124 ms of compiling, the largest single compilation of the read). That
 * cost belongs to the benchmark's class path, not to the client. {@code --full-class-path} adds the cold read with the
 * module's whole class path beside it, for that comparison in one run.
 */
public final class ColdReadBench {

    /** The variant with the benchmarks module's whole class path ({@code --full-class-path}). */
    private static final String FULL_CLASS_PATH = "after, full class path";

    private ColdReadBench() {
    }

    /** Runs the comparison and prints a markdown table. */
    public static void main(String[] args) throws Exception {
        long rows = 3_000_000;
        int repeats = 3;
        Path beforeJars = null;
        Path append = null;
        boolean cds = false;
        boolean fullClassPath = false;
        List<String> jvmArgs = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--before-jars" -> beforeJars = Path.of(args[++i]);
                case "--append" -> append = Path.of(args[++i]);
                case "--cds" -> cds = true;
                case "--full-class-path" -> fullClassPath = true;
                case "--jvm-args" -> jvmArgs = List.of(args[++i].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Instant started = Instant.now();
        Path work = Files.createDirectories(Path.of("target/cold-read-work"));
        StringBuilder table = new StringBuilder();
        List<String> variants = new ArrayList<>(List.of("after"));
        if (beforeJars != null) {
            variants.add(0, "before");
        }
        if (cds) {
            variants.add("after, CDS");
        }
        if (fullClassPath) {
            variants.add(FULL_CLASS_PATH);
        }
        try (LocalClickHouseServer server = LocalClickHouseServer.builder().build()) {
            server.start();
            load(server.url(), rows, work);
            long bodyBytes = bodyBytes(server.url(), work);
            Path archive = work.resolve("cold-read.jsa");
            String application = ForkClassPath.application();
            Map<String, String> classPaths = new LinkedHashMap<>();
            for (String variant : variants) {
                classPaths.put(variant, switch (variant) {
                    case "before" -> ForkClassPath.withJars(application, beforeJars);
                    case "after, CDS" -> ForkClassPath.jarsOnly(application);
                    case FULL_CLASS_PATH -> System.getProperty("java.class.path");
                    default -> application;
                });
            }
            if (cds) {
                Files.deleteIfExists(archive);
                List<String> training = new ArrayList<>(jvmArgs);
                training.add("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
                fork("ours-read", server.url(), rows, false, classPaths.get("after, CDS"), training,
                        "cold-cds-training", work);
            }
            table.append("\n## Reads from a cold JVM (").append(started).append(")\n\n`benchmarks/run.sh --cold-read`: ")
                    .append(String.format(Locale.ROOT, "%,d", rows)).append(" rows of the end-to-end table, `SELECT *` ")
                    .append("through `fetch(Event.class)` in a fresh JVM (one pass, clock from before the client is ")
                    .append("built) vs curl to /dev/null, alternated in one run, JDK ").append(Runtime.version())
                    .append(", ClickHouse ").append(server.version()).append(". \"Bytes only\": the same response (")
                    .append(String.format(Locale.ROOT, "%,d", bodyBytes)).append(" bytes uncompressed) read through ")
                    .append("`fetchBytes` in a fresh JVM, no row decoded: the floor of a cold JVM with this HTTP ")
                    .append("stack. Each fork of ours has the class path of an application using the client: the ")
                    .append("benchmark's classes, the client's runtime jars and a logger binding")
                    .append(fullClassPath ? "; \"" + FULL_CLASS_PATH + "\" is the same read with the benchmarks "
                            + "module's whole class path (60 jars, the peers' among them, HttpCore 39th)" : "")
                    .append(".\n\n")
                    .append("| Repeat | LZ4 | curl s | ");
            variants.forEach(v -> table.append(v).append(" s | ").append(v).append(" x curl | ").append(v)
                    .append(" CPU s | "));
            table.append("bytes only s | bytes only x curl | bytes only CPU s |");
            table.append("\n|---:|---|---:|").append("---:|---:|---:|".repeat(variants.size() + 1)).append('\n');
            int counter = 0;
            for (int r = 1; r <= repeats; r++) {
                for (boolean lz4 : new boolean[] {false, true}) {
                    double curl = curl(server.url(), lz4, work);
                    table.append("| ").append(r).append(" | ").append(lz4 ? "yes" : "no").append(" | ")
                            .append(String.format(Locale.ROOT, "%.2f", curl)).append(" | ");
                    for (String variant : variants) {
                        String name = "cold-" + variant.replaceAll("[^A-Za-z0-9]+", "-") + "-" + (lz4 ? "lz4" : "plain") + "-"
                                + (++counter);
                        List<String> forkArgs = jvmArgs;
                        if (variant.endsWith("CDS")) {
                            forkArgs = new ArrayList<>(jvmArgs);
                            forkArgs.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
                        }
                        double[] result = fork("ours-read", server.url(), rows, lz4, classPaths.get(variant),
                                forkArgs, name, work);
                        table.append(String.format(Locale.ROOT, "%.2f | %.2fx | %.2f | ", result[0], curl / result[0],
                                result[1]));
                    }
                    String name = "cold-bytes-" + (lz4 ? "lz4" : "plain") + "-" + (++counter);
                    double[] floor = fork("ours-read-bytes", server.url(), bodyBytes, lz4, application, jvmArgs,
                            name, work);
                    table.append(String.format(Locale.ROOT, "%.2f | %.2fx | %.2f |", floor[0], curl / floor[0],
                            floor[1]));
                    table.append('\n');
                    System.err.println("[cold] " + table.substring(table.lastIndexOf("| " + r + " |")).strip());
                }
            }
        }
        System.out.print(table);
        if (append != null) {
            Files.writeString(append, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** The table filled from the deterministic rows (encoded by our encoder, posted by curl). */
    private static void load(String url, long rows, Path work) throws Exception {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(url)) {
            client.execute("CREATE DATABASE IF NOT EXISTS bench");
            client.execute("CREATE TABLE bench.src (" + Dataset.COLUMNS + ") ENGINE = Memory");
        }
        Path file = work.resolve("events.rowbinary");
        MappedRowEncoder<Event> encoder = Codecs.ourEncoder();
        RowPool<Event> pool = RowPool.events(RowPool.DEFAULT_SIZE);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            RowBinaryOutput o = new RowBinaryOutput(out, 1 << 16);
            for (long i = 0; i < rows; i++) {
                encoder.write(o, pool.row(i));
            }
            o.flush();
        }
        run(List.of("curl", "-sS", "--fail", "--data-binary", "@" + file, url + "/?query="
                + URLEncoder.encode("INSERT INTO bench.src FORMAT RowBinary", StandardCharsets.UTF_8)));
        Files.delete(file);
    }

    private static double curl(String url, boolean lz4, Path work) throws Exception {
        Path time = work.resolve("curl-time.txt");
        run(List.of("/usr/bin/time", "-f", "%e", "-o", time.toString(), "curl", "-sS", "--fail", "-o", "/dev/null",
                url + "/?query=" + URLEncoder.encode("SELECT * FROM bench.src FORMAT RowBinary", StandardCharsets.UTF_8)
                        + (lz4 ? "&compress=1" : "")));
        return Double.parseDouble(Files.readString(time).strip());
    }

    /** The uncompressed RowBinary body's size, as curl counts it: what the bytes-only fork must read. */
    private static long bodyBytes(String url, Path work) throws Exception {
        Path size = work.resolve("curl-size.txt");
        run(List.of("curl", "-sS", "--fail", "-o", "/dev/null", "-w", "%{size_download}",
                url + "/?query=" + URLEncoder.encode("SELECT * FROM bench.src FORMAT RowBinary", StandardCharsets.UTF_8)),
                size);
        return Long.parseLong(Files.readString(size).strip());
    }

    /**
     * {wall s, CPU s} of one cold pass of ours on {@code classPath}: {@code scenario} is {@code ours-read}
     * ({@code count} rows) or {@code ours-read-bytes} ({@code count} bytes).
     */
    private static double[] fork(String scenario, String url, long count, boolean lz4, String classPath,
            List<String> jvmArgs, String name, Path work) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx1g", "-XX:+UseG1GC"));
        jvmArgs.forEach(a -> cmd.add(a.replace("{name}", name)));
        cmd.addAll(List.of("-cp", classPath, E2eFork.class.getName(), scenario, url, Long.toString(count),
                Boolean.toString(lz4), "bench.src", "1", "1"));
        Process p = new ProcessBuilder(cmd).redirectError(work.resolve(name + ".log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " failed: " + out));
        String[] f = line.split(" ");
        return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])};
    }

    private static void run(List<String> cmd) throws Exception {
        run(cmd, null);
    }

    /** Runs {@code cmd}; its standard output goes to {@code stdout} when given. */
    private static void run(List<String> cmd, Path stdout) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (stdout != null) {
            pb.redirectOutput(stdout.toFile());
        } else {
            pb.redirectErrorStream(true);
        }
        Process p = pb.start();
        String out = new String((stdout != null ? p.getErrorStream() : p.getInputStream()).readAllBytes(),
                StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
