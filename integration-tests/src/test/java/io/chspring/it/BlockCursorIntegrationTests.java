package io.chspring.it;

import static io.chspring.it.ItSupport.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.block.ArrayColumn;
import io.chspring.client.block.Block;
import io.chspring.client.block.DoubleColumn;
import io.chspring.client.block.IntColumn;
import io.chspring.client.block.LongColumn;
import io.chspring.client.block.ObjectColumn;
import io.chspring.client.block.ShortColumn;
import io.chspring.client.block.TupleColumn;
import io.chspring.client.query.BlockCursor;
import io.chspring.client.query.PreparedQuery;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Column blocks ({@code fetchBlocks()}, the Native format) end to end on both engines: the 18.16 HTTP server and the
 * embedded 26.5. Expected values come from the queries' formulas, never from the reader.
 */
@ClickHouseEngines
class BlockCursorIntegrationTests {

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static List<String> described(List<ClickHouseColumn> columns) {
        return columns.stream().map(ClickHouseColumn::toString).toList();
    }

    @Test
    void aNumericResultIsPrimitiveArraysInBlocksOfAtMostMaxBlockSize() {
        long rows = 0;
        int blocks = 0;
        long sum = 0;
        try (BlockCursor cursor = client.query("SELECT number AS n, number / 2 AS half, toInt32(number % 7) AS m "
                + "FROM system.numbers LIMIT 100000").setting("max_block_size", 8192).fetchBlocks()) {
            assertThat(described(cursor.columns())).containsExactly("n UInt64", "half Float64", "m Int32");
            for (Block block : cursor) {
                assertThat(block.rows()).isBetween(1, 8192);
                long[] n = ((LongColumn) block.column("n")).values();
                double[] half = ((DoubleColumn) block.column(1)).values();
                int[] m = ((IntColumn) block.column("m")).values();
                for (int i = 0; i < block.rows(); i++) {
                    long expected = rows + i;
                    assertThat(n[i]).isEqualTo(expected);
                    assertThat(half[i]).isEqualTo(expected / 2.0);
                    assertThat(m[i]).isEqualTo((int) (expected % 7));
                    sum += n[i];
                }
                rows += block.rows();
                blocks++;
            }
        }
        assertThat(rows).isEqualTo(100_000);
        assertThat(sum).isEqualTo(99_999L * 100_000 / 2);
        assertThat(blocks).isGreaterThanOrEqualTo(13); // 100,000 / 8192
    }

    @Test
    void aStringResultIsObjectArrays() {
        long row = 0;
        try (BlockCursor cursor = client.query("SELECT toString(number) AS s, concat('key-', toString(number % 100)) "
                + "AS k, toFixedString(toString(number % 10), 2) AS f FROM system.numbers LIMIT 50000").fetchBlocks()) {
            for (Block block : cursor) {
                Object[] s = ((ObjectColumn) block.column("s")).values();
                Object[] k = ((ObjectColumn) block.column("k")).values();
                ObjectColumn f = (ObjectColumn) block.column("f");
                for (int i = 0; i < block.rows(); i++, row++) {
                    assertThat(s[i]).isEqualTo(Long.toString(row));
                    assertThat(k[i]).isEqualTo("key-" + row % 100);
                    assertThat((byte[]) f.get(i)).containsExactly((byte) ('0' + row % 10), 0);
                }
            }
        }
        assertThat(row).isEqualTo(50_000);
    }

    @Test
    void blocksComeAsTheServerSendsThem() {
        List<Integer> sizes = new ArrayList<>();
        try (BlockCursor cursor = client.query("SELECT number FROM system.numbers LIMIT 10000")
                .setting("max_block_size", 1000).fetchBlocks()) {
            cursor.forEach(b -> sizes.add(b.rows()));
        }
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
        assertThat(sizes).hasSizeGreaterThanOrEqualTo(10).allSatisfy(n -> assertThat(n).isBetween(1, 1000));
    }

    @Test
    void nullableArrayTupleAndLowCardinalityColumns() {
        var query = client.query("SELECT if(number % 3 = 0, NULL, number) AS maybe, range(toUInt64(number % 4)) AS list, "
                + "[toNullable('a'), NULL] AS names, (number, toString(number)) AS pair, "
                + "toLowCardinality(toString(number % 5)) AS low, "
                + "toLowCardinality(if(number % 2 = 0, NULL, toString(number))) AS lown FROM system.numbers LIMIT 3000")
                .setting("max_block_size", 1000);
        if (engine.isHttp()) {
            query.setting("allow_experimental_low_cardinality_type", 1); // 18.16: LowCardinality is experimental
        }
        long row = 0;
        try (BlockCursor cursor = query.fetchBlocks()) {
            assertThat(described(cursor.columns())).containsExactly("maybe Nullable(UInt64)", "list Array(UInt64)",
                    "names Array(Nullable(String))", "pair Tuple(UInt64, String)", "low LowCardinality(String)",
                    "lown LowCardinality(Nullable(String))");
            for (Block block : cursor) {
                LongColumn maybe = (LongColumn) block.column("maybe");
                ArrayColumn list = (ArrayColumn) block.column("list");
                long[] elements = ((LongColumn) list.elements()).values();
                ArrayColumn names = (ArrayColumn) block.column("names");
                TupleColumn pair = (TupleColumn) block.column("pair");
                Object[] low = ((ObjectColumn) block.column("low")).values();
                ObjectColumn lown = (ObjectColumn) block.column("lown");
                for (int i = 0; i < block.rows(); i++, row++) {
                    assertThat(maybe.isNull(i)).isEqualTo(row % 3 == 0);
                    if (row % 3 != 0) {
                        assertThat(maybe.get(i)).isEqualTo(row);
                    }
                    assertThat(list.length(i)).isEqualTo((int) (row % 4));
                    for (int e = 0; e < list.length(i); e++) {
                        assertThat(elements[list.offsets()[i] + e]).isEqualTo(e);
                    }
                    assertThat(names.value(i)).containsExactly("a", null);
                    assertThat(((LongColumn) pair.element(0)).get(i)).isEqualTo(row);
                    assertThat(pair.value(i)).containsExactly(java.math.BigInteger.valueOf(row), Long.toString(row));
                    assertThat(low[i]).isEqualTo(Long.toString(row % 5));
                    assertThat(lown.get(i)).isEqualTo(row % 2 == 0 ? null : Long.toString(row));
                    assertThat(lown.isNull(i)).isEqualTo(row % 2 == 0);
                }
            }
        }
        assertThat(row).isEqualTo(3000);
    }

    @Test
    void columnsAreKnownForAnEmptyResultToo() {
        try (BlockCursor cursor = client.query("SELECT toUInt8(number) AS small, toString(number) AS text "
                + "FROM system.numbers LIMIT 0").fetchBlocks()) {
            assertThat(cursor.hasNext()).isFalse();
            assertThat(described(cursor.columns())).containsExactly("small UInt8", "text String");
        }
    }

    @Test
    void closingEarlyReleasesTheConnection() {
        String url = engine.url();
        if (engine.isHttp()) {
            url += (url.contains("?") ? "&" : "?") + "max_connections=1&max_connections_per_route=1&connect_timeout=2s";
        }
        try (ClickHouseClient one = ClickHouseClient.fromUrl(url)) {
            for (int i = 0; i < 3; i++) {
                try (BlockCursor cursor = one.query("SELECT number FROM system.numbers LIMIT 100000000")
                        .setting("max_block_size", 1000).fetchBlocks()) {
                    assertThat(((LongColumn) cursor.next().column(0)).values()[999]).isEqualTo(999);
                }
                // with one pooled connection, this waits forever (then times out) unless the cursor gave it back
                assertThat(one.query("SELECT ?").bind(i).fetchOne(Integer.class)).isEqualTo(i);
            }
        }
    }

    @Test
    void anErrorAfterStreamedBlocksIsThrownFromTheCursor() {
        String id = "it-blocks-" + UUID.randomUUID();
        long[] rows = {0};
        ClickHouseServerException e = serverError(395, () -> {
            try (BlockCursor cursor = client.query("SELECT number, throwIf(number = 3000000) AS t "
                    + "FROM system.numbers").queryId(id).fetchBlocks()) {
                for (Block block : cursor) {
                    long[] n = ((LongColumn) block.column(0)).values();
                    assertThat(n[0]).isEqualTo(rows[0]);
                    assertThat(((ShortColumn) block.column("t")).values()).containsOnly((short) 0);
                    rows[0] += block.rows();
                }
            }
        });
        assertThat(e.getMessage()).contains("throwIf");
        assertThat(rows[0]).isLessThan(3_000_000);
        assertThat(client.query("SELECT 1").fetchOne(Integer.class)).isEqualTo(1);
    }

    @Test
    void aTypeBlocksDoNotReadIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> client.query("SELECT number AS n, sumState(number) AS s FROM numbers(3) GROUP BY n")
                .fetchBlocks()).isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("column 's'")
                .hasMessageContaining("AggregateFunction");
        assertThat(client.query("SELECT 1").fetchOne(Integer.class)).isEqualTo(1);
    }

    @Test
    void aPreparedQueryStreamsBlocks() {
        PreparedQuery<Object[]> prepared = client.prepare(
                "SELECT number AS n FROM numbers(100) WHERE number < :k", Object[].class);
        for (int k : new int[] {5, 50}) {
            try (BlockCursor cursor = prepared.bind("k", k).fetchBlocks()) {
                long[] all = cursor.stream().flatMapToLong(b -> java.util.Arrays.stream(((LongColumn) b.column("n"))
                        .values())).toArray();
                assertThat(all).hasSize(k).startsWith(0L, 1L).endsWith(k - 1L);
            }
        }
    }
}
