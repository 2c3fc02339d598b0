package io.chspring.benchmarks;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.ShardedInserter;
import io.chspring.client.query.RowCursor;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Inserter throughput on the local 2 x 2 cluster (four 18.16 servers and ZooKeeper on this machine): into one node
 * through the Distributed table, round robin over the four through the Distributed table, and the sharded Inserter
 * writing the shard-local tables directly. Every scenario writes the same rows from the same threads
 * ({@code insert_distributed_sync=1}, so a batch counts once it is stored on its shards) and checks
 * {@code count()} afterwards; then the read fan-out through the Distributed table (see {@link #reads}). Options:
 * {@code --rows N} (default 2,000,000), {@code --quick} (20,000 rows), {@code --threads N} (4), {@code --append FILE}.
 */
public final class ClusterBench {

    record BenchRow(long id, long userId, String payload) {
    }

    private ClusterBench() {
    }

    /** Runs the three scenarios and prints a markdown table. */
    public static void main(String[] args) throws Exception {
        int rows = 2_000_000;
        int threads = 4;
        Path append = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--append" -> append = Path.of(args[++i]);
                case "--quick" -> rows = 20_000;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Double> results = new LinkedHashMap<>();
        Map<String, double[]> reads = new LinkedHashMap<>();
        try (LocalClickHouseCluster cluster = LocalClickHouseCluster.builder().build()) {
            cluster.start();
            ClusterNode first = cluster.node(1, 1);
            first.query("CREATE TABLE bench ON CLUSTER c (id UInt64, user_id UInt32, payload String) ENGINE = "
                    + "ReplicatedMergeTree('/clickhouse/tables/{shard}/bench', '{replica}') ORDER BY id");
            first.query("CREATE TABLE bench_all ON CLUSTER c AS bench ENGINE = Distributed(c, default, bench, "
                    + "cityHash64(id))");
            String one = "http://127.0.0.1:" + first.httpPort() + "/default?insert_distributed_sync=1";
            String four = "http://" + cluster.nodes().stream().map(n -> "127.0.0.1:" + n.httpPort())
                    .collect(Collectors.joining(",")) + "/default?insert_distributed_sync=1&load_balancing=round_robin";
            // A warm-up pass of each path, not counted: class loading and JIT on the same two cores as the servers.
            for (boolean counted : new boolean[] {false, true}) {
                int n = counted ? rows : Math.max(rows / 10, 10_000);
                try (ClickHouseClient client = ClickHouseClient.fromUrl(one)) {
                    Inserter<BenchRow> inserter = client.inserter("bench_all", BenchRow.class).maxRows(200_000).build();
                    record(results, counted, "Inserter -> one node, Distributed table",
                            run(cluster, n, threads, inserter::write, () -> close(inserter)));
                }
                try (ClickHouseClient client = ClickHouseClient.fromUrl(four)) {
                    Inserter<BenchRow> inserter = client.inserter("bench_all", BenchRow.class).maxRows(200_000).build();
                    record(results, counted, "Inserter -> round robin over 4 nodes, Distributed table",
                            run(cluster, n, threads, inserter::write, () -> close(inserter)));
                }
                try (ClickHouseClient client = ClickHouseClient.fromUrl(four)) {
                    ShardedInserter<BenchRow> inserter = client.shardedInserter("bench_all", BenchRow.class,
                            b -> b.maxRows(100_000));
                    record(results, counted, "ShardedInserter -> shard-local tables (one replica of each shard)",
                            run(cluster, n, threads, inserter::write, inserter::close));
                }
            }
            // The last pass left `rows` rows in the cluster: read them back.
            reads(cluster, first, rows, reads);
        }
        String table = table(rows, threads, results, reads);
        System.out.print(table);
        if (append != null) {
            Files.writeString(append, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /**
     * The read fan-out: every row through the Distributed table on one node (which reads its own shard and pulls the
     * other one over the native protocol), against the two shard-local tables read side by side from one replica each
     * (the same rows without the second hop), and a GROUP BY through the Distributed table against the same on one
     * shard. Each read is timed three times after one warm-up; the best of the three counts, as the runs are short.
     */
    private static void reads(LocalClickHouseCluster cluster, ClusterNode first, int rows, Map<String, double[]> reads)
            throws Exception {
        String distributed = "http://127.0.0.1:" + first.httpPort() + "/default";
        reads.put("cursor: all rows through the Distributed table, one node", best(() -> {
            try (ClickHouseClient client = ClickHouseClient.fromUrl(distributed)) {
                return readAll(client, "SELECT id, user_id, payload FROM bench_all");
            }
        }, rows));
        List<ClusterNode> oneReplicaEach = List.of(cluster.node(1, 1), cluster.node(2, 1));
        reads.put("cursor: the 2 shard-local tables side by side, 2 threads", best(() -> {
            ExecutorService pool = Executors.newFixedThreadPool(oneReplicaEach.size());
            try {
                List<Future<Long>> parts = new ArrayList<>();
                for (ClusterNode node : oneReplicaEach) {
                    parts.add(pool.submit(() -> {
                        try (ClickHouseClient client = ClickHouseClient.fromUrl(node.httpUrl())) {
                            return readAll(client, "SELECT id, user_id, payload FROM bench");
                        }
                    }));
                }
                long total = 0;
                for (Future<Long> part : parts) {
                    total += part.get();
                }
                return total;
            } finally {
                pool.shutdownNow();
            }
        }, rows));
        reads.put("GROUP BY user_id through the Distributed table (10,000 groups)", best(() -> {
            try (ClickHouseClient client = ClickHouseClient.fromUrl(distributed)) {
                return client.query("SELECT user_id, count() AS count FROM bench_all GROUP BY user_id")
                        .fetchAll(GroupRow.class).stream().mapToLong(GroupRow::count).sum();
            }
        }, rows));
        long local = Long.parseLong(first.query("SELECT count() FROM bench").strip());
        reads.put("GROUP BY user_id on one shard-local table (its half of the rows)", best(() -> {
            try (ClickHouseClient client = ClickHouseClient.fromUrl(first.httpUrl())) {
                return client.query("SELECT user_id, count() AS count FROM bench GROUP BY user_id")
                        .fetchAll(GroupRow.class).stream().mapToLong(GroupRow::count).sum();
            }
        }, local));
    }

    record GroupRow(long userId, long count) {
    }

    private interface Read {
        long run() throws Exception;
    }

    /** {rows per second, milliseconds} of the best of three timed runs after a warm-up; checks the rows read. */
    private static double[] best(Read read, long expected) throws Exception {
        read.run();
        double bestSeconds = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            long n = read.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (n != expected) {
                throw new IllegalStateException("read " + n + " rows, expected " + expected);
            }
            bestSeconds = Math.min(bestSeconds, seconds);
        }
        return new double[] {expected / bestSeconds, bestSeconds * 1000};
    }

    private static long readAll(ClickHouseClient client, String sql) {
        long n = 0;
        long check = 0;
        try (RowCursor<BenchRow> cursor = client.query(sql).fetch(BenchRow.class)) {
            for (BenchRow row : cursor) {
                n++;
                check += row.payload().length();
            }
        }
        return check > 0 ? n : -1;
    }

    private static void close(Inserter<BenchRow> inserter) {
        inserter.flush();
        inserter.close();
    }

    private static void record(Map<String, Double> results, boolean counted, String name, double rowsPerSecond) {
        if (counted) {
            results.put(name, rowsPerSecond);
        }
    }

    /** Writes {@code rows} rows from {@code threads} threads, flushes, checks the count; rows per second. */
    private static double run(LocalClickHouseCluster cluster, int rows, int threads, Consumer<BenchRow> write,
            Runnable finish) throws Exception {
        for (ClusterNode node : cluster.nodes()) {
            node.query("TRUNCATE TABLE bench");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> writers = new ArrayList<>();
            int per = rows / threads;
            for (int t = 0; t < threads; t++) {
                long from = (long) t * per;
                long to = t == threads - 1 ? rows : from + per;
                writers.add(pool.submit(() -> {
                    for (long id = from; id < to; id++) {
                        write.accept(new BenchRow(id, id % 10_000, "payload-" + id));
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            finish.run();
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (ClusterNode node : cluster.nodes()) {
            node.query("SYSTEM SYNC REPLICA bench");
        }
        String count = cluster.node(1, 1).query("SELECT count() FROM bench_all").strip();
        if (!count.equals(Integer.toString(rows))) {
            throw new IllegalStateException("wrote " + rows + " rows, the cluster has " + count);
        }
        return rows / seconds;
    }

    private static String table(int rows, int threads, Map<String, Double> results, Map<String, double[]> reads) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n### Cluster: Inserter throughput (").append(LocalDate.now()).append(")\n\n")
                .append(String.format(Locale.ROOT, "%,d rows (id UInt64, user_id UInt32, payload String) from %d "
                        + "threads, local cluster of 2 shards x 2 replicas (four 18.16 servers + ZooKeeper on this "
                        + "machine), `insert_distributed_sync=1`, sharding key `cityHash64(id)`, after one warm-up "
                        + "pass each.%n%n", rows, threads))
                .append("| path | rows/s | vs one node |\n|---|---:|---:|\n");
        double base = results.values().iterator().next();
        results.forEach((name, r) -> sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2fx |%n", name, r,
                r / base)));
        sb.append(String.format(Locale.ROOT, "%nReads of the same %,d rows (best of 3 after a warm-up):%n%n", rows))
                .append("| read | rows/s | ms | vs the first line |\n|---|---:|---:|---:|\n");
        double readBase = reads.values().iterator().next()[0];
        reads.forEach((name, r) -> sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.2fx |%n", name, r[0],
                r[1], r[0] / readBase)));
        return sb.toString();
    }
}
