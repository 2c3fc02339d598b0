package io.chspring.benchmarks;

import io.chspring.client.ClickHouseClient;
import io.chspring.test.LocalClickHouseServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Small queries under concurrency: a point lookup returning up to 20 typed rows and a one-row aggregate, issued by
 * 1, 16 and 64 threads through our client (ad hoc and prepared queries), the Spring Data template, client-v2 and
 * JdbcTemplate, against the limit: the same HTTP request sent by {@code wrk} with keep-alive at the same concurrency
 * against the same private 18.16 server, measured in the same run. Each client runs in its own JVM
 * ({@link SmallQueryFork}).
 *
 * <p>Options: {@code --quick} (1 s warm-up, 2 s measured, our two main paths only), {@code --warmup S},
 * {@code --measure S}, {@code --threads 1,16,64}, {@code --clients a,b}, {@code --workloads lookup,aggregate},
 * {@code --rows N}, {@code --users N}, {@code --jvm-args "..."} (added to every fork, e.g. a JFR recording;
 * {@code {name}} becomes the fork's client, workload and threads, and its repeat when there are several),
 * {@code --repeats N} (default 1: each (workload, threads) measured N times in a row, wrk then every client in each
 * repeat, the targets judged by the medians of the per-repeat ratios), {@code --before-jars DIR}, {@code --out FILE},
 * {@code --append FILE}. Exits 1 when a measurement of ours or of wrk fails.
 */
public final class SmallQueryBench {

    private static final List<String> OURS = List.of("ours-client", "ours-prepared", "ours-template");
    /** The targets at 16 and 64 threads: req/s at least this share of wrk's, ... */
    static final double MIN_RPS_RATIO = 0.8;
    /** ... and p99 at most this multiple of wrk's. */
    static final double MAX_P99_RATIO = 1.5;

    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    /** What wrk's second line sends besides the caller's SQL: RowBinary, as a server with a RowBinary header is asked. */
    private static final String PLAIN_PARAMETERS = "database=bench&default_format=RowBinary";
    /** The caller's SQL per workload, as wrk's second line sends it (no check of the result's columns). */
    private final Map<String, String> plainSql = new LinkedHashMap<>();
    private double warmup = 40;
    private double measure = 10;
    private int[] threads = {1, 16, 64};
    private List<String> clients = List.of("ours-client", "ours-prepared", "ours-template", "v2", "jdbc");
    private List<String> workloads = List.of("lookup", "aggregate");
    private long rows = 400_000;
    private int users = 20_000;
    private int repeats = 1;
    private List<String> jvmArgs = List.of();
    private Path out = Path.of("target/small-query-results.md");
    private Path append;
    private Path work;
    /** Jars of an earlier build of ours, run beside the current one as "before" lines (an A/B in one run). */
    private Path beforeJars;

    private SmallQueryBench() {
        names.put("wrk", "wrk, our client's request (the limit)");
        names.put("wrk-plain", "wrk, the caller's SQL in RowBinary (no check)");
        names.put("ours-client", "ours: client.query(sql).bind(u), typed");
        names.put("ours-prepared", "ours: PreparedQuery.bind(u), typed");
        names.put("ours-template", "ours: ClickHouseTemplate.queryForList/-Object");
        names.put("v2", "client-v2 queryAll(sql)");
        names.put("jdbc", "JdbcTemplate.query (clickhouse-jdbc)");
    }

    /** Runs the section; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        SmallQueryBench bench = new SmallQueryBench();
        bench.parse(args);
        System.exit(bench.run());
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    warmup = 1;
                    measure = 2;
                    clients = List.of("ours-client", "ours-template");
                }
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--measure" -> measure = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--clients" -> clients = List.of(args[++i].split(","));
                case "--workloads" -> workloads = List.of(args[++i].split(","));
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--jvm-args" -> jvmArgs = List.of(args[++i].trim().split("\\s+"));
                case "--out" -> out = Path.of(args[++i]);
                case "--append" -> append = Path.of(args[++i]);
                case "--before-jars" -> beforeJars = Path.of(args[++i]);
                case "--repeats" -> {
                    repeats = Integer.parseInt(args[++i]);
                    if (repeats < 1) {
                        throw new IllegalArgumentException("--repeats must be at least 1, was " + repeats);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        work = Files.createDirectories(Path.of("target/small-query-work"));
        String report;
        try (LocalClickHouseServer server = LocalClickHouseServer.builder().build()) {
            server.start();
            log("server " + server.version() + " at " + server.url());
            Map<String, Captured> sql = prepare(server.url());
            for (String workload : workloads) {
                List<String> skip = new ArrayList<>();
                for (int t : threads) {
                    // repeats of one (workload, threads) kept adjacent: each repeat's lines follow its own wrk line
                    for (int r = 1; r <= repeats; r++) {
                        wrk(server.url(), workload, sql.get(workload), t, r, "wrk");
                        Captured plain = new Captured(plainSql.get(workload), PLAIN_PARAMETERS);
                        if (!plain.equals(sql.get(workload))) {
                            wrk(server.url(), workload, plain, t, r, "wrk-plain");
                        }
                        for (String client : clients) {
                            if (!skip.contains(client)) {
                                if (beforeJars != null && OURS.contains(client)) {
                                    fork(server.url(), client, workload, t, r, skip, true);
                                }
                                fork(server.url(), client, workload, t, r, skip, false);
                            }
                        }
                    }
                }
            }
            report = report(started, server.version());
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        if (append != null) {
            Files.writeString(append, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.out.println(report);
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * The table, ordered by (user_id, ts) as a lookup table would be, each user with about rows/users rows (0-30,
     * by a hash); returns the SQL text wrk sends per workload, {@code ?} standing for the user id: what our client
     * sends once {@code ?fields} is expanded.
     */
    private Map<String, Captured> prepare(String url) throws Exception {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(url)) {
            createEvents(client, rows, users);
            plainSql.put("lookup", client.prepare(SmallQueryFork.LOOKUP, Event.class).sql());
            plainSql.put("aggregate", client.prepare(SmallQueryFork.AGGREGATE, SmallQueryFork.Stats.class).sql());
        }
        Map<String, Captured> sql = new LinkedHashMap<>();
        for (String workload : List.of("lookup", "aggregate")) {
            sql.put(workload, captured(url, workload));
        }
        log("prepared " + rows + " rows for " + users + " users; wrk sends " + sql + "; plain SQL " + plainSql);
        return sql;
    }

    /** Creates and fills {@code bench.events} as {@link #prepare} describes; {@link RequestCost} uses it too. */
    static void createEvents(ClickHouseClient client, long rows, int users) {
        client.execute("CREATE DATABASE IF NOT EXISTS bench");
        client.execute("CREATE TABLE bench.events (" + Dataset.COLUMNS + ") ENGINE = MergeTree ORDER BY (user_id, ts)");
        client.execute("INSERT INTO bench.events SELECT number, toDateTime(1700000000 + number), "
                + "intHash32(number) % " + users + ", concat('https://shop.example.com/products/', toString(number)), "
                + "if(number % 3 = 0, 'https://www.google.com/', ''), (number % 5000) / 3, "
                + "[200, 200, 301, 404][number % 4 + 1], if(number % 5 = 0, concat('note ', toString(number)), NULL), "
                + "arrayMap(x -> toUInt32(x), range(number % 4)), "
                + "CAST(['view', 'click', 'purchase', 'error'][number % 4 + 1] AS Enum8('view' = 1, 'click' = 2, "
                + "'purchase' = 3, 'error' = 4)) FROM system.numbers LIMIT " + rows);
        long count = client.query("SELECT count() FROM bench.events").fetchOne(Long.class);
        if (count != rows) {
            throw new IllegalStateException("bench.events holds " + count + " rows, expected " + rows);
        }
    }

    /**
     * The body and URL parameters our client sends for {@code workload} once it runs repeatedly (its third request:
     * the first may ask DESCRIBE first), {@code ?} standing for the user id. On 18.16 that is the caller's SQL asking
     * for Native, or the query wrapped in the result-shape check for results the header check cannot take (README,
     * "Typed reads on servers before 19.3"); on servers with RowBinaryWithNamesAndTypes the plain SQL.
     */
    private Captured captured(String url, String workload) throws Exception {
        int sentinel = 987_654_321;
        try (RequestCapture capture = new RequestCapture(url);
             SmallQueryFork.Op op = SmallQueryFork.op("ours-client", workload, capture.url(), 1)) {
            for (int i = 0; i < 3; i++) {
                op.call(sentinel);
            }
            List<RequestCapture.Request> requests = capture.requests();
            RequestCapture.Request request = requests.get(requests.size() - 1);
            String last = request.body();
            int at = last.indexOf(Integer.toString(sentinel));
            if (at < 0 || last.indexOf(Integer.toString(sentinel), at + 1) >= 0) {
                throw new IllegalStateException("the user id appears " + (at < 0 ? "nowhere" : "twice") + " in " + last);
            }
            return new Captured(last.substring(0, at) + "?" + last.substring(at + Integer.toString(sentinel).length()),
                    urlParameters(request.target()));
        }
    }

    /** The query string of {@code target} without {@code query_id} (wrk makes its own per request). */
    static String urlParameters(String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return "";
        }
        return Arrays.stream(target.substring(q + 1).split("&")).filter(p -> !p.startsWith("query_id="))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    /** What wrk sends for a workload: the SQL ({@code ?} for the user id) and the URL parameters besides the query id. */
    record Captured(String sql, String parameters) {
    }

    /** wrk with one connection per thread: an unmeasured warm-up run, then the measured one under /usr/bin/time. */
    private void wrk(String url, String workload, Captured request, int t, int repeat, String label)
            throws IOException, InterruptedException {
        String sql = request.sql();
        Path script = work.resolve("small-query.lua");
        Files.writeString(script, LUA);
        int wrkThreads = Math.min(t, 2);
        int split = sql.indexOf('?');
        for (int pass = 0; pass < 2; pass++) {
            // wrk has nothing to warm up but the server's caches; our clients' JVMs need their JIT (see warmup)
            double seconds = pass == 0 ? Math.min(warmup, 5) : measure;
            Path timeFile = work.resolve("wrk-time.txt");
            List<String> cmd = List.of("/usr/bin/time", "-f", "%U %S", "-o", timeFile.toString(), "wrk", "-t",
                    Integer.toString(wrkThreads), "-c", Integer.toString(t), "-d", Math.max(1, Math.round(seconds)) + "s",
                    "--timeout", "30s", "-s", script.toString(), url);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("SQL_PREFIX", sql.substring(0, split));
            pb.environment().put("SQL_SUFFIX", sql.substring(split + 1));
            pb.environment().put("USERS", Integer.toString(users));
            pb.environment().put("URL_PARAMETERS", request.parameters());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (pass == 0) {
                continue;
            }
            String result = output.lines().filter(l -> l.startsWith("WRK ")).findFirst().orElse(null);
            if (exit != 0 || result == null) {
                failures.add(label + " " + workload + " " + t + repeatTag(repeat) + ": exit " + exit + ": " + output);
                lines.add(Line.failed(workload, t, repeat, label, "exit " + exit));
                continue;
            }
            String[] f = result.split(" ");
            String[] time = Files.readString(timeFile).strip().split("\\s+");
            double cpu = Double.parseDouble(time[0]) + Double.parseDouble(time[1]);
            long requests = Long.parseLong(f[1]);
            Line line = new Line(workload, t, repeat, label, requests, Long.parseLong(f[2]) / 1e6, cpu, -1,
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]),
                    Long.parseLong(f[7]), -1, -1, null);
            lines.add(line);
            log(workload + " " + t + repeatTag(repeat) + " " + label + ": " + result);
            if (line.errors() > 0) {
                failures.add(label + " " + workload + " " + t + repeatTag(repeat) + ": " + line.errors()
                        + " failed requests");
            }
        }
    }

    private void fork(String url, String client, String workload, int t, int repeat, List<String> skip,
            boolean before)
            throws Exception {
        String classPath = System.getProperty("java.class.path");
        String label = client;
        if (before) {
            // the same class path with our jars swapped for the earlier build's
            classPath = ForkClassPath.withJars(classPath, beforeJars);
            label = client + " (before)";
            names.putIfAbsent(label, names.get(client) + ", before");
        }
        String name = label;
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:+UseG1GC"));
        // with repeats each fork gets its own log and {name} (a JFR file per fork, not the last repeat's only)
        String forkName = client + (before ? "-before" : "") + "-" + workload + "-" + t
                + (repeats > 1 ? "-r" + repeat : "");
        cmd.addAll(jvmArgs.stream().map(a -> a.replace("{name}", forkName)).toList());
        cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classPath,
                SmallQueryFork.class.getName(), client, workload, Integer.toString(t), Double.toString(warmup),
                Double.toString(measure), url, Integer.toString(users)));
        Path logFile = work.resolve(forkName + ".log");
        Process p = new ProcessBuilder(cmd).redirectError(logFile.toFile()).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String result = output.lines().filter(l -> l.startsWith("RESULT ") || l.startsWith("FAILED ")).findFirst()
                .orElse("FAILED no result line, see " + logFile);
        log(workload + " " + t + repeatTag(repeat) + " " + name + ": " + result);
        if (result.startsWith("FAILED ")) {
            String error = result.substring(7);
            lines.add(Line.failed(workload, t, repeat, name,
                    error.length() > 240 ? error.substring(0, 240) + "..." : error));
            if (OURS.contains(client)) {
                failures.add(client + " " + workload + " " + t + repeatTag(repeat) + ": " + error);
            } else {
                skip.add(client); // a peer that cannot run here fails the same way at every thread count
            }
            return;
        }
        String[] f = result.split(" ");
        Line line = new Line(workload, t, repeat, name, Long.parseLong(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]),
                Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]),
                f.length > 10 ? Double.parseDouble(f[10]) : -1, f.length > 11 ? Long.parseLong(f[11]) : -1, null);
        lines.add(line);
        if (line.errors() > 0 && OURS.contains(client)) {
            failures.add(client + " " + workload + " " + t + repeatTag(repeat) + ": " + line.errors()
                    + " failed requests, see " + logFile);
        }
    }

    private String report(Instant started, String version) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("\n## Small queries under concurrency (").append(started).append(")\n\n")
                .append("`benchmarks/run.sh --small`: ClickHouse ").append(version).append(" (private, loopback), JDK ")
                .append(Runtime.version()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average at the end ").append(Files.readString(Path.of("/proc/loadavg")).strip())
                .append(". ").append(rows).append(" rows in a MergeTree table ordered by (user_id, ts), ").append(users)
                .append(" users; each request picks a user at random. Warm-up ").append(warmup).append(" s, measured ")
                .append(measure).append(" s per line")
                .append(repeats > 1 ? ", " + repeats + " repeats of each (workload, threads) in a row (wrk, then every "
                        + "client, in each repeat)" : "")
                .append("; every client in its own JVM with a pool of max(threads, 16) "
                        + "connections. The limit is wrk with one keep-alive connection per thread sending the POST our client sends "
                        + "(captured from it with its URL parameters, the user id varied): on servers before 19.3 a typed "
                        + "read's repeated query goes out as the caller's SQL in Native (its header checked by the client), "
                        + "or wrapped in the result-shape check where that cannot be; the line 'the caller's SQL in "
                        + "RowBinary' shows the plain request (there its x column is that line against the limit). "
                        + "wrk's warm-up is at most 5 s (nothing to compile). Each client JVM warms up with "
                        + SmallQueryFork.RAMP_THREADS + " threads for the first half of the warm-up and all of them for "
                        + "the second (with 64 busy threads on 2 cores one C2 compile took 1-2 s, and C2 was still "
                        + "compiling the request path 48 s into the run), then waits up to the warm-up's length again "
                        + "for the JIT to go quiet (under " + SmallQueryFork.QUIET_JIT_MS + " ms of compiling in 2 s); "
                        + "'warm-up s' is the time that took, 'JIT ms' the compiling inside the measured window.\n\n");
        if (repeats > 1) {
            sb.append("Each line's 'x wrk' is against the wrk line of its own repeat, measured just before it. The "
                    + "target table gives each repeat's ratios, their medians over the repeats (each ratio taken "
                    + "within its repeat, then the median; for an even count the mean of the two middle ones) and "
                    + "how many repeats met both targets; 'Met?' is decided by the medians. On 2 shared cores two forks of the "
                    + "same client differ by about 10 % in req/s and more in p99, as much as the targets' margins, so "
                    + "one line can meet or miss a target by chance. A repeat whose fork (or wrk) failed is left out "
                    + "of the medians and the row says over how many repeats they are.\n\n");
        }
        sb.append("| Workload | Threads | Repeat | Client | req/s | x wrk | p50 ms | p99 ms | p99.9 ms | p99 x wrk | "
                + "alloc/req | CPU us/req | x wrk CPU | errors | warm-up s | JIT ms |\n");
        sb.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Line l : lines) {
            sb.append("| ").append(l.workload()).append(" | ").append(l.threads()).append(" | ").append(l.repeat())
                    .append(" | ").append(names.getOrDefault(l.client(), l.client())).append(" | ");
            if (l.error() != null) {
                sb.append("- | - | - | - | - | - | - | - | - | ").append(l.error().replace("|", "\\|"))
                        .append(" | - | - |\n");
                continue;
            }
            Line limit = limit(l);
            Ratios ratios = limit == null ? null : Ratios.of(l, limit);
            sb.append(fmt("%,.0f", l.rps())).append(" | ").append(ratios == null ? "-" : fmt("%.2fx", ratios.rps()))
                    .append(" | ").append(fmt("%.2f", l.p50us() / 1000.0)).append(" | ")
                    .append(fmt("%.2f", l.p99us() / 1000.0)).append(" | ").append(fmt("%.2f", l.p999us() / 1000.0))
                    .append(" | ").append(ratios == null ? "-" : fmt("%.2fx", ratios.p99()))
                    .append(" | ").append(l.allocBytes() < 0 ? "-" : fmt("%,.0f B", (double) l.allocBytes() / l.requests()))
                    .append(" | ").append(fmt("%.0f", l.cpuSeconds() * 1e6 / l.requests())).append(" | ")
                    .append(limit == null ? "-" : fmt("%.1fx", l.cpuSeconds() / l.requests()
                            / (limit.cpuSeconds() / limit.requests())))
                    .append(" | ").append(l.errors()).append(" | ")
                    .append(l.warmupSeconds() < 0 ? "-" : fmt("%.1f", l.warmupSeconds())).append(" | ")
                    .append(l.jitMs() < 0 ? "-" : Long.toString(l.jitMs())).append(" |\n");
        }
        if (repeats == 1) {
            targetsOfOneRun(sb);
        } else {
            targetsOverRepeats(sb);
        }
        if (!failures.isEmpty()) {
            sb.append("\nFailures:\n\n");
            failures.forEach(f -> sb.append("- ").append(f.replace("\n", " ")).append('\n'));
        }
        return sb.toString();
    }

    /**
     * The targets' rows, keyed by "client | workload | threads", for our clients at 16 threads and more: each repeat's
     * ratios to that repeat's wrk line, the repeats whose fork or wrk line failed left out.
     */
    private Map<String, TargetRow> targetRows() {
        Map<String, List<Ratios>> measured = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.threads() < 16 || !OURS.contains(l.client())) {
                continue;
            }
            List<Ratios> row = measured.computeIfAbsent(l.client() + " | " + l.workload() + " | " + l.threads(),
                    k -> new ArrayList<>());
            Line limit = limit(l);
            if (l.error() == null && limit != null) {
                row.add(Ratios.of(l, limit));
            }
        }
        Map<String, TargetRow> rows = new LinkedHashMap<>();
        measured.forEach((key, ratios) -> rows.put(key, new TargetRow(ratios, repeats)));
        return rows;
    }

    /** Without repeats, one row per measured line of ours at 16 threads and more: its ratios and whether both met. */
    private void targetsOfOneRun(StringBuilder sb) {
        sb.append("\n| Target (16 and 64 threads) | Client | Workload | Threads | Result | Met? |\n"
                + "|---|---|---|---:|---|---|\n");
        targetRows().forEach((key, row) -> {
            if (!row.measured().isEmpty()) {
                Ratios ratios = row.measured().get(0);
                sb.append("| req/s >= ").append(MIN_RPS_RATIO).append("x wrk, p99 <= ").append(MAX_P99_RATIO)
                        .append("x wrk | ").append(key).append(" | ").append(fmt("%.2fx", ratios.rps()))
                        .append(", p99 ").append(fmt("%.2fx", ratios.p99())).append(" | ")
                        .append(ratios.met() ? "yes" : "**no**").append(" |\n");
            }
        });
    }

    /**
     * With repeats, one row per (our client, workload, threads >= 16): each repeat's ratios to that repeat's wrk, their
     * medians, how many repeats met both targets, and "Met?" by the medians (see {@link TargetRow}).
     */
    private void targetsOverRepeats(StringBuilder sb) {
        sb.append("\n| Target (16 and 64 threads) | Client | Workload | Threads | Each repeat: req/s, p99 (x wrk) "
                + "| Median req/s | Median p99 | Repeats met | Met? |\n|---|---|---|---:|---|---:|---:|---|---|\n");
        for (Map.Entry<String, TargetRow> e : targetRows().entrySet()) {
            TargetRow row = e.getValue();
            StringBuilder each = new StringBuilder();
            for (int r = 1; r <= repeats; r++) {
                int repeat = r;
                Ratios ratios = row.measured().stream().filter(x -> x.repeat() == repeat).findFirst().orElse(null);
                each.append(r == 1 ? "" : "; ").append(r).append(": ").append(ratios == null ? "failed"
                        : fmt("%.2fx, p99 %.2fx", ratios.rps(), ratios.p99()));
            }
            boolean any = !row.measured().isEmpty();
            String over = row.measured().size() < repeats ? " (" + row.measured().size() + " repeats)" : "";
            sb.append("| req/s >= ").append(MIN_RPS_RATIO).append("x wrk, p99 <= ").append(MAX_P99_RATIO)
                    .append("x wrk | ").append(e.getKey()).append(" | ").append(each).append(" | ")
                    .append(any ? fmt("%.2fx", row.medianRps()) + over : "-").append(" | ")
                    .append(any ? fmt("%.2fx", row.medianP99()) + over : "-").append(" | ")
                    .append(row.repeatsMet()).append(" of ").append(repeats).append(" | ")
                    .append(row.met() ? "yes" : "**no**").append(" |\n");
        }
    }

    /** The wrk line of {@code l}'s workload, threads and repeat: each line is compared with its own repeat's limit. */
    private Line limit(Line l) {
        return lines.stream().filter(o -> o.client().equals("wrk") && o.error() == null
                && o.workload().equals(l.workload()) && o.threads() == l.threads() && o.repeat() == l.repeat())
                .findFirst().orElse(null);
    }

    /** The median of {@code values}: the middle one, or for an even count the mean of the two middle ones. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One repeat's ratios of a line of ours to the wrk line of the same repeat. */
    record Ratios(int repeat, double rps, double p99) {

        /** {@code line}'s req/s and p99 against {@code limit}, the wrk line of its repeat. */
        static Ratios of(Line line, Line limit) {
            return new Ratios(line.repeat(), line.rps() / limit.rps(), (double) line.p99us() / limit.p99us());
        }

        /** Both targets met in this repeat. */
        boolean met() {
            return rps >= MIN_RPS_RATIO && p99 <= MAX_P99_RATIO;
        }
    }

    /**
     * The targets of one (client, workload, threads) over {@code repeats} repeats: {@code measured} holds the repeats
     * whose fork and wrk line both succeeded (the others are left out of the medians). Met when the median req/s
     * ratio and the median p99 ratio both meet the targets: one fork's luck in either direction does not decide it.
     */
    record TargetRow(List<Ratios> measured, int repeats) {

        TargetRow {
            measured = List.copyOf(measured);
        }

        double medianRps() {
            return median(measured.stream().map(Ratios::rps).toList());
        }

        double medianP99() {
            return median(measured.stream().map(Ratios::p99).toList());
        }

        long repeatsMet() {
            return measured.stream().filter(Ratios::met).count();
        }

        boolean met() {
            return !measured.isEmpty() && medianRps() >= MIN_RPS_RATIO && medianP99() <= MAX_P99_RATIO;
        }
    }

    /** " repeat N" in log and failure texts when there are several repeats; nothing otherwise. */
    private String repeatTag(int repeat) {
        return repeats > 1 ? " repeat " + repeat : "";
    }

    private static String fmt(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static void log(String message) {
        System.err.println("[small " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    /**
     * One measured client at one concurrency in one repeat (1-based); {@code allocBytes}, {@code warmupSeconds} and
     * {@code jitMs} -1 when not measured (wrk).
     */
    record Line(String workload, int threads, int repeat, String client, long requests, double seconds,
            double cpuSeconds, long allocBytes, long p50us, long p99us, long p999us, long maxUs, long errors,
            double warmupSeconds, long jitMs, String error) {

        static Line failed(String workload, int threads, int repeat, String client, String error) {
            return new Line(workload, threads, repeat, client, 0, 0, 0, -1, 0, 0, 0, 0, 0, -1, -1, error);
        }

        double rps() {
            return requests / seconds;
        }
    }

    /**
     * wrk's script: the POST our client sends (a query id of its own, then the URL parameters our client sent, the SQL
     * as the body), a random user per request; prints requests, duration (us), p50/p99/p99.9/max latency (us) and errors.
     */
    private static final String LUA = """
            local prefix = os.getenv("SQL_PREFIX")
            local suffix = os.getenv("SQL_SUFFIX")
            local users = tonumber(os.getenv("USERS"))
            local params = os.getenv("URL_PARAMETERS")
            if params ~= "" then params = "&" .. params end
            local counter = 0
            -- global, not local: thread:set writes the thread's globals (every thread needs its own query ids)
            tid = 0
            setup = function(thread)
              tid = tid + 1
              thread:set("tid", tid)
            end
            init = function(args)
              math.randomseed(os.time() * 1000 + tid)
            end
            request = function()
              counter = counter + 1
              local id = string.format("%08x-%04x-4000-8000-%012x", math.random(0, 2147483647), tid, counter)
              return wrk.format("POST", "/?query_id=" .. id .. params,
                {["Content-Type"] = "text/plain; charset=UTF-8"}, prefix .. math.random(0, users - 1) .. suffix)
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("WRK %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
                e.connect + e.read + e.write + e.status + e.timeout))
            end
            """;
}
