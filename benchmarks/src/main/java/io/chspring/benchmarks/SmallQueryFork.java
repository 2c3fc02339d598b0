package io.chspring.benchmarks;

import com.clickhouse.client.api.Client;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.PreparedQuery;
import io.chspring.data.core.ClickHouseTemplate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One client of the small-query section in its own JVM (so its CPU time is its own): {@code threads} threads issue
 * the workload against the server for {@code warmup} seconds unmeasured (the first half with {@value #RAMP_THREADS}
 * threads only), then until the JIT is quiet (at most {@code warmup} seconds more), then {@code measure} seconds
 * measured. Arguments: {@code client workload threads warmupSeconds measureSeconds baseUrl users}. Prints
 * {@code RESULT requests seconds cpuSeconds allocatedBytes p50us p99us p999us maxUs errors warmupSeconds jitMs}
 * ({@code jitMs}: compile time inside the measured window) or {@code FAILED <error>}.
 *
 * <p>Each request picks a user id at random, as {@code wrk}'s script does; latency is from the call to the last row
 * read, allocation is what the calling threads allocated ({@code getCurrentThreadAllocatedBytes}, HttpClient's classic
 * I/O runs on the calling thread), CPU is the whole process's (JIT and GC included).
 */
public final class SmallQueryFork {

    /** The point lookup: up to 20 typed rows of one user. */
    static final String LOOKUP = "SELECT ?fields FROM events WHERE user_id = ? ORDER BY ts DESC LIMIT 20";
    /** The tiny aggregate: one typed row. */
    static final String AGGREGATE = "SELECT count() AS n, sum(duration) AS total FROM events WHERE user_id = ?";

    /** The aggregate's row. */
    public record Stats(long n, double total) {
    }

    /**
     * How many threads run during the first half of the warm-up, before the others join: the JIT then compiles the
     * request path with CPU to spare, as in a service whose traffic ramps up after a start, instead of competing with
     * 64 busy threads for 2 cores (where one C2 compile took 1-2 s).
     */
    static final int RAMP_THREADS = 2;

    /** The compile time, in ms per 2 s, under which the JIT counts as quiet and the measured window may start. */
    static final long QUIET_JIT_MS = 50;

    private SmallQueryFork() {
    }

    /** Runs one client; see the class comment. */
    public static void main(String[] args) {
        String client = args[0];
        String workload = args[1];
        int threads = Integer.parseInt(args[2]);
        double warmup = Double.parseDouble(args[3]);
        double measure = Double.parseDouble(args[4]);
        String baseUrl = args[5];
        int users = Integer.parseInt(args[6]);
        try (Op op = op(client, workload, baseUrl, threads)) {
            op.call(1); // fails fast (a peer that cannot read from this server) before the threads start
            System.out.println(run(op, threads, warmup, measure, users));
            System.out.flush();
            System.exit(0);
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            System.err.println(trace);
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = (e == root ? e.toString() : e + " / caused by " + root).replaceAll("\\s+", " ");
            System.out.println("FAILED " + message);
            System.out.flush();
            System.exit(2);
        }
    }

    /** One request of the workload for user {@code user}; returns the rows read. */
    interface Op extends AutoCloseable {
        int call(int user) throws Exception;

        @Override
        default void close() {
        }
    }

    static String ourUrl(String baseUrl, int threads) {
        // The pool as large as the threads, as wrk has one connection per thread (the default per route is 16).
        int pool = Math.max(threads, 16);
        return baseUrl + "/bench?max_connections=" + pool + "&max_connections_per_route=" + pool;
    }

    static Op op(String client, String workload, String baseUrl, int threads) throws Exception {
        boolean lookup = workload.equals("lookup");
        switch (client) {
            case "ours-client": {
                ClickHouseClient c = ClickHouseClient.fromUrl(ourUrl(baseUrl, threads));
                return closing(c, lookup
                        ? user -> c.query(LOOKUP).bind(user).fetchAll(Event.class).size()
                        : user -> c.query(AGGREGATE).bind(user).fetchOne(Stats.class).n() >= 0 ? 1 : 0);
            }
            case "ours-prepared": {
                ClickHouseClient c = ClickHouseClient.fromUrl(ourUrl(baseUrl, threads));
                PreparedQuery<Event> events = c.prepare(LOOKUP, Event.class);
                PreparedQuery<Stats> stats = c.prepare(AGGREGATE, Stats.class);
                return closing(c, lookup
                        ? user -> events.bind(user).fetchAll().size()
                        : user -> stats.bind(user).fetchOne().n() >= 0 ? 1 : 0);
            }
            case "ours-template": {
                ClickHouseClient c = ClickHouseClient.fromUrl(ourUrl(baseUrl, threads));
                ClickHouseTemplate template = new ClickHouseTemplate(c);
                return closing(c, lookup
                        ? user -> template.queryForList(LOOKUP, Event.class, user).size()
                        : user -> template.queryForObject(AGGREGATE, Stats.class, user).n() >= 0 ? 1 : 0);
            }
            case "v2": {
                Client c = new Client.Builder().addEndpoint(baseUrl).setUsername("default").setPassword("")
                        .setDefaultDatabase("bench").compressServerResponse(false).useHttpCompression(false)
                        .setMaxConnections(Math.max(threads, 16)).setServerTimeZone("UTC").useTimeZone("UTC").build();
                String sql = qualified(lookup ? LOOKUP.replace("?fields", Dataset.COLUMN_LIST) : AGGREGATE).replace("?", "%d");
                return new Op() {
                    @Override
                    public int call(int user) {
                        return c.queryAll(String.format(Locale.ROOT, sql, user)).size();
                    }

                    @Override
                    public void close() {
                        c.close();
                    }
                };
            }
            case "jdbc": {
                JdbcTemplate jdbc = JdbcScenarios.template(new E2eFork.Target(baseUrl, 0, false, "bench.events", null,
                        null));
                String sql = qualified(lookup ? LOOKUP.replace("?fields", Dataset.COLUMN_LIST) : AGGREGATE);
                return user -> jdbc.query(sql, (rs, i) -> rs.getLong(1), user).size();
            }
            default:
                throw new IllegalArgumentException("unknown client " + client);
        }
    }

    /** The peers send their default database in a header 18.16 ignores (RESULTS.md, peers): name it in the SQL. */
    private static String qualified(String sql) {
        return sql.replace("FROM events", "FROM bench.events");
    }

    private static Op closing(ClickHouseClient client, Op op) {
        return new Op() {
            @Override
            public int call(int user) throws Exception {
                return op.call(user);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static String run(Op op, int threads, double warmup, double measure, int users) throws Exception {
        long start = System.nanoTime();
        long rampTo = start + (long) (warmup / 2 * 1e9);
        long warmTo = start + (long) (warmup * 1e9);
        Window window = new Window();
        CountDownLatch ramped = new CountDownLatch(1);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        // Both meters are read once before the warm-up: their first reads (and Measurement's initialisation) load the
        // platform's management classes, and doing that at the start of the measured window made C2 throw away and
        // recompile hot code inside it.
        Measurement.cpuNanos();
        mx.getCurrentThreadAllocatedBytes();
        AtomicLong allocated = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            boolean late = w >= RAMP_THREADS;
            long[][] mine = {new long[1024]};
            Thread t = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                if (late) {
                    awaitUninterruptibly(ramped);
                }
                long allocStart = -1;
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    long from = window.from; // read before to: the main thread writes to first
                    long to = window.to;
                    if (t0 >= to) {
                        break;
                    }
                    if (allocStart < 0 && t0 >= from) {
                        allocStart = mx.getCurrentThreadAllocatedBytes();
                    }
                    try {
                        op.call(random.nextInt(users));
                    } catch (Throwable e) {
                        firstError.compareAndSet(null, e);
                        if (t0 >= from) {
                            errors.incrementAndGet();
                        }
                        continue;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= from && t1 <= to) {
                        if (n == mine[0].length) {
                            mine[0] = Arrays.copyOf(mine[0], n * 2);
                        }
                        mine[0][n++] = t1 - t0;
                    }
                }
                if (allocStart >= 0) {
                    allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - allocStart);
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], n));
                }
            }, "small-query-" + w);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        sleepUntil(rampTo);
        ramped.countDown();
        sleepUntil(warmTo);
        awaitQuietCompiler(jit, warmTo + (long) (warmup * 1e9));
        long measureFrom = System.nanoTime();
        double warmedUp = (measureFrom - start) / 1e9;
        window.to = measureFrom + (long) (measure * 1e9);
        window.from = measureFrom;
        long jitFrom = jit.getTotalCompilationTime();
        long cpuFrom = Measurement.cpuNanos();
        sleepUntil(window.to);
        long cpuTo = Measurement.cpuNanos();
        long jitTo = jit.getTotalCompilationTime();
        for (Thread t : workers) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            throw new IllegalStateException("no request completed in the measured window", firstError.get());
        }
        if (errors.get() > 0) {
            System.err.println("first error: " + firstError.get());
        }
        return String.format(Locale.ROOT, "RESULT %d %.3f %.3f %d %d %d %d %d %d %.1f %d", all.length, measure,
                (cpuTo - cpuFrom) / 1e9, allocated.get(), pct(all, 50) / 1000, pct(all, 99) / 1000, pct(all, 99.9) / 1000,
                all[all.length - 1] / 1000, errors.get(), warmedUp, jitTo - jitFrom);
    }

    /**
     * Waits, at most until {@code deadline}, for the JIT compilers to go quiet: under {@value #QUIET_JIT_MS} ms of
     * compilation in the last 2 s. With 64 busy threads on 2 cores a C2 compile of one request-path method took 1-2 s
     * of wall time (LogCompilation, 2026-12-07), so C2 was still compiling the request path 48 s into a 40 s warm-up.
     */
    private static void awaitQuietCompiler(CompilationMXBean jit, long deadline) throws InterruptedException {
        long[] recent = new long[4]; // compile time at each of the last 4 half-second polls
        Arrays.fill(recent, -1);
        for (int i = 0; System.nanoTime() < deadline; i++) {
            long now = jit.getTotalCompilationTime();
            long twoSecondsAgo = recent[i % recent.length];
            if (twoSecondsAgo >= 0 && now - twoSecondsAgo < QUIET_JIT_MS) {
                return;
            }
            recent[i % recent.length] = now;
            Thread.sleep(500);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        Thread.sleep(Math.max(0, (nanoTime - System.nanoTime()) / 1_000_000));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // the workers are never interrupted; keep waiting for the ramp's end
            }
        }
    }

    /** The measured window, set by the main thread once warmed up; until then it starts and ends at infinity. */
    private static final class Window {
        volatile long from = Long.MAX_VALUE;
        volatile long to = Long.MAX_VALUE;
    }

    private static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
