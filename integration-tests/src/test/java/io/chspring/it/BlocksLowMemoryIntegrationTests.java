package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.block.Block;
import io.chspring.client.block.DoubleColumn;
import io.chspring.client.block.IntColumn;
import io.chspring.client.block.LongColumn;
import io.chspring.client.block.ObjectColumn;
import io.chspring.client.query.BlockCursor;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Ten million rows read as column blocks in a JVM with a 64 MiB heap (the {@code low-memory} surefire execution of
 * this module): the block cursor must hold one block at a time, never the result.
 */
@ClickHouseIntegrationTest
class BlocksLowMemoryIntegrationTests {

    private static final long ROWS = 10_000_000;

    @Test
    void tenMillionRowsInBlocksInConstantMemory(ClickHouseTestDatabase db) {
        // -Dtest=... also selects this class in the default execution, whose heap is not limited: skip it there
        assumeTrue(Boolean.getBoolean("chspring.lowMemoryExecution"), "runs in the low-memory surefire execution");
        assertThat(Runtime.getRuntime().maxMemory()).as("the low-memory execution sets -Xmx64m")
                .isLessThan(100L << 20);
        long count = 0;
        long idSum = 0;
        double valueSum = 0;
        long labelBytes = 0;
        try (ClickHouseClient client = ClickHouseClient.fromUrl(db.url());
                BlockCursor cursor = client.query("SELECT number AS id, toInt32(number % 1000) AS bucket, "
                        + "number / 4 AS value, toString(number) AS label FROM system.numbers LIMIT ?").bind(ROWS)
                        .fetchBlocks()) {
            for (Block block : cursor) {
                long[] id = ((LongColumn) block.column("id")).values();
                int[] bucket = ((IntColumn) block.column("bucket")).values();
                double[] value = ((DoubleColumn) block.column("value")).values();
                Object[] label = ((ObjectColumn) block.column("label")).values();
                for (int i = 0; i < block.rows(); i++) {
                    if (id[i] != count || bucket[i] != id[i] % 1000) {
                        throw new AssertionError("row " + count + " has id " + id[i] + " and bucket " + bucket[i]);
                    }
                    count++;
                    idSum += id[i];
                    valueSum += value[i];
                    labelBytes += ((String) label[i]).length();
                }
            }
        }
        assertThat(count).isEqualTo(ROWS);
        assertThat(idSum).isEqualTo(ROWS * (ROWS - 1) / 2);
        assertThat(valueSum).isEqualTo(ROWS * (ROWS - 1) / 8.0);
        assertThat(labelBytes).isEqualTo(68_888_890L);
    }
}
