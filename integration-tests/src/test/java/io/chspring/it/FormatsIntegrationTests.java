package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.QueryResponse;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fetchBytes} hands out exactly the server's bytes, whatever the format. Expected bytes are those recorded
 * with curl against 18.16 in shared/clickhouse/MATRIX.md (sections Formats, Types, INSERT).
 */
@ClickHouseIntegrationTest
class FormatsIntegrationTests {

    private static final String MIXED = "SELECT toUInt32(7), 'abc', toNullable(toInt8(-1)), [1,2]";

    @BeforeAll
    static void schema(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE mixed (u UInt32, s String, f Float64, d Date, n Nullable(Int32), a Array(UInt16)) "
                + "ENGINE = Memory");
    }

    private static byte[] fetch(ClickHouseClient client, String sql, String format, String contentType)
            throws IOException {
        try (QueryResponse response = client.query(sql).fetchBytes(format)) {
            assertThat(response.header("Content-Type")).hasValue(contentType);
            return response.readAllBytes();
        }
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void rowBinary(ClickHouseTestDatabase db) throws IOException {
        try (ClickHouseClient client = ItSupport.client(db)) {
            assertThat(fetch(client, MIXED, "RowBinary", "application/octet-stream"))
                    .isEqualTo(hex("07000000 03616263 00ff 020102"));
            assertThat(fetch(client, "SELECT toDate('2024-02-29'), toDateTime('2024-02-29 12:34:56', 'UTC'), "
                    + "toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0'), toDecimal128('1234567890.0123456789', 10)",
                    "RowBinary", "application/octet-stream"))
                    .isEqualTo(hex("464d f079e065 e711b35c04c4f061a0dbd36a00a67b90 15d5e4a88ca954ab0000000000000000"));
        }
    }

    @Test
    void jsonEachRowQuotes64BitIntegers(ClickHouseTestDatabase db) throws IOException {
        try (ClickHouseClient client = ItSupport.client(db)) {
            assertThat(new String(fetch(client, "SELECT toUInt64(1) AS u, toInt64(-1) AS i", "JSONEachRow",
                    "text/plain; charset=UTF-8"), StandardCharsets.UTF_8)).isEqualTo("{\"u\":\"1\",\"i\":\"-1\"}\n");
        }
    }

    @Test
    void rowBinaryInsertReadBackAsTabSeparated(ClickHouseTestDatabase db) throws IOException {
        try (ClickHouseClient client = ItSupport.client(db)) {
            byte[] rows = hex("64000000 03 62696e 000000000000f03f 0100 01 02 01000200"
                    + "65000000 00 0000000000000000 0000 00 07000000 00");
            client.insert("mixed").format("RowBinary").send(out -> out.write(rows));
            assertThat(new String(fetch(client, "SELECT * FROM mixed ORDER BY u", "TabSeparated",
                    "text/tab-separated-values; charset=UTF-8"), StandardCharsets.UTF_8))
                    .isEqualTo("100\tbin\t1\t1970-01-02\t\\N\t[1,2]\n101\t\t0\t0000-00-00\t7\t[]\n");
            assertThat(fetch(client, "SELECT * FROM mixed ORDER BY u", "RowBinary", "application/octet-stream"))
                    .isEqualTo(rows);
        }
    }
}
