package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.QueryResponse;
import io.chspring.client.sql.Identifier;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values bound to {@code ?} are rendered client-side as SQL literals: for nasty strings and bytes the server must
 * read back exactly the bytes bound (RowBinary String: varint length + bytes), and nothing bound may change the
 * statement. tools/sql-literal-check ran the full corpus by hand; this is its standing subset.
 */
@ClickHouseIntegrationTest
class SqlLiteralRoundTripIntegrationTests {

    @BeforeAll
    static void canary(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE canary (x UInt8) ENGINE = Memory");
        db.query("INSERT INTO canary VALUES (1)");
    }

    static List<String> nastyStrings() {
        List<String> corpus = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (char c = 0; c <= 0xFF; c++) {
            corpus.add(String.valueOf(c));
            corpus.add("a" + c + "b" + c + c);
            all.append(c);
        }
        corpus.add(all.toString());
        corpus.addAll(List.of("", "'", "''", "\\", "\\\\", "\\'", "'\\", "end\\", "\\x41", "\\0", "\\n", "\\z", "\0\0",
                "' OR 1=1 --", "' OR '1'='1", "'; DROP TABLE canary; --", "\\'; DROP TABLE canary; --", "x' --",
                "*/ 1 /*", "-- c", "# c", "?", "??", "?fields", ":name", "{x:UInt8}", "$$", "`", "\"", "`; DROP TABLE canary",
                "tab\tnl\ncr\rff\fbs\b", "\u2028\u2029", "h\u00e9llo \u4e2d\u6587 \u0440\u0443\u0441",
                "\ud83d\ude00\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "\ufeff\ufffd\uffff", "\udbff\udfff"));
        Random random = new Random(20_261_121L);
        String special = "\\'\"`\n\0?:-/*#";
        for (int i = 0; i < 100; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(40);
            for (int j = 0; j < n; j++) {
                s.appendCodePoint(switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> special.charAt(random.nextInt(special.length()));
                    case 2 -> random.nextInt(0xD800);
                    default -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
                });
            }
            corpus.add(s.toString());
        }
        return corpus;
    }

    private static byte[] selectBound(ClickHouseClient client, String sql, Object value) throws IOException {
        try (QueryResponse response = client.query(sql).bind(value).fetchBytes("RowBinary")) {
            return response.readAllBytes();
        }
    }

    @Test
    void everyNastyStringComesBackByteForByte(ClickHouseTestDatabase db) throws IOException {
        List<String> corpus = nastyStrings();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (ClickHouseClient client = ItSupport.client(db)) {
            for (String s : corpus) {
                byte[] expected = ItSupport.rowBinaryString(s.getBytes(StandardCharsets.UTF_8));
                assertThat(selectBound(client, "SELECT ?", s)).as("SELECT ? bound to %s", HexFormat.of()
                        .formatHex(s.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
                all.writeBytes(expected);
            }
            assertThat(selectBound(client, "SELECT arrayJoin(?)", corpus)).isEqualTo(all.toByteArray());
        }
        assertThat(corpus).hasSizeGreaterThan(600);
        assertThat(db.query("SELECT count() FROM canary")).isEqualTo("1\n");
    }

    @Test
    void everyByteComesBackExactly(ClickHouseTestDatabase db) throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        byte[] everyByte = new byte[256];
        for (int b = 0; b < 256; b++) {
            corpus.add(new byte[] {(byte) b});
            corpus.add(new byte[] {'x', (byte) b, (byte) b, '\\'});
            everyByte[b] = (byte) b;
        }
        corpus.add(everyByte);
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            corpus.add(bytes);
        }
        try (ClickHouseClient client = ItSupport.client(db)) {
            for (byte[] bytes : corpus) {
                assertThat(selectBound(client, "SELECT ?", bytes)).as("SELECT ? bound to bytes %s",
                        HexFormat.of().formatHex(bytes)).isEqualTo(ItSupport.rowBinaryString(bytes));
            }
        }
    }

    @Test
    void nastyColumnNamesWorkAsIdentifiers(ClickHouseTestDatabase db) throws IOException {
        List<String> names = List.of("a`b", "a\\b", "`", "\\", "'", "\"", "a.b", "sp ace", "nl\nx", "tab\t",
                "\u00e9\u4e2d\ud83d\ude00", "x` UInt8, y", "end\\", "?", ":n", "-- c", "\u007f\u0001", "select");
        try (ClickHouseClient client = ItSupport.client(db)) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Identifier table = Identifier.of("ident_" + i);
                client.execute("CREATE TABLE ? (? UInt8) ENGINE = Memory", table, Identifier.of(name));
                int value = i;
                client.insert(table).columns(name).format("RowBinary").send(out -> out.write(value));
                assertThat(selectBound(client, "SELECT name FROM system.columns WHERE database = currentDatabase() "
                        + "AND table = ?", "ident_" + i))
                        .as("the column named %s", name)
                        .isEqualTo(ItSupport.rowBinaryString(name.getBytes(StandardCharsets.UTF_8)));
                assertThat(client.query("SELECT ? FROM ?").bind(Identifier.of(name), table).fetchString("TabSeparated"))
                        .isEqualTo(i + "\n");
            }
        }
        assertThat(db.query("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name LIKE 'ident\\\\_%'"))
                .isEqualTo(names.size() + "\n");
    }
}
