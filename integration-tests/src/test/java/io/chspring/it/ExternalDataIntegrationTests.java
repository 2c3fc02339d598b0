package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.RequestEvent;
import io.chspring.client.query.ExternalTable;
import io.chspring.client.query.QueryResponse;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * External data against a real 18.16 server: tables sent with a query in a {@code multipart/form-data} body, used by
 * the SQL as {@code IN ext}, {@code IN (SELECT ... FROM ext)} and in a JOIN, with nothing created on the server. The
 * embedded engine has no external data: {@link ExternalDataEmbeddedIntegrationTests}.
 */
@ClickHouseEngines(EngineKind.HTTP)
class ExternalDataIntegrationTests {

    record User(long id, String name) {
    }

    record Wanted(long id, String note) {
    }

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        client.execute("CREATE TABLE users (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        client.execute("INSERT INTO users SELECT number, concat('user ', toString(number)) FROM system.numbers "
                + "LIMIT 1000");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void rowsOfEveryShapeFilterWithIn() {
        ExternalTable ids = ExternalTable.of("ids", "id UInt64")
                .rows(List.of(new Object[] {3L}, List.of(500L), Map.of("id", 999L), List.of(5000L)));
        List<User> users = client.query("SELECT ?fields FROM users WHERE id IN ids ORDER BY id")
                .externalTable(ids).fetchAll(User.class);
        assertThat(users).containsExactly(new User(3, "user 3"), new User(500, "user 500"), new User(999, "user 999"));
        // nothing was created on the server
        assertThat(client.query("SELECT count() FROM system.tables WHERE name = 'ids'").fetchOne(Long.class)).isZero();
    }

    @Test
    void aListenedClientStillSendsTheTablesAsMultipart() {
        // the listener counts the body through a wrapper: it must keep the multipart content type, or the server
        // reads the parts as a query body
        List<RequestEvent> events = new CopyOnWriteArrayList<>();
        try (ClickHouseClient listened = ClickHouseClient.builder().url(engine.url()).requestListener(events::add)
                .build()) {
            List<User> users = listened.query("SELECT ?fields FROM users WHERE id IN ids ORDER BY id")
                    .externalTable(ExternalTable.of("ids", "id UInt64").rows(List.of(List.of(7L), List.of(8L))))
                    .fetchAll(User.class);
            assertThat(users).containsExactly(new User(7, "user 7"), new User(8, "user 8"));
        }
        assertThat(events).last().satisfies(e -> {
            assertThat(e.failure()).isEmpty();
            // two UInt64 rows in RowBinary, plus the multipart framing around them
            assertThat(e.bytesSent()).isGreaterThan(16);
        });
    }

    @Test
    void recordsJoinWithTheirBytesIntact() {
        // binary-safe: RowBinary carries tabs, newlines, NUL and backslashes as they are
        List<Wanted> wanted = List.of(new Wanted(1, "tab\there"), new Wanted(2, "new\nline\n\n"),
                new Wanted(3, "nul\0 and \\ back"), new Wanted(4, "ü€😀"));
        String tsv = client.query("SELECT u.name, w.note FROM users AS u ALL INNER JOIN wanted AS w USING (id) "
                        + "ORDER BY id")
                .externalTable(ExternalTable.of("wanted", "id UInt64, note String").records(Wanted.class, wanted))
                .fetchString("TabSeparated");
        assertThat(tsv).isEqualTo("user 1\ttab\\there\nuser 2\tnew\\nline\\n\\n\nuser 3\tnul\\0 and \\\\ back\n"
                + "user 4\tü€😀\n");
    }

    @Test
    void severalTablesAndASubquery() {
        long count = client.query("SELECT count() FROM users WHERE id IN (SELECT id FROM a) AND id NOT IN (SELECT id FROM b)")
                .externalTable(ExternalTable.of("a", "id UInt64, weight Float64")
                        .rows(List.of(List.of(1L, 0.5), List.of(2L, 1.5), List.of(3L, 2.5))))
                .externalTable(ExternalTable.of("b", "id UInt64").rows(List.of(List.of(2L))))
                .fetchOne(Long.class);
        assertThat(count).isEqualTo(2);
    }

    @Test
    void aCallersStreamInItsOwnFormat() {
        byte[] tsv = "7\tseven\n8\teight\n".getBytes(StandardCharsets.UTF_8);
        AtomicInteger opened = new AtomicInteger();
        String out = client.query("SELECT id, label FROM t ORDER BY id")
                .externalTable(ExternalTable.of("t", "id UInt32, label String").data("TabSeparated", () -> {
                    opened.incrementAndGet();
                    return new ByteArrayInputStream(tsv);
                }))
                .fetchString("TabSeparated");
        assertThat(out).isEqualTo("7\tseven\n8\teight\n");
        assertThat(opened).hasValue(1);
        String csv = client.query("SELECT sum(id) FROM t")
                .externalTable(ExternalTable.of("t", "id UInt32, label String")
                        .data("CSV", new ByteArrayInputStream("1,\"a,b\"\n2,c\n".getBytes(StandardCharsets.UTF_8))))
                .fetchString("TabSeparated");
        assertThat(csv).isEqualTo("3\n");
    }

    /** A million rows made as they are sent, never held: the body is streamed (and checked first, as it is made). */
    @Test
    void aMillionRowsStream() {
        Iterable<Object[]> rows = () -> new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < 1_000_000;
            }

            @Override
            public Object[] next() {
                long id = next++;
                return new Object[] {id, "row " + id};
            }
        };
        String out = client.query("SELECT count(), sum(id), uniqExact(s) FROM big")
                .externalTable(ExternalTable.of("big", "id UInt64, s String").rows(rows))
                .fetchString("TabSeparated");
        assertThat(out).isEqualTo("1000000\t499999500000\t1000000\n");
    }

    @Test
    void aRowThatDoesNotFitFailsBeforeAnythingIsSent() throws Exception {
        String queryId = "it-external-bad-" + UUID.randomUUID();
        ExternalTable ids = ExternalTable.of("ids", "id UInt64, name String")
                .rows(List.of(List.of(1L, "ok"), List.of(2L, "ok"), List.of(3L)));
        assertThatThrownBy(() -> client.query("SELECT count() FROM users WHERE id IN (SELECT id FROM ids)")
                        .queryId(queryId).externalTable(ids).fetchOne(Long.class))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("external table 'ids', row 3")
                .hasMessageContaining("1 value");
        ExternalTable typed = ExternalTable.of("ids", "id UInt64, name String")
                .rows(List.of(List.of(1L, "ok"), List.of("two", "not a number")));
        assertThatThrownBy(() -> client.query("SELECT 1").externalTable(typed).execute())
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("external table 'ids', row 2")
                .hasMessageContaining("'id'");
        // the server never saw the first query: no query_log row under its id
        client.query("SELECT 1").setting("log_queries", 1).execute();
        engine.query("SYSTEM FLUSH LOGS");
        assertThat(engine.query("SELECT count() FROM system.query_log WHERE query_id = '" + queryId + "'").strip())
                .isEqualTo("0");
    }

    @Test
    void aBadStructureIsNamed() {
        assertThatThrownBy(() -> ExternalTable.of("ext", "id UInt64, name"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("external table 'ext' has a bad structure 'id UInt64, name'")
                .hasMessageContaining("column 2 'name' has no type");
        assertThatThrownBy(() -> ExternalTable.of("ext", "id UInt64, name Strin"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("column 'name' has type 'Strin'");
        assertThatThrownBy(() -> ExternalTable.of("my-ext", "id UInt64"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'my-ext'");
        assertThatThrownBy(() -> ExternalTable.of("ext", "id UInt64").records(Wanted.class, List.of()))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("external table 'ext'")
                .hasMessageContaining("note");
    }

    @Test
    void aStreamThatDoesNotParseIsTheServersError() {
        assertThatThrownBy(() -> client.query("SELECT count() FROM t")
                .externalTable(ExternalTable.of("t", "id UInt32").data("TabSeparated",
                        () -> new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8))))
                .fetchOne(Long.class))
                .isInstanceOf(ClickHouseServerException.class).hasMessageContaining("UInt32");
    }

    @Test
    void compressionIsNotAppliedToTheMultipartBody() throws Exception {
        // the client compresses request bodies (LZ4 by default); the multipart body must still go plain
        assertThat(client.compressesRequestBodies()).isTrue();
        try (QueryResponse r = client.query("SELECT sum(id) FROM ext")
                .externalTable(ExternalTable.of("ext", "id UInt64").rows(List.of(List.of(40L), List.of(2L))))
                .fetchBytes("TabSeparated")) {
            assertThat(new String(r.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("42\n");
        }
    }
}
