package io.chspring.benchmarks;

import io.chspring.arrow.ArrowQueryReader;
import io.chspring.arrow.ClickHouseArrow;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.RowCursor;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The same query read two ways on the embedded chDB 26.5 engine: the client's row cursor ({@code fetch(Event.class)},
 * RowBinaryWithNamesAndTypes, a record per row) and {@code clickhouse-arrow}'s ArrowStream batches (a
 * {@code VectorSchemaRoot} per block). Both consume every value of the four columns (sum of ids, user ids, values,
 * name bytes), so neither skips work the other does. Per path: rows/s (median of the measured passes after warm-up
 * passes), heap bytes allocated per row by all JVM threads ({@code ThreadMXBean.getThreadAllocatedBytes}), and for
 * Arrow the peak off-heap bytes of its allocator. Arguments: {@code --rows N} (default 500,000; see clickhouse-arrow's README
 * on chDB and large Arrow results), {@code --passes N} (measured, default 5), {@code --warmup N} (default 2), {@code --append FILE}. Needs {@code LD_PRELOAD=libjsig.so}
 * and {@code --add-opens=java.base/java.nio=ALL-UNNAMED} (run.sh --arrow sets both).
 */
public final class ArrowBench {

    private static final String SQL = "SELECT id, user_id, name, value FROM bench_events";

    private ArrowBench() {
    }

    /** A row as the row cursor maps it. */
    public record Event(long id, long userId, String name, double value) {
    }

    /** Runs the comparison and prints a markdown table. */
    public static void main(String[] args) throws Exception {
        int rows = 500_000;
        int passes = 5;
        int warmup = 2;
        Path append = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--append" -> append = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (ClickHouseClient client = ClickHouseClient.fromUrl("chdb::memory:");
             BufferAllocator allocator = new RootAllocator()) {
            client.execute("DROP TABLE IF EXISTS bench_events");
            client.execute("CREATE TABLE bench_events (id UInt64, user_id UInt32, name String, value Float64)"
                    + " ENGINE = MergeTree ORDER BY id");
            client.execute("INSERT INTO bench_events SELECT number, number % 100000, concat('event-', toString(number % 1000)),"
                    + " number * 0.25 FROM numbers(" + rows + ")");
            ClickHouseArrow arrow = ClickHouseArrow.of(client);
            double[] expected = null;
            List<String> lines = new ArrayList<>();
            for (String path : List.of("row cursor (fetch(Event.class))", "ArrowStream batches (clickhouse-arrow)",
                    "bytes only: RowBinaryWithNamesAndTypes, drained", "bytes only: ArrowStream, drained")) {
                boolean arrowPath = path.startsWith("Arrow");
                String drained = path.startsWith("bytes only") ? path.substring(12, path.indexOf(',')) : null;
                double[] rates = new double[passes];
                double[] allocs = new double[passes];
                long offHeapPeak = 0;
                for (int pass = -warmup; pass < passes; pass++) {
                    long allocatedBefore = allocatedBytes();
                    long start = System.nanoTime();
                    double[] digest;
                    if (arrowPath) {
                        try (BufferAllocator child = allocator.newChildAllocator("bench", 0, Long.MAX_VALUE)) {
                            digest = readArrow(arrow, child);
                            offHeapPeak = Math.max(offHeapPeak, child.getPeakMemoryAllocation());
                        }
                    } else if (drained != null) {
                        digest = drain(client, drained, rows);
                    } else {
                        digest = readRows(client);
                    }
                    long nanos = System.nanoTime() - start;
                    long allocated = allocatedBytes() - allocatedBefore;
                    if (drained != null) {
                        // not decoded: drain() could only check that bytes came
                        digest = expected;
                    } else if (expected == null) {
                        expected = digest;
                    } else if (!Arrays.equals(expected, digest)) {
                        throw new AssertionError(path + " read " + Arrays.toString(digest) + ", expected "
                                + Arrays.toString(expected));
                    }
                    if (digest[0] != rows) {
                        throw new AssertionError(path + " read " + digest[0] + " rows of " + rows);
                    }
                    if (pass >= 0) {
                        rates[pass] = rows / (nanos / 1e9);
                        allocs[pass] = (double) allocated / rows;
                    }
                }
                lines.add(String.format(Locale.ROOT, "| %s | %,.0f | %s | %.1f | %s |", path, median(rates),
                        Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()), median(allocs),
                        arrowPath ? String.format(Locale.ROOT, "%,d", offHeapPeak) : "-"));
            }
            String table = String.format(Locale.ROOT, "%n| path (%,d rows, 4 columns, embedded chDB 26.5) | rows/s (median)"
                    + " | rows/s per pass | heap bytes allocated per row | Arrow off-heap peak (bytes) |%n"
                    + "|---|---|---|---|---|%n", rows) + String.join(System.lineSeparator(), lines)
                    + System.lineSeparator();
            System.out.print(table);
            if (append != null) {
                Files.writeString(append, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
    }

    private static double[] readRows(ClickHouseClient client) {
        long n = 0;
        long ids = 0;
        long users = 0;
        double values = 0;
        long nameBytes = 0;
        try (RowCursor<Event> cursor = client.query(SQL).fetch(Event.class)) {
            for (Event e : cursor) {
                n++;
                ids += e.id();
                users += e.userId();
                values += e.value();
                nameBytes += e.name().length(); // ASCII names: chars = bytes
            }
        }
        return new double[] {n, ids, users, values, nameBytes};
    }

    private static double[] readArrow(ClickHouseArrow arrow, BufferAllocator allocator) throws Exception {
        long n = 0;
        long ids = 0;
        long users = 0;
        double values = 0;
        long nameBytes = 0;
        try (ArrowQueryReader reader = arrow.query(SQL).fetch(allocator)) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot batch = reader.getVectorSchemaRoot();
                UInt8Vector id = (UInt8Vector) batch.getVector("id");
                UInt4Vector user = (UInt4Vector) batch.getVector("user_id");
                VarCharVector name = (VarCharVector) batch.getVector("name");
                Float8Vector value = (Float8Vector) batch.getVector("value");
                int count = batch.getRowCount();
                for (int i = 0; i < count; i++) {
                    ids += id.get(i);
                    users += Integer.toUnsignedLong(user.get(i));
                    values += value.get(i);
                    nameBytes += name.getEndOffset(i) - name.getStartOffset(i);
                }
                n += count;
            }
        }
        return new double[] {n, ids, users, values, nameBytes};
    }

    /**
     * Reads the result's bytes in {@code format} and throws them away: the engine's and the transport's share of a
     * path, without decoding. The row count cannot be checked here, so the digest is the caller's.
     */
    private static double[] drain(ClickHouseClient client, String format, int rows) throws Exception {
        byte[] buffer = new byte[64 << 10];
        long bytes = 0;
        var query = client.query(SQL);
        if (format.equals("ArrowStream")) {
            // the same uncompressed Arrow buffers as clickhouse-arrow asks for (26.5 writes lz4_frame by default)
            query.setting("output_format_arrow_compression_method", "none");
        }
        try (var response = query.fetchBytes(format)) {
            for (int n; (n = response.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        if (bytes < rows) {
            throw new AssertionError(format + " gave " + bytes + " bytes for " + rows + " rows");
        }
        return new double[] {rows};
    }

    /** Heap bytes allocated so far by the JVM's live threads. */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, allocated);
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
