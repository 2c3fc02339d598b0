package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.QueryResponse;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A million rows (~90 MB of RowBinary) written and read through a JVM capped at 64 MiB (the surefire execution
 * {@code low-memory}): only a client that streams both ways can pass.
 */
@ClickHouseIntegrationTest
class StreamingLowMemoryIntegrationTests {

    private static final int ROWS = 1_000_000;
    private static final long MAX_HEAP = 64L << 20;

    @BeforeAll
    static void schema(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE big (id UInt64, s String) ENGINE = MergeTree ORDER BY id");
    }

    /** The row's string: 40 to 120 bytes (a one-byte length), different for every row. */
    private static byte[] payload(long id, byte[] scratch) {
        int length = 40 + (int) (id % 81);
        String digits = Long.toString(id * 2_654_435_761L);
        for (int i = 0; i < length; i++) {
            scratch[i] = (byte) digits.charAt(i % digits.length());
        }
        return scratch;
    }

    private static int length(long id) {
        return 40 + (int) (id % 81);
    }

    @Test
    void aMillionRowsStreamInAndOutOfASmallHeap(ClickHouseTestDatabase db) {
        assertThat(Runtime.getRuntime().maxMemory()).as("the low-memory surefire execution sets -Xmx64m")
                .isLessThanOrEqualTo(MAX_HEAP);
        CRC32 sent = new CRC32();
        long[] bytes = {0};
        try (ClickHouseClient client = ItSupport.client(db)) {
            client.insert("big").format("RowBinary").send(out -> {
                byte[] row = new byte[8 + 1 + 120];
                byte[] scratch = new byte[120];
                for (long id = 0; id < ROWS; id++) {
                    for (int b = 0; b < 8; b++) {
                        row[b] = (byte) (id >>> (8 * b));
                    }
                    int length = length(id);
                    row[8] = (byte) length; // <= 120: a one-byte varint
                    System.arraycopy(payload(id, scratch), 0, row, 9, length);
                    out.write(row, 0, 9 + length);
                    sent.update(row, 0, 9 + length);
                    bytes[0] += 9 + length;
                }
            });
            assertThat(bytes[0]).isGreaterThan(80_000_000L).isGreaterThan(MAX_HEAP);
            assertThat(db.query("SELECT count(), sum(id), sum(length(s)) FROM big")).isEqualTo(ROWS + "\t"
                    + (long) ROWS * (ROWS - 1) / 2 + "\t" + (bytes[0] - 9L * ROWS) + "\n");

            CRC32 received = new CRC32();
            long rows = 0;
            byte[] row = new byte[8 + 1 + 120];
            try (QueryResponse response = client.query("SELECT id, s FROM big ORDER BY id").fetchBytes("RowBinary")) {
                RowBinaryInput in = new RowBinaryInput(response, 65536);
                while (in.hasMore()) {
                    long id = in.readLong();
                    assertThat(id).isEqualTo(rows);
                    int length = in.readLength();
                    for (int b = 0; b < 8; b++) {
                        row[b] = (byte) (id >>> (8 * b));
                    }
                    row[8] = (byte) length;
                    in.readFully(row, 9, length);
                    received.update(row, 0, 9 + length);
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(ROWS);
            assertThat(received.getValue()).isEqualTo(sent.getValue());
        }
        assertThat(new String(payload(7, new byte[120]), 0, length(7), StandardCharsets.US_ASCII))
                .hasSize(47).startsWith("18581050327");
    }
}
