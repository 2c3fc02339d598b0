package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.block.Block;
import io.chspring.client.block.LongColumn;
import io.chspring.client.block.ObjectColumn;
import io.chspring.client.query.BlockCursor;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Column blocks with LZ4 response compression ({@code compress=1}) on the 18.16 HTTP server. That build answers an
 * empty body for compressed results of 1 MiB or less (quirk 1), so the result here is ~6 MB: the Native stream is
 * decompressed frame by frame under the block reader, as under RowBinary.
 */
@ClickHouseIntegrationTest
class BlockCursorCompressionIntegrationTests {

    @Test
    void blocksReadThroughLz4Frames(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ClickHouseClient.builder().url(db.url()).forceResponseCompression(true)
                .build()) {
            long row = 0;
            try (BlockCursor cursor = client.query("SELECT number AS n, toString(number * 7) AS s "
                    + "FROM system.numbers LIMIT 400000").fetchBlocks()) {
                for (Block block : cursor) {
                    long[] n = ((LongColumn) block.column("n")).values();
                    Object[] s = ((ObjectColumn) block.column("s")).values();
                    for (int i = 0; i < block.rows(); i++, row++) {
                        assertThat(n[i]).isEqualTo(row);
                        assertThat(s[i]).isEqualTo(Long.toString(row * 7));
                    }
                }
            }
            assertThat(row).isEqualTo(400_000);
        }
    }
}
