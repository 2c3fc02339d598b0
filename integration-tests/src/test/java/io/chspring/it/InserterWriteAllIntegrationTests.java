package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * {@link Inserter#writeAll} is all-or-nothing at the buffer (issue 20): a posted batch with a bad value in its second
 * row leaves none of its rows buffered, and the error names the row and the column; a good batch is stored whole.
 */
@ClickHouseEngines
class InserterWriteAllIntegrationTests {

    record Order(long id, String note) {
    }

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        client.execute("CREATE TABLE orders (id UInt64, note String) ENGINE = MergeTree ORDER BY id");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void aBadValueInRowTwoLeavesNothingBufferedAndAGoodBatchIsStoredWhole() {
        try (Inserter<Order> inserter = client.inserter("orders", Order.class).period(Duration.ofHours(1))
                .shutdownHook(false).build()) {
            Throwable thrown = catchThrowable(() -> inserter.writeAll(List.of(new Order(1, "fine"),
                    new Order(2, "lone \uD800 surrogate"), new Order(3, "fine too"))));
            assertThat(thrown).isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("row 2").hasMessageContaining("column 'note'")
                    .hasMessageContaining("nothing of this call was buffered");
            assertThat(inserter.stats().bufferedRows()).isZero();
            assertThat(inserter.stats().bufferedBytes()).isZero();

            inserter.writeAll(List.of(new Order(10, "a"), new Order(11, "b"), new Order(12, "c")));
            assertThat(inserter.flush().committedRows()).isEqualTo(3);
        }
        assertThat(engine.query("SELECT id, note FROM orders ORDER BY id").strip())
                .isEqualTo("10\ta\n11\tb\n12\tc");
    }
}
