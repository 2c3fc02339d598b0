package io.chspring.benchmarks;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.compression.ClickHouseLz4OutputStream;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.test.LocalClickHouseServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole benchmark: starts a private server, prepares the data, runs every end-to-end measurement in its own
 * JVM and the curl limits, then the JMH codec comparison, and prints one markdown report. Exits non-zero when any
 * measurement of ours, of the limit or of the harness fails; a peer that cannot run keeps its line with its error.
 *
 * <p>Options: {@code --smoke} or {@code --quick} (a few thousand rows, quick JMH), {@code --sections a,b} (any of
 * insert, read, memory, codec; all by default), {@code --rows N}, {@code --jdbc-rows N},
 * {@code --memory-rows N}, {@code --pool N} (distinct rows cycled by every insert, default 100,000),
 * {@code --skip-codec}, {@code --out FILE}.
 */
public final class BenchRun {

    private final Options options;
    private final String classPath = System.getProperty("java.class.path");
    private final List<Row> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private LocalClickHouseServer server;
    private Path work;
    private double payloadMb;

    private BenchRun(Options options) {
        this.options = options;
    }

    /** Runs everything; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int status = new BenchRun(options).runAll();
        System.exit(status);
    }

    private int runAll() throws Exception {
        Instant started = Instant.now();
        work = Files.createDirectories(Path.of(options.workDir));
        StringBuilder report = new StringBuilder();
        try (LocalClickHouseServer s = LocalClickHouseServer.builder().build()) {
            server = s;
            server.start();
            log("server " + server.version() + " at " + server.url());
            prepare();
            for (boolean lz4 : new boolean[] {false, true}) {
                if (options.sections.contains("insert")) {
                    inserts(lz4);
                }
                if (options.sections.contains("read")) {
                    reads(lz4);
                }
            }
            if (options.sections.contains("memory")) {
                memory();
            }
            report.append(header(started));
            report.append("\n## End to end\n\n").append(ResultsTable.endToEnd(rows));
            report.append("\n## Targets, end to end\n\n");
            if (options.smoke) {
                report.append("Smoke run: a few thousand rows, so start-up dominates every figure; the targets apply to "
                        + "full runs (5,000,000 rows).\n\n");
            }
            report.append(ResultsTable.targets(rows));
        }
        if (!options.skipCodec && options.sections.contains("codec")) {
            try {
                report.append("\n## Codec (JMH, -prof gc)\n\n").append(CodecRun.run(options.smoke));
            } catch (Exception e) {
                failures.add("JMH: " + e);
            }
        }
        if (!failures.isEmpty()) {
            report.append("\n## Failures\n\n");
            failures.forEach(f -> report.append("- ").append(f).append('\n'));
        }
        report.append("\nTotal ").append(java.time.Duration.between(started, Instant.now()).toSeconds()).append(" s\n");
        Files.writeString(Path.of(options.out), report);
        System.out.println(report);
        return failures.isEmpty() ? 0 : 1;
    }

    private String header(Instant started) throws IOException {
        return "# chspring benchmark\n\n"
                + "- started " + started + ", JDK " + System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores\n"
                + "- server ClickHouse " + server.version() + " on " + server.url() + "\n"
                + "- load average at the end: " + Files.readString(Path.of("/proc/loadavg")).strip() + "\n"
                + "- " + options.rows + " rows end to end (JDBC " + options.jdbcRows + "), RowBinary payload "
                + ResultsTable.fmt("%.1f", payloadMb) + " MB; memory runs " + options.memoryRows
                + " rows at -Xmx64m (Inserter: -Xmx128m)\n"
                + "- sections " + String.join(", ", options.sections) + "\n"
                + "- inserts cycle through a pool of " + options.poolSize + " distinct rows built before the clock "
                + "starts (10,000 in the -Xmx64m runs); the curl file holds the same sequence\n";
    }

    /** The tables, the rows pre-encoded as RowBinary (plain and LZ4-framed), and the read source filled by curl. */
    private void prepare() throws IOException, InterruptedException {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(server.url())) {
            client.execute("CREATE DATABASE IF NOT EXISTS bench");
            client.execute("CREATE TABLE bench.src (" + Dataset.COLUMNS + ") ENGINE = Memory");
        }
        MappedRowEncoder<Event> encoder = Codecs.ourEncoder();
        RowPool<Event> pool = RowPool.events(options.poolSize);
        try (OutputStream plain = new BufferedOutputStream(Files.newOutputStream(plainFile()), 1 << 16);
                ClickHouseLz4OutputStream framed = new ClickHouseLz4OutputStream(
                        new BufferedOutputStream(Files.newOutputStream(lz4File()), 1 << 16))) {
            RowBinaryOutput a = new RowBinaryOutput(plain, 1 << 16);
            RowBinaryOutput b = new RowBinaryOutput(framed, 1 << 16);
            for (long i = 0; i < options.rows; i++) {
                Event e = pool.row(i); // the sequence every client inserts
                encoder.write(a, e);
                encoder.write(b, e);
            }
            a.flush();
            b.flush();
            framed.finish();
        }
        payloadMb = Files.size(plainFile()) / 1e6;
        curl("insert", false, "INSERT INTO bench.src FORMAT RowBinary", plainFile());
        expectCount("bench.src", options.rows);
        log("prepared " + options.rows + " rows, " + payloadMb + " MB RowBinary, " + Files.size(lz4File()) / 1e6
                + " MB LZ4");
    }

    private void inserts(boolean lz4) throws Exception {
        String c = lz4 ? "yes" : "no";
        fork("insert", "ours: Insert (streaming)", Row.Role.OURS, "ours-insert", lz4, options.rows, "-Xmx1g");
        fork("insert", "ours: Inserter, 4 threads", Row.Role.OURS, "ours-inserter", lz4, options.rows, "-Xmx1g");
        fork("insert", "client-v2 insert(List<POJO>)", Row.Role.PEER, "v2-insert", lz4, options.rows, "-Xmx1g");
        fork("insert", "client-v2 insert(List<POJO>), hand-built schema (workaround)", Row.Role.PEER,
                "v2-insert-schema", lz4, options.rows, "-Xmx1g");
        fork("insert", "JdbcTemplate.batchUpdate (clickhouse-jdbc)", Row.Role.PEER, "jdbc-insert", lz4,
                options.jdbcRows, "-Xmx1g");
        fork("insert", "JdbcTemplate.batchUpdate, DateTime as epoch seconds (workaround)", Row.Role.PEER,
                "jdbc-insert-epoch", lz4, options.jdbcRows, "-Xmx1g");
        resetSink();
        long t0 = System.nanoTime();
        double[] time = curl("insert", lz4, "INSERT INTO bench.sink FORMAT RowBinary", lz4 ? lz4File() : plainFile());
        rows.add(curlRow("insert", "curl --data-binary (pre-encoded file)", c, time, t0));
        expectCount("bench.sink", options.rows);
    }

    private void reads(boolean lz4) throws Exception {
        String c = lz4 ? "yes" : "no";
        fork("read", "ours: fetch(Event.class) cursor", Row.Role.OURS, "ours-read", lz4, options.rows, "-Xmx1g");
        fork("read", "client-v2 queryAll(sql, POJO)", Row.Role.PEER, "v2-read", lz4, options.rows, "-Xmx1g");
        fork("read", "client-v2 RowBinary reader, hand-built schema (workaround)", Row.Role.PEER, "v2-read-rowbinary", lz4,
                options.rows, "-Xmx1g");
        fork("read", "JdbcTemplate.query (clickhouse-jdbc)", Row.Role.PEER, "jdbc-read", lz4, options.rows, "-Xmx1g");
        long t0 = System.nanoTime();
        double[] time = curl("read", lz4, "SELECT * FROM bench.src FORMAT RowBinary", null);
        rows.add(curlRow("read", "curl > /dev/null", c, time, t0));
    }

    /**
     * Our streaming insert and read of many rows in a 64 MiB heap. The insert goes to a Null table (a Memory table of
     * 10M rows exceeds the server's per-query memory limit); the read repeats the source rows with ARRAY JOIN so the
     * server streams them without storing them twice.
     */
    private void memory() throws Exception {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(server.url())) {
            client.execute("CREATE TABLE bench.big (" + Dataset.COLUMNS + ") ENGINE = Null");
            long copies = (options.memoryRows + options.rows - 1) / options.rows;
            client.execute("CREATE VIEW bench.big_read AS SELECT id, ts, user_id, url, referrer, duration, status, "
                    + "comment, tags, kind FROM bench.src ARRAY JOIN range(" + copies + ") AS copy LIMIT "
                    + options.memoryRows);
        }
        forkInto("memory", "ours: Insert at -Xmx64m", Row.Role.INFO, "ours-insert", true, options.memoryRows,
                "bench.big", "-Xmx64m");
        forkInto("memory", "ours: fetch cursor at -Xmx64m", Row.Role.INFO, "ours-read", true, options.memoryRows,
                "bench.big_read", "-Xmx64m");
        // The Inserter with its defaults (64 MiB batches; the memory cap then defaults to a quarter of the heap,
        // 64 MiB here, so one batch at a time) in a 128 MiB heap, with and without LZ4 (batches held plain or as
        // frames); with the earlier default cap of 4 x maxBytes (256 MiB) it ran out of memory here.
        for (boolean lz4 : new boolean[] {false, true}) {
            forkInto("memory", "ours: Inserter, 4 threads at -Xmx128m", Row.Role.INFO, "ours-inserter", lz4,
                    options.memoryRows, "bench.big", "-Xmx128m");
        }
    }

    private void fork(String section, String name, Row.Role role, String scenario, boolean lz4, long n, String heap)
            throws Exception {
        String table = section.equals("read") ? "bench.src" : "bench.sink";
        if (!section.equals("read")) {
            resetSink();
        }
        forkInto(section, name, role, scenario, lz4, n, table, heap);
        if (section.equals("insert") && rows.get(rows.size() - 1).ok()) {
            expectCount("bench.sink", n); // ours runs two passes; the fork checks the first one and empties the table
        }
    }

    private void forkInto(String section, String name, Row.Role role, String scenario, boolean lz4, long n,
            String table, String heap) throws Exception {
        String c = lz4 ? "yes" : "no";
        // Ours also runs a second pass in the same JVM (the steady state of a long-running application).
        boolean warm = role == Row.Role.OURS;
        log("run " + section + " " + scenario + " lz4=" + lz4 + " rows=" + n);
        Path logFile = work.resolve(section + "-" + scenario + "-" + c + ".log");
        // A 64 MiB heap holds a smaller pool (10,000 rows, ~3 MB); those runs have no curl line to match.
        int pool = (int) Math.max(1, Math.min(n, !heap.equals("-Xmx1g") ? Math.min(options.poolSize, 10_000)
                : options.poolSize));
        Process p = new ProcessBuilder("java", heap, "-XX:+UseG1GC", "-cp", classPath, E2eFork.class.getName(), scenario,
                server.url(), Long.toString(n), Boolean.toString(lz4), table, Integer.toString(pool), warm ? "2" : "1")
                .redirectError(logFile.toFile()).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(options.forkTimeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String line = out.lines().filter(l -> l.startsWith("FAILED ")).findFirst().or(() -> out.lines()
                .filter(l -> l.startsWith("RESULT ")).findFirst())
                .orElse("FAILED no result line (exit " + p.exitValue() + "), see " + logFile);
        if (line.startsWith("RESULT ")) {
            rows.add(parsed(line, section, name, role, c, n));
            String second = out.lines().filter(l -> l.startsWith("WARM ")).findFirst().orElse(null);
            if (second != null) {
                rows.add(parsed(second, section, name + ", warm (2nd pass, same JVM)", Row.Role.OURS_WARM, c, n));
            }
        } else {
            String error = line.substring("FAILED ".length());
            error = error.length() > 300 ? error.substring(0, 300) + "..." : error;
            rows.add(Row.failed(section, name, role, c, n, error));
            if (role != Row.Role.PEER) {
                failures.add(section + " " + name + " (LZ4 " + c + "): " + error);
            }
        }
        log("  " + line);
    }

    private Row parsed(String line, String section, String name, Row.Role role, String c, long n) {
        String[] f = line.split(" ");
        double afterGc = f.length > 6 && Long.parseLong(f[6]) > 0 ? Long.parseLong(f[6]) / 1e6 : Double.NaN;
        return new Row(section, name, role, c, Long.parseLong(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Long.parseLong(f[4]) / 1e6, "", payloadMb * n / options.rows, null, afterGc);
    }

    /** Runs curl under /usr/bin/time; returns {wall s, user+sys s, max RSS MB}. */
    private double[] curl(String what, boolean lz4, String query, Path body) throws IOException, InterruptedException {
        String url = server.url() + "/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (lz4 ? (body != null ? "&decompress=1" : "&compress=1") : "");
        Path timeFile = work.resolve("curl-time.txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString(),
                "curl", "-sS", "--fail", "-o", "/dev/null"));
        if (body != null) {
            cmd.add("--data-binary");
            cmd.add("@" + body);
        }
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("curl " + what + " failed: " + out);
        }
        String[] f = Files.readString(timeFile).strip().split("\\s+");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]),
            Double.parseDouble(f[3]) / 1024};
    }

    private Row curlRow(String section, String name, String compression, double[] time, long t0) {
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Row(section, name, Row.Role.LIMIT, compression, options.rows, wall, time[1], time[2], " RSS",
                payloadMb, null);
    }

    private void resetSink() {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(server.url())) {
            client.execute("DROP TABLE IF EXISTS bench.sink");
            client.execute("CREATE TABLE bench.sink (" + Dataset.COLUMNS + ") ENGINE = Memory");
        }
    }

    private void expectCount(String table, long expected) {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(server.url())) {
            long count = client.query("SELECT count() FROM " + table).fetchOne(Long.class);
            if (count != expected) {
                failures.add(table + " holds " + count + " rows, expected " + expected);
            }
        }
    }

    private Path plainFile() {
        return work.resolve("events.rowbinary");
    }

    private Path lz4File() {
        return work.resolve("events.rowbinary.lz4");
    }

    private static void log(String message) {
        System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    /** The sections this class runs ({@code benchmarks/run.sh} runs the others, cluster and startup, itself). */
    static final List<String> SECTIONS = List.of("insert", "read", "memory", "codec");

    /** Command-line options. */
    private static final class Options {
        boolean smoke;
        boolean skipCodec;
        long rows = 5_000_000;
        long jdbcRows = -1;
        long memoryRows = 10_000_000;
        int poolSize = RowPool.DEFAULT_SIZE;
        long forkTimeoutMinutes = 10;
        String out = "target/bench-results.md";
        String workDir = "target/bench-work";
        /** What this class runs: {@link #SECTIONS}, all by default. */
        List<String> sections = SECTIONS;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--smoke", "--quick" -> {
                        o.smoke = true;
                        o.rows = 5_000;
                        o.memoryRows = 20_000;
                    }
                    case "--sections" -> o.sections = List.of(args[++i].split(","));
                    case "--skip-codec" -> o.skipCodec = true;
                    case "--rows" -> o.rows = Long.parseLong(args[++i]);
                    case "--jdbc-rows" -> o.jdbcRows = Long.parseLong(args[++i]);
                    case "--memory-rows" -> o.memoryRows = Long.parseLong(args[++i]);
                    case "--pool" -> o.poolSize = Integer.parseInt(args[++i]);
                    case "--out" -> o.out = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            for (String section : o.sections) {
                if (!SECTIONS.contains(section)) {
                    throw new IllegalArgumentException("unknown section " + section + ", expected one of " + SECTIONS);
                }
            }
            if (o.jdbcRows < 0) {
                // JdbcTemplate inserts are an order of magnitude slower; a fifth of the rows keeps a full run short
                o.jdbcRows = o.smoke ? o.rows : Math.max(1, o.rows / 5);
            }
            return o;
        }
    }
}
