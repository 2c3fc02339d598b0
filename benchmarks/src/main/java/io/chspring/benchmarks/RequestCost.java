package io.chspring.benchmarks;

import com.sun.management.ThreadMXBean;
import io.chspring.client.ClickHouseClient;
import io.chspring.test.LocalClickHouseServer;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One thread's CPU time and allocation per small query, in one JVM: {@link SmallQueryFork}'s request (workload
 * {@code lookup} or {@code aggregate}, client {@code ours-client}, {@code ours-prepared} or {@code ours-template})
 * sent in a loop against a private 18.16 server with {@link SmallQueryBench}'s table. Thread CPU and allocated bytes
 * come from {@code ThreadMXBean}, so unlike {@link SmallQueryBench}'s concurrent lines they do not count other
 * processes, JIT or GC, and stay comparable on a shared machine; HttpClient's classic I/O runs on the calling thread,
 * so the figure is the client's whole work per request but the kernel's network stack. Prints a warm-up half and a
 * measured half. To compare two builds, run it with each one's class path.
 *
 * <p>Arguments: {@code WORKLOAD CLIENT SECONDS} (default {@code aggregate ours-prepared 20}).
 */
public final class RequestCost {

    private static final int USERS = 20_000;

    private RequestCost() {
    }

    /** Runs the loop; see the class comment. */
    public static void main(String[] args) throws Exception {
        String workload = args.length > 0 ? args[0] : "aggregate";
        String client = args.length > 1 ? args[1] : "ours-prepared";
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        try (LocalClickHouseServer server = LocalClickHouseServer.builder().build()) {
            server.start();
            try (ClickHouseClient setup = ClickHouseClient.fromUrl(server.url())) {
                SmallQueryBench.createEvents(setup, 200_000, USERS);
            }
            try (SmallQueryFork.Op op = SmallQueryFork.op(client, workload, server.url(), 1)) {
                ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
                SplittableRandom random = new SplittableRandom(1);
                for (String phase : new String[] {"warm-up", "measured"}) {
                    long requests = 0;
                    long cpu = threads.getCurrentThreadCpuTime();
                    long user = threads.getCurrentThreadUserTime();
                    long allocated = threads.getCurrentThreadAllocatedBytes();
                    long start = System.nanoTime();
                    long end = start + (long) (seconds / 2 * 1e9);
                    while (System.nanoTime() < end) {
                        op.call(random.nextInt(USERS));
                        requests++;
                    }
                    long wall = System.nanoTime() - start;
                    System.out.printf(Locale.ROOT, "%s %s %s: %,d requests, %.1f us wall, %.1f us thread CPU "
                                    + "(%.1f us user), %,d B allocated per request%n", workload, client, phase, requests,
                            wall / 1e3 / requests, (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / requests,
                            (threads.getCurrentThreadUserTime() - user) / 1e3 / requests,
                            (threads.getCurrentThreadAllocatedBytes() - allocated) / requests);
                }
            }
        }
    }
}
