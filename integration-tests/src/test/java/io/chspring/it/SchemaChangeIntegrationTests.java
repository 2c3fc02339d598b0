package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A column altered after its table's schema was cached (issue 14, defect 1: {@code b UInt32} to {@code UInt64}) must
 * never let rows encoded for the old type be stored as garbage ({@code 1 4294967297 2} before the fix). On 18.16 the
 * client reads the schema again before an insert and before each inserter batch, so an {@code Insert} stores the right
 * values and an inserter built before the ALTER fails its batch naming the column; on 26.5 the rows carry a
 * {@code RowBinaryWithNamesAndTypes} header that the server checks, so the stale insert is refused, the cache is
 * dropped and the next insert is right.
 */
@ClickHouseEngines
class SchemaChangeIntegrationTests {

    record Two(long a, long b, long c) {
    }

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

    @Test
    void anInsertAfterTheColumnTypeChangedStoresNoGarbage() {
        client.execute("CREATE TABLE alter_insert (a UInt32, b UInt32, c UInt32) ENGINE = MergeTree ORDER BY a");
        insertRows("alter_insert", 0); // the schema is cached now
        client.execute("TRUNCATE TABLE alter_insert");
        client.execute("ALTER TABLE alter_insert MODIFY COLUMN b UInt64");

        Throwable first = catchThrowable(() -> insertRows("alter_insert", 4));
        if (engine.isHttp()) {
            assertThat(first).as("18.16 reads the schema again before each insert").isNull();
        } else {
            assertThat(first).as("26.5 checks the header and refuses the stale rows")
                    .isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("INSERT into alter_insert was refused")
                    .hasMessageContaining("b UInt32");
            assertThat(rows("alter_insert")).as("nothing of the refused insert is stored").isEmpty();
            insertRows("alter_insert", 4); // the cache was dropped: this one is encoded for UInt64
        }
        assertThat(rows("alter_insert")).containsExactly("1\t1\t1", "2\t2\t2", "3\t3\t3", "4\t4\t4");
        assertThat(engine.query("SELECT toTypeName(b) FROM alter_insert LIMIT 1").strip()).isEqualTo("UInt64");
    }

    @Test
    void anInserterBuiltBeforeTheChangeFailsItsBatchClearlyAndStoresNothing() {
        client.execute("CREATE TABLE alter_inserter (a UInt32, b UInt32, c UInt32) ENGINE = MergeTree ORDER BY a");
        List<ClickHouseException> failures = new CopyOnWriteArrayList<>();
        List<Long> failedRows = new CopyOnWriteArrayList<>();
        try (Inserter<Two> inserter = client.inserter("alter_inserter", Two.class).period(Duration.ofHours(1))
                .retryBudget(Duration.ZERO).shutdownHook(false)
                .failureHandler((batch, error) -> {
                    failures.add(error);
                    failedRows.add(batch.rows());
                }).build()) {
            client.execute("ALTER TABLE alter_inserter MODIFY COLUMN b UInt64");
            for (long i = 1; i <= 4; i++) {
                inserter.write(new Two(i, i, i));
            }
            Throwable flush = catchThrowable(inserter::flush);
            assertThat(flush).isInstanceOf(ClickHouseException.class);
            assertThat(inserter.stats().committedRows()).isZero();
        }
        assertThat(failedRows).containsExactly(4L);
        assertThat(failures.get(0)).isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("batch");
        assertThat(failures.get(0).isRetryable()).isFalse();
        if (engine.isHttp()) {
            assertThat(failures.get(0)).hasMessageContaining("column 'b' is UInt64 now, the rows were encoded for UInt32")
                    .hasMessageContaining("nothing was sent");
        } else {
            assertThat(failures.get(0)).hasMessageContaining("nothing of it stored").hasMessageContaining("UInt32");
        }
        assertThat(rows("alter_inserter")).as("no garbage").isEmpty();

        // An inserter built now reads the current schema and stores the right values
        try (Inserter<Two> fresh = client.inserter("alter_inserter", Two.class).shutdownHook(false).build()) {
            for (long i = 1; i <= 4; i++) {
                fresh.write(new Two(i, i, i));
            }
            assertThat(fresh.flush().committedRows()).isEqualTo(4);
        }
        assertThat(rows("alter_inserter")).containsExactly("1\t1\t1", "2\t2\t2", "3\t3\t3", "4\t4\t4");
    }

    private static void insertRows(String table, int count) {
        try (Insert<Two> insert = client.insert(table, Two.class)) {
            for (long i = count == 0 ? 0 : 1; i <= count; i++) {
                insert.write(new Two(i, i, i));
            }
            insert.end();
        }
    }

    private List<String> rows(String table) {
        String text = engine.query("SELECT a, b, c FROM " + table + " ORDER BY a").strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
