package io.chspring.benchmarks;

import io.chspring.client.ClickHouseClient;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One end-to-end measurement in its own JVM, so CPU time and peak heap belong to one client.
 * Arguments: {@code scenario baseUrl rows lz4(true|false) table poolSize}: the rows to insert are taken from a
 * {@link RowPool} of {@code poolSize} rows built before the clock starts. An optional seventh argument {@code 2} runs
 * the scenario a second time in the same JVM and prints that pass as {@code WARM ...}: the figure of a long-running
 * application, whose JIT has compiled the client and whose classes are loaded; an insert's second pass starts from an
 * emptied table (see {@link #emptyAfterPass}). Prints {@code RESULT ...} (see
 * {@link Measurement}) or {@code FAILED <error>} and exits 2.
 */
public final class E2eFork {

    private E2eFork() {
    }

    /** Runs one scenario. */
    public static void main(String[] args) {
        String scenario = args[0];
        int poolSize = Integer.parseInt(args[5]);
        try {
            // The rows an application already holds; made before the clock starts, for every client alike.
            boolean insert = scenario.contains("insert");
            RowPool<Event> events = insert && !scenario.startsWith("v2") ? RowPool.events(poolSize) : null;
            RowPool<EventBean> beans = insert && scenario.startsWith("v2") ? RowPool.beans(poolSize) : null;
            Target target = new Target(args[1], Long.parseLong(args[2]), Boolean.parseBoolean(args[3]), args[4], events,
                    beans);
            int passes = args.length > 6 ? Integer.parseInt(args[6]) : 1;
            for (int pass = 1; pass <= passes; pass++) {
                if (insert && pass > 1) {
                    emptyAfterPass(target);
                }
                Measurement.resetPeaks();
                Measurement m = new Measurement();
                long rows = run(scenario, target);
                if (rows != target.rows()) {
                    throw new IllegalStateException("moved " + rows + " rows, expected " + target.rows());
                }
                String line = m.result(rows);
                System.out.println(pass == 1 ? line : line.replaceFirst("^RESULT", "WARM"));
            }
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

    /**
     * Between two insert passes: checks that the first pass's rows are all in the table, then empties it, so the
     * second pass inserts into an empty table like the first one and like curl's run. (Inserting 5M more rows into a
     * Memory table that still held 5M cost the 18.16 server 0.8-1.5 s more CPU than the same insert into an emptied
     * table, which is what every other measured insert sees; benchmarks/RESULTS.md.)
     */
    private static void emptyAfterPass(Target target) {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(target.baseUrl())) {
            long count = client.query("SELECT count() FROM " + target.table()).fetchOne(Long.class);
            if (count != target.rows()) {
                throw new IllegalStateException(target.table() + " holds " + count + " rows after the first pass, expected "
                        + target.rows());
            }
            client.execute("TRUNCATE TABLE " + target.table());
        }
    }

    private static long run(String scenario, Target target) throws Exception {
        return switch (scenario) {
            case "ours-insert" -> OurScenarios.insert(target);
            case "ours-inserter" -> OurScenarios.inserter(target, 4);
            // Not in run.sh: the one-writer Inserter, for telling the Inserter's cost from its writers' contention.
            case "ours-inserter-1" -> OurScenarios.inserter(target, 1);
            case "ours-read" -> OurScenarios.read(target);
            // Not in run.sh: one client for every pass, so passes after the first are repeated typed reads (issue 17).
            case "ours-read-repeated" -> OurScenarios.readRepeated(target);
            // ColdReadBench's floor: its "rows" argument is the body's byte count
            case "ours-read-bytes" -> OurScenarios.readBytes(target);
            case "v2-insert" -> ClientV2Scenarios.insert(target);
            case "v2-insert-schema" -> ClientV2Scenarios.insertWithSchema(target);
            case "v2-read" -> ClientV2Scenarios.readAll(target);
            case "v2-read-rowbinary" -> ClientV2Scenarios.readRowBinary(target);
            case "jdbc-insert" -> JdbcScenarios.insert(target, false);
            case "jdbc-insert-epoch" -> JdbcScenarios.insert(target, true);
            case "jdbc-read" -> JdbcScenarios.read(target);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    /**
     * Where and how much: the server's base URL, the rows to move, whether bodies are LZ4, the table, and the row pool
     * an insert takes its rows from (events for ours and JDBC, beans for client-v2; null where unused).
     */
    record Target(String baseUrl, long rows, boolean lz4, String table, RowPool<Event> events, RowPool<EventBean> beans) {

        String host() {
            return java.net.URI.create(baseUrl).getHost();
        }

        int port() {
            return java.net.URI.create(baseUrl).getPort();
        }
    }
}
