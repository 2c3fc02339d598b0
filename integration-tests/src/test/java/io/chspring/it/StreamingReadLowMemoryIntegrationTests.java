package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.RowCursor;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Ten million rows read into records through a cursor in a JVM with a 64 MiB heap (the {@code low-memory} surefire
 * execution of this module): the cursor must stream, never hold the result.
 */
@ClickHouseIntegrationTest
class StreamingReadLowMemoryIntegrationTests {

    private static final long ROWS = 10_000_000;

    record Measurement(long id, int bucket, double value, String label) {
    }

    @Test
    void tenMillionRowsInConstantMemory(ClickHouseTestDatabase db) {
        // -Dtest=... also selects this class in the default execution, whose heap is not limited: skip it there
        assumeTrue(Boolean.getBoolean("chspring.lowMemoryExecution"), "runs in the low-memory surefire execution");
        assertThat(Runtime.getRuntime().maxMemory()).as("the low-memory execution sets -Xmx64m")
                .isLessThan(100L << 20);
        long count = 0;
        long idSum = 0;
        double valueSum = 0;
        long labelBytes = 0;
        try (ClickHouseClient client = ClickHouseClient.fromUrl(db.url());
                RowCursor<Measurement> cursor = client.query("SELECT number AS id, toInt32(number % 1000) AS bucket, "
                        + "number / 4 AS value, toString(number) AS label FROM system.numbers LIMIT ?").bind(ROWS)
                        .fetch(Measurement.class)) {
            for (Measurement m : cursor) {
                count++;
                idSum += m.id();
                valueSum += m.value();
                labelBytes += m.label().length();
                if (m.bucket() != m.id() % 1000) {
                    throw new AssertionError("row " + m.id() + " has bucket " + m.bucket());
                }
            }
        }
        assertThat(count).isEqualTo(ROWS);
        assertThat(idSum).isEqualTo(ROWS * (ROWS - 1) / 2);
        assertThat(valueSum).isEqualTo(ROWS * (ROWS - 1) / 8.0);
        assertThat(labelBytes).isEqualTo(68_888_890L);
    }
}
