package io.chspring.benchmarks;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.block.Block;
import io.chspring.client.block.DoubleColumn;
import io.chspring.client.block.IntColumn;
import io.chspring.client.block.LongColumn;
import io.chspring.client.block.NativeBlockReader;
import io.chspring.client.block.ObjectColumn;
import io.chspring.client.mapping.MappedRowDecoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.query.BlockCursor;
import io.chspring.client.query.QueryResponse;
import io.chspring.client.query.RowCursor;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.rowbinary.RowReader;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.test.LocalClickHouseServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Column blocks ({@code fetchBlocks()}, Native) against the row cursor (RowBinary) on the same query: a numeric one
 * (UInt64, Int32, two Float64) and a string-heavy one (UInt64 and three Strings), each consumed whole (numbers summed,
 * string lengths added, so the JIT cannot drop the reads, and every path's checksum must agree).
 *
 * <p>Two settings: end to end against a private 18.16 server on loopback (the query runs each time, so the server's
 * work is inside the time), and in process, decoding bytes fetched once (RowBinary for the row readers, Native for
 * blocks), which isolates the client's own cost. Allocation per row is the reading thread's
 * ({@code ThreadMXBean.getThreadAllocatedBytes}): Apache HttpClient reads the response on the caller's thread, so
 * that is all the client allocates for the read. Each line: median of {@code --passes} measured passes after two
 * unmeasured ones, the scenarios of a group taking turns. Options: {@code --rows N} (1,000,000), {@code --passes N} (5), {@code --append FILE}.
 */
public final class BlocksBench {

    /** A row of the numeric query, mapped by the row API. */
    public record NumRow(long id, int a, double x, double y) {
    }

    /** A row of the string query, mapped by the row API. */
    public record StrRow(long id, String name, String tag, String city) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record Result(double rowsPerSecond, double bytesPerRow, long checksum) {
    }

    private BlocksBench() {
    }

    /** Runs every scenario and prints a markdown table. */
    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int passes = 5;
        Path append = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--append" -> append = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String num = "SELECT id, a, x, y FROM num";
        String str = "SELECT id, name, tag, city FROM str";
        Map<String, Result> results = new LinkedHashMap<>();
        int blockCount;
        int stringBlockCount;
        try (LocalClickHouseServer server = LocalClickHouseServer.builder().build()) {
            server.start();
            try (ClickHouseClient client = ClickHouseClient.fromUrl(server.url() + "/default")) {
                // MergeTree, read in blocks of max_block_size (65,536) rows as a real table is: a Memory table filled by one
                // INSERT SELECT keeps the insert's blocks (1,048,576 rows), and the whole result is then one block
                client.execute("CREATE TABLE num (id UInt64, a Int32, x Float64, y Float64) ENGINE = MergeTree "
                        + "ORDER BY id");
                client.execute("INSERT INTO num SELECT number, toInt32(number % 1000) - 500, number / 3, "
                        + "sqrt(number) FROM system.numbers LIMIT " + rows);
                client.execute("CREATE TABLE str (id UInt64, name String, tag String, city String) ENGINE = MergeTree "
                        + "ORDER BY id");
                client.execute("INSERT INTO str SELECT number, concat('user-', toString(number)), "
                        + "concat('tag-', toString(number % 100)), ['Berlin', 'Paris', 'Lisbon', 'Oslo'][number % 4 + 1] "
                        + "FROM system.numbers LIMIT " + rows);
                Map<String, LongSupplier> group = new LinkedHashMap<>();
                group.put("numeric, end to end: RowCursor<Object[]>", () -> objectRows(client, num));
                group.put("numeric, end to end: RowCursor<NumRow> (mapped record)", () -> numRecords(client, num));
                group.put("numeric, end to end: fetchBlocks()", () -> numBlocks(client, num));
                group.put("string, end to end: RowCursor<Object[]>", () -> objectRows(client, str));
                group.put("string, end to end: RowCursor<StrRow> (mapped record)", () -> strRecords(client, str));
                group.put("string, end to end: fetchBlocks()", () -> strBlocks(client, str));

                results.putAll(measure(rows, passes, group));
                group.clear();
                // plain RowBinary (18.16 has no RowBinaryWithNamesAndTypes) with the columns from the cursor
                List<ClickHouseColumn> numColumns = columns(client, num);
                List<ClickHouseColumn> strColumns = columns(client, str);
                byte[] numRb = bytes(client, num, "RowBinary");
                byte[] numNative = bytes(client, num, "Native");
                byte[] strRb = bytes(client, str, "RowBinary");
                byte[] strNative = bytes(client, str, "Native");
                blockCount = countBlocks(numNative);
                stringBlockCount = countBlocks(strNative);
                group.put("numeric, in process: RowReader (Object[])", () -> decodeObjects(numRb, numColumns));
                group.put("numeric, in process: MappedRowDecoder<NumRow>",
                        () -> decodeMapped(numRb, numColumns, NumRow.class, BlocksBench::numSum));
                group.put("numeric, in process: NativeBlockReader", () -> decodeBlocks(numNative));
                group.put("string, in process: RowReader (Object[])", () -> decodeObjects(strRb, strColumns));
                group.put("string, in process: MappedRowDecoder<StrRow>",
                        () -> decodeMapped(strRb, strColumns, StrRow.class, BlocksBench::strSum));
                group.put("string, in process: NativeBlockReader", () -> decodeBlocks(strNative));
                results.putAll(measure(rows, passes, group));
            }
        }
        String table = table(rows, passes, results) + String.format(Locale.ROOT, "%nBlocks per result: numeric %d, "
                + "string %d (max_block_size 65,536).%n", blockCount, stringBlockCount);
        System.out.print(table);
        if (append != null) {
            Files.writeString(append, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /**
     * Two unmeasured passes of every scenario, then {@code passes} rounds that run each scenario once in turn, so that
     * the load of this shared machine falls on all of them alike; per scenario the median pass by time, and its
     * allocation. Every pass of a scenario must read the same checksum, and all scenarios of a query the same one.
     */
    private static Map<String, Result> measure(int rows, int passes, Map<String, LongSupplier> scenarios) {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (int warm = 0; warm < 2; warm++) {
            scenarios.forEach((name, pass) -> expected.put(name, pass.getAsLong()));
        }
        Map<String, double[]> rates = new LinkedHashMap<>();
        Map<String, double[]> allocs = new LinkedHashMap<>();
        scenarios.keySet().forEach(name -> {
            rates.put(name, new double[passes]);
            allocs.put(name, new double[passes]);
        });
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < passes; i++) {
            for (Map.Entry<String, LongSupplier> e : scenarios.entrySet()) {
                long a0 = THREADS.getThreadAllocatedBytes(tid);
                long t0 = System.nanoTime();
                long checksum = e.getValue().getAsLong();
                long t1 = System.nanoTime();
                long a1 = THREADS.getThreadAllocatedBytes(tid);
                if (checksum != expected.get(e.getKey())) {
                    throw new IllegalStateException(e.getKey() + ": pass " + i + " read checksum " + checksum);
                }
                rates.get(e.getKey())[i] = rows / ((t1 - t0) / 1e9);
                allocs.get(e.getKey())[i] = (double) (a1 - a0) / rows;
            }
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (String name : scenarios.keySet()) {
            double[] r = rates.get(name);
            double[] sorted = r.clone();
            Arrays.sort(sorted);
            double median = sorted[passes / 2];
            int at = 0;
            while (r[at] != median) {
                at++;
            }
            out.put(name, new Result(median, allocs.get(name)[at], expected.get(name)));
        }
        return out;
    }

    private static long value(Object v) {
        if (v instanceof Number n) {
            return n instanceof Double d ? Double.doubleToLongBits(d) : n.longValue();
        }
        return v == null ? 0 : ((String) v).length();
    }

    private static long objectRows(ClickHouseClient client, String sql) {
        long sum = 0;
        try (RowCursor<Object[]> cursor = client.query(sql).fetch(Object[].class)) {
            for (Object[] row : cursor) {
                for (Object v : row) {
                    sum += value(v);
                }
            }
        }
        return sum;
    }

    private static long numSum(NumRow r) {
        return r.id() + r.a() + Double.doubleToLongBits(r.x()) + Double.doubleToLongBits(r.y());
    }

    private static long strSum(StrRow r) {
        return r.id() + r.name().length() + r.tag().length() + r.city().length();
    }

    private static long numRecords(ClickHouseClient client, String sql) {
        long sum = 0;
        try (RowCursor<NumRow> cursor = client.query(sql).fetch(NumRow.class)) {
            for (NumRow r : cursor) {
                sum += numSum(r);
            }
        }
        return sum;
    }

    private static long strRecords(ClickHouseClient client, String sql) {
        long sum = 0;
        try (RowCursor<StrRow> cursor = client.query(sql).fetch(StrRow.class)) {
            for (StrRow r : cursor) {
                sum += strSum(r);
            }
        }
        return sum;
    }

    private static long numBlocks(ClickHouseClient client, String sql) {
        try (BlockCursor cursor = client.query(sql).fetchBlocks()) {
            return numBlocks(cursor);
        }
    }

    private static long numBlocks(Iterable<Block> blocks) {
        long sum = 0;
        for (Block block : blocks) {
            sum += numBlock(block);
        }
        return sum;
    }

    private static long numBlock(Block block) {
        long sum = 0;
        long[] id = ((LongColumn) block.column(0)).values();
        int[] a = ((IntColumn) block.column(1)).values();
        double[] x = ((DoubleColumn) block.column(2)).values();
        double[] y = ((DoubleColumn) block.column(3)).values();
        for (int i = 0; i < block.rows(); i++) {
            sum += id[i] + a[i] + Double.doubleToLongBits(x[i]) + Double.doubleToLongBits(y[i]);
        }
        return sum;
    }

    private static long strBlock(Block block) {
        long sum = 0;
        long[] id = ((LongColumn) block.column(0)).values();
        Object[] name = ((ObjectColumn) block.column(1)).values();
        Object[] tag = ((ObjectColumn) block.column(2)).values();
        Object[] city = ((ObjectColumn) block.column(3)).values();
        for (int i = 0; i < block.rows(); i++) {
            sum += id[i] + ((String) name[i]).length() + ((String) tag[i]).length() + ((String) city[i]).length();
        }
        return sum;
    }

    private static long strBlocks(ClickHouseClient client, String sql) {
        long sum = 0;
        try (BlockCursor cursor = client.query(sql).fetchBlocks()) {
            for (Block block : cursor) {
                sum += strBlock(block);
            }
        }
        return sum;
    }

    private static byte[] bytes(ClickHouseClient client, String sql, String format) {
        try (QueryResponse response = client.query(sql).fetchBytes(format)) {
            return response.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ClickHouseColumn> columns(ClickHouseClient client, String sql) {
        try (BlockCursor cursor = client.query(sql + " LIMIT 1").fetchBlocks()) {
            return cursor.columns();
        }
    }

    private static long decodeObjects(byte[] bytes, List<ClickHouseColumn> columns) {
        RowBinaryInput in = RowBinaryInput.of(bytes);
        RowReader reader = new RowReader(columns, CodecOptions.DEFAULT);
        long sum = 0;
        while (in.hasMore()) {
            for (Object v : reader.next(in)) {
                sum += value(v);
            }
        }
        return sum;
    }

    private static <T> long decodeMapped(byte[] bytes, List<ClickHouseColumn> columns, Class<T> type,
            ToLongFunction<T> sum) {
        RowBinaryInput in = RowBinaryInput.of(bytes);
        MappedRowDecoder<T> decoder = MappedRowDecoder.of(RowType.of(type), columns, MappingOptions.DEFAULT);
        long total = 0;
        while (in.hasMore()) {
            total += sum.applyAsLong(decoder.read(in));
        }
        return total;
    }

    private static int countBlocks(byte[] bytes) {
        NativeBlockReader reader = new NativeBlockReader(RowBinaryInput.of(bytes), CodecOptions.DEFAULT);
        int n = 0;
        while (reader.hasNext()) {
            reader.next();
            n++;
        }
        return n;
    }

    private static long decodeBlocks(byte[] bytes) {
        NativeBlockReader reader = new NativeBlockReader(RowBinaryInput.of(bytes), CodecOptions.DEFAULT);
        long sum = 0;
        while (reader.hasNext()) {
            Block block = reader.next();
            sum += block.column(1) instanceof IntColumn ? numBlock(block) : strBlock(block);
        }
        return sum;
    }

    private static String table(int rows, int passes, Map<String, Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n### Column blocks vs the row cursor (").append(LocalDate.now()).append(")\n\n")
                .append(String.format(Locale.ROOT, "%,d rows per pass, median of %d passes (the paths taking turns) after 2 unmeasured, "
                        + "ClickHouse 18.16 on loopback (end to end) or bytes fetched once (in process), %s %s.%n%n",
                        rows, passes, System.getProperty("java.vm.name"), System.getProperty("java.version")))
                .append("| query, setting: path | rows/s | B/row allocated | vs first line of its group |\n")
                .append("|---|---:|---:|---:|\n");
        double base = 0;
        for (Map.Entry<String, Result> e : results.entrySet()) {
            if (e.getKey().contains("Object[]")) {
                base = e.getValue().rowsPerSecond();
            }
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.2fx |%n", e.getKey(),
                    e.getValue().rowsPerSecond(), e.getValue().bytesPerRow(), e.getValue().rowsPerSecond() / base));
        }
        return sb.toString();
    }
}
