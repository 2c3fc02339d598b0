package io.chspring.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * ArrowStream reads on the embedded ClickHouse 26.5 (no server on these machines has the format: 18.16 predates it;
 * see {@link ArrowServerVersionIntegrationTests}). Values are written by hand in SQL and checked against literals:
 * numbers, strings, Nullable, arrays, dates and times, LowCardinality; batches per block; one batch in memory at a
 * time; the caller's allocator; early close; an error during the query.
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
@TestMethodOrder(MethodOrderer.MethodName.class)
class ArrowQueryIntegrationTests {

    private static ClickHouseClient client;
    private static ClickHouseArrow arrow;

    @Parameter
    EngineTarget engine;

    private BufferAllocator allocator;

    @BeforeParameterizedClassInvocation
    static void connect(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        arrow = ClickHouseArrow.of(client);
        engine.query("CREATE TABLE typed (id UInt8, big Int64, ratio Float64, name String, score Nullable(Int32),"
                + " tags Array(String), day Date, at DateTime('UTC'), at_ms DateTime64(3, 'UTC'),"
                + " kind LowCardinality(String), maybe LowCardinality(Nullable(String)), total UInt64)"
                + " ENGINE = MergeTree ORDER BY id");
        engine.query("INSERT INTO typed VALUES"
                + " (1, -9000000000, 0.25, 'ä€😀', 7, ['a', 'b'], '2024-02-29', '2024-02-29 23:59:58',"
                + " '1999-12-31 23:59:59.125', 'click', 'x', 18446744073709551615),"
                + " (2, 9000000000, -1.5, '', NULL, [], '1970-01-01', '1970-01-01 00:00:00',"
                + " '2105-12-31 00:00:00.001', 'view', NULL, 0)");
    }

    @AfterParameterizedClassInvocation
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void allocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void noLeaks() {
        // RootAllocator.close() throws IllegalStateException naming what is still allocated
        allocator.close();
    }

    @Test
    void readsEachColumnTypeIntoItsVector() throws Exception {
        try (ArrowQueryReader reader = arrow.query("SELECT * FROM typed ORDER BY id").fetch(allocator)) {
            assertThat(reader.loadNextBatch()).isTrue();
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            assertThat(batch.getRowCount()).isEqualTo(2);

            UInt1Vector id = (UInt1Vector) batch.getVector("id");
            assertThat(id.get(0)).isEqualTo((byte) 1);
            BigIntVector big = (BigIntVector) batch.getVector("big");
            assertThat(big.get(0)).isEqualTo(-9_000_000_000L);
            assertThat(big.get(1)).isEqualTo(9_000_000_000L);
            Float8Vector ratio = (Float8Vector) batch.getVector("ratio");
            assertThat(ratio.get(0)).isEqualTo(0.25);
            assertThat(ratio.get(1)).isEqualTo(-1.5);

            VarCharVector name = (VarCharVector) batch.getVector("name");
            assertThat(name.getObject(0).toString()).isEqualTo("ä€😀");
            assertThat(name.getObject(1).toString()).isEmpty();
            assertThat(name.isNull(1)).isFalse();

            IntVector score = (IntVector) batch.getVector("score");
            assertThat(score.getField().isNullable()).isTrue();
            assertThat(score.get(0)).isEqualTo(7);
            assertThat(score.isNull(1)).isTrue();

            ListVector tags = (ListVector) batch.getVector("tags");
            assertThat(tags.getObject(0)).hasToString("[\"a\",\"b\"]");
            assertThat(tags.getObject(1)).isEmpty();

            // Date is days since 1970-01-01; DateTime goes out as UInt32 seconds (ClickHouse's Arrow mapping);
            // DateTime64(3, 'UTC') as a millisecond timestamp carrying its zone.
            DateDayVector day = (DateDayVector) batch.getVector("day");
            assertThat(day.get(0)).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
            assertThat(day.get(1)).isZero();
            UInt4Vector at = (UInt4Vector) batch.getVector("at");
            assertThat(Integer.toUnsignedLong(at.get(0)))
                    .isEqualTo(Instant.parse("2024-02-29T23:59:58Z").getEpochSecond());
            assertThat(at.get(1)).isZero();
            TimeStampMilliTZVector atMs = (TimeStampMilliTZVector) batch.getVector("at_ms");
            assertThat(((ArrowType.Timestamp) atMs.getField().getType()).getTimezone()).isEqualTo("UTC");
            assertThat(atMs.get(0)).isEqualTo(Instant.parse("1999-12-31T23:59:59.125Z").toEpochMilli());
            assertThat(atMs.get(1)).isEqualTo(Instant.parse("2105-12-31T00:00:00.001Z").toEpochMilli());

            // LowCardinality is sent as its plain values unless output_format_arrow_low_cardinality_as_dictionary
            VarCharVector kind = (VarCharVector) batch.getVector("kind");
            assertThat(kind.getObject(0).toString()).isEqualTo("click");
            assertThat(kind.getObject(1).toString()).isEqualTo("view");
            VarCharVector maybe = (VarCharVector) batch.getVector("maybe");
            assertThat(maybe.getObject(0).toString()).isEqualTo("x");
            assertThat(maybe.isNull(1)).isTrue();

            UInt8Vector total = (UInt8Vector) batch.getVector("total");
            assertThat(total.get(0)).isEqualTo(-1L); // 2^64 - 1: the unsigned bits in a long
            assertThat(UInt8Vector.getNoOverflow(total.getDataBuffer(), 0)).hasToString("18446744073709551615");

            assertThat(reader.loadNextBatch()).isFalse();
        }
    }

    @Test
    void lowCardinalityAsArrowDictionaryWhenAsked() throws Exception {
        try (ArrowQueryReader reader = arrow.query("SELECT kind FROM typed ORDER BY id")
                .setting("output_format_arrow_low_cardinality_as_dictionary", 1).fetch(allocator)) {
            assertThat(reader.loadNextBatch()).isTrue();
            var encoding = reader.getVectorSchemaRoot().getSchema().findField("kind").getDictionary();
            assertThat(encoding).isNotNull();
            VarCharVector dictionary = (VarCharVector) reader.lookup(encoding.getId()).getVector();
            IntVector indices = (IntVector) reader.getVectorSchemaRoot().getVector("kind");
            List<String> decoded = new ArrayList<>();
            for (int i = 0; i < indices.getValueCount(); i++) {
                decoded.add(dictionary.getObject(indices.get(i)).toString());
            }
            assertThat(decoded).containsExactly("click", "view");
        }
    }

    @Test
    void streamsOneBatchPerBlockWithOneBatchInMemory() throws Exception {
        long rows = 0;
        long sum = 0;
        int batches = 0;
        try (BufferAllocator child = allocator.newChildAllocator("read", 0, Long.MAX_VALUE);
             ArrowQueryReader reader = arrow.query("SELECT number FROM system.numbers LIMIT ?").bind(500_000)
                     .setting("max_block_size", 5_000).fetch(child)) {
            while (reader.loadNextBatch()) {
                UInt8Vector number = (UInt8Vector) reader.getVectorSchemaRoot().getVector("number");
                for (int i = 0; i < number.getValueCount(); i++) {
                    assertThat(number.get(i)).isEqualTo(rows + i);
                    sum += number.get(i);
                }
                rows += number.getValueCount();
                batches++;
            }
            // 4 MB of UInt64 came through; one 5,000-row batch is 40 KB (plus the message it is read from)
            assertThat(child.getPeakMemoryAllocation()).isLessThan(512 << 10);
        }
        assertThat(rows).isEqualTo(500_000);
        assertThat(sum).isEqualTo(124_999_750_000L);
        assertThat(batches).isEqualTo(100);
    }

    @Test
    void anEmptyResultHasItsSchemaAndNoBatch() throws Exception {
        try (ArrowQueryReader reader = arrow.query("SELECT id, name FROM typed WHERE id > 100").fetch(allocator)) {
            assertThat(reader.getVectorSchemaRoot().getSchema().getFields())
                    .extracting(f -> f.getName()).containsExactly("id", "name");
            assertThat(reader.loadNextBatch()).isFalse();
        }
    }

    @Test
    void closingEarlyFreesTheBatchAndTheClientGoesOn() throws Exception {
        long started = System.nanoTime();
        try (ArrowQueryReader reader = arrow.query("SELECT number FROM numbers(200000)")
                .setting("max_block_size", 1000).fetch(allocator)) {
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(reader.getVectorSchemaRoot().getRowCount()).isEqualTo(1000);
            assertThat(allocator.getAllocatedMemory()).isPositive();
        }
        assertThat(allocator.getAllocatedMemory()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(client.query("SELECT 1").fetchOne(Integer.class)).isEqualTo(1);
    }

    @Test
    void theCallersAllocatorLimitsTheBatch() {
        try (BufferAllocator small = allocator.newChildAllocator("small", 0, 4096)) {
            assertThatThrownBy(() -> {
                try (ArrowQueryReader reader = arrow.query("SELECT number FROM numbers(100000)")
                        .setting("max_block_size", 100000).fetch(small)) {
                    reader.loadNextBatch();
                }
            }).isInstanceOf(OutOfMemoryException.class);
            assertThat(small.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void aServerErrorDuringTheQueryIsTheClientsException() {
        assertThatThrownBy(() -> {
            try (ArrowQueryReader reader = arrow.query("SELECT throwIf(number = 5, 'stop here') FROM numbers(10)")
                    .fetch(allocator)) {
                while (reader.loadNextBatch()) {
                    assertThat(reader.getVectorSchemaRoot().getRowCount()).isPositive();
                }
            }
        }).isInstanceOf(ClickHouseServerException.class).hasMessageContaining("stop here");
    }

    @Test
    void bindsValuesAndReportsTheQueryId() throws Exception {
        try (ArrowQueryReader reader = arrow.query("SELECT ? AS x, ? AS y").bind(42, "it's").queryId("arrow-q-1")
                .fetch(allocator)) {
            assertThat(reader.queryId()).isEqualTo("arrow-q-1");
            assertThat(reader.loadNextBatch()).isTrue();
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            assertThat(batch.getVector("x").getObject(0)).isEqualTo((byte) 42);
            assertThat(batch.getVector("y").getObject(0)).hasToString("it's");
        }
    }
}
