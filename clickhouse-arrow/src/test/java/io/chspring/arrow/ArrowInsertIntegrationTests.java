package io.chspring.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.insert.InsertSummary;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * ArrowStream inserts on the embedded ClickHouse 26.5, read back with the client's plain typed rows (not with Arrow):
 * one batch built by hand, many batches from a producer, batches copied from a query's reader, a producer that fails,
 * and fields in another order than the table's columns.
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
class ArrowInsertIntegrationTests {

    private static ClickHouseClient client;
    private static ClickHouseArrow arrow;

    @Parameter
    EngineTarget engine;

    private BufferAllocator allocator;
    private String table;
    private static final AtomicLong TABLES = new AtomicLong();

    record Event(long id, String name, Integer score, List<String> tags, LocalDate day, String note) {
    }

    @BeforeParameterizedClassInvocation
    static void connect(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        arrow = ClickHouseArrow.of(client);
    }

    @AfterParameterizedClassInvocation
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        table = "events_" + TABLES.incrementAndGet();
        engine.query("CREATE TABLE " + table + " (id UInt64, name String, score Nullable(Int32), tags Array(String),"
                + " day Date, note String DEFAULT 'none') ENGINE = MergeTree ORDER BY id");
    }

    @AfterEach
    void tearDown() {
        allocator.close();
        engine.query("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void insertsOneBatchBuiltByHand() {
        ListVector tagList = ListVector.empty("tags", allocator);
        // the element type first: the root takes its schema from the vectors as they are now
        tagList.addOrGetVector(FieldType.notNullable(ArrowType.Utf8.INSTANCE));
        try (VectorSchemaRoot root = VectorSchemaRoot.of(
                new BigIntVector("id", allocator), new VarCharVector("name", allocator),
                new IntVector("score", allocator), tagList, new DateDayVector("day", allocator))) {
            BigIntVector id = (BigIntVector) root.getVector("id");
            VarCharVector name = (VarCharVector) root.getVector("name");
            IntVector score = (IntVector) root.getVector("score");
            ListVector tags = (ListVector) root.getVector("tags");
            DateDayVector day = (DateDayVector) root.getVector("day");
            root.allocateNew();
            id.set(0, 1);
            name.set(0, "ä€😀".getBytes(StandardCharsets.UTF_8));
            score.set(0, 7);
            day.set(0, 19782); // 2024-02-29
            id.set(1, 2);
            name.set(1, new byte[0]);
            score.setNull(1);
            day.set(1, 0);
            UnionListWriter writer = tags.getWriter();
            writer.setPosition(0);
            writer.startList();
            writeText(writer, "a");
            writeText(writer, "b");
            writer.endList();
            writer.setPosition(1);
            writer.startList();
            writer.endList();
            writer.setValueCount(2);
            root.setRowCount(2);

            InsertSummary summary = arrow.insert(table).send(root);
            assertThat(summary.queryId()).isNotBlank();
        }
        List<Event> rows = client.query("SELECT id, name, score, tags, day, note FROM " + table + " ORDER BY id")
                .fetchAll(Event.class);
        assertThat(rows).containsExactly(
                new Event(1, "ä€😀", 7, List.of("a", "b"), LocalDate.of(2024, 2, 29), "none"),
                new Event(2, "", null, List.of(), LocalDate.of(1970, 1, 1), "none"));
    }

    @Test
    void insertsManyBatchesFromAProducerInOneInsert() {
        long[] counted = new long[2];
        try (VectorSchemaRoot root = VectorSchemaRoot.of(new VarCharVector("name", allocator),
                new BigIntVector("id", allocator))) {
            BigIntVector id = (BigIntVector) root.getVector("id");
            VarCharVector name = (VarCharVector) root.getVector("name");
            arrow.insert(table).send(root, sink -> {
                for (int batch = 0; batch < 30; batch++) {
                    root.allocateNew();
                    for (int i = 0; i < 1000; i++) {
                        long value = batch * 1000L + i;
                        id.set(i, value);
                        name.setSafe(i, ("n" + value).getBytes(StandardCharsets.UTF_8));
                    }
                    root.setRowCount(1000);
                    sink.writeBatch();
                }
                counted[0] = sink.batches();
                counted[1] = sink.rows();
            });
        }
        assertThat(counted).containsExactly(30, 30_000);
        assertThat(client.query("SELECT count() FROM " + table).fetchOne(Long.class)).isEqualTo(30_000L);
        assertThat(client.query("SELECT sum(id) FROM " + table).fetchOne(Long.class)).isEqualTo(449_985_000L);
        assertThat(client.query("SELECT name FROM " + table + " WHERE id = 29999").fetchOne(String.class))
                .isEqualTo("n29999");
        assertThat(client.query("SELECT countIf(note = 'none') FROM " + table).fetchOne(Long.class))
                .isEqualTo(30_000L);
    }

    @Test
    void copiesTheBatchesOfAQueryReader() throws IOException {
        engine.query("INSERT INTO " + table + " (id, name, score, tags, day)"
                + " SELECT number, toString(number), if(number % 3 = 0, NULL, toInt32(number)), [toString(number)],"
                + " toDate('2024-01-01') + number % 10 FROM numbers(5000)");
        engine.query("CREATE TABLE " + table + "_copy AS " + table);
        try (ArrowQueryReader reader = arrow.query("SELECT id, name, score, tags, day FROM " + table)
                .setting("max_block_size", 1000).fetch(allocator)) {
            arrow.insert(table + "_copy").send(reader);
        }
        try {
            String digest = "SELECT count(), sum(id), sum(ifNull(score, -1)), sum(length(tags)), sum(toUInt32(day))"
                    + " FROM ";
            assertThat(client.query(digest + table + "_copy").fetchOne(Object[].class))
                    .containsExactly(client.query(digest + table).fetchOne(Object[].class));
            assertThat(client.query("SELECT count() FROM " + table + "_copy WHERE score IS NULL")
                    .fetchOne(Long.class)).isEqualTo(1667L);
        } finally {
            engine.query("DROP TABLE IF EXISTS " + table + "_copy");
        }
    }

    @Test
    void aFailingProducerAbortsTheInsert() {
        try (VectorSchemaRoot root = VectorSchemaRoot.of(new BigIntVector("id", allocator))) {
            BigIntVector id = (BigIntVector) root.getVector("id");
            assertThatThrownBy(() -> arrow.insert(table).send(root, sink -> {
                root.allocateNew();
                id.set(0, 1);
                root.setRowCount(1);
                sink.writeBatch();
                throw new IOException("the source broke");
            })).hasStackTraceContaining("the source broke");
        }
        // the embedded engine stores nothing of an abandoned insert (it writes the body to a file first)
        assertThat(client.query("SELECT count() FROM " + table).fetchOne(Long.class)).isZero();
    }

    @Test
    void refusesBatchesWithoutFields() {
        try (VectorSchemaRoot root = VectorSchemaRoot.of()) {
            assertThatThrownBy(() -> arrow.insert(table).send(root))
                    .isInstanceOf(ClickHouseConfigurationException.class)
                    .hasMessageContaining("no fields");
        }
    }

    @Test
    void aFieldTheTableLacksIsTheServersErrorNamingIt() {
        try (VectorSchemaRoot root = VectorSchemaRoot.of(new BigIntVector("id", allocator),
                new BigIntVector("no_such_column", allocator))) {
            root.allocateNew();
            root.setRowCount(0);
            assertThatThrownBy(() -> arrow.insert(table).send(root)).hasMessageContaining("no_such_column");
        }
    }

    private void writeText(UnionListWriter writer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (var buffer = allocator.buffer(bytes.length)) {
            buffer.setBytes(0, bytes);
            writer.varChar().writeVarChar(0, bytes.length, buffer);
        }
    }
}
