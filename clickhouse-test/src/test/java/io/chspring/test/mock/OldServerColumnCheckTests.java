package io.chspring.test.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a repeated typed read checks the known columns on servers before 19.3, seen from the server's side: the caller's
 * SQL as written, in Native, whose header the client compares; the wrapper check when a header once differed from
 * DESCRIBE for unchanged columns; DESCRIBE for good when the wrapper is refused too. The mock is needed for those
 * fallbacks only (no query found on 18.16 does either for types the header check takes; NativeShapeCheckIntegrationTests
 * and ResultShapeCacheIntegrationTests cover the real server).
 */
class OldServerColumnCheckTests {

    record Event(long id, String name) {
    }

    private static final Event E1 = new Event(1, "a");
    private static final String SQL = "SELECT ?fields FROM events WHERE id = ?";
    private static final String CHECKED = "SELECT `id`, `name` FROM (\nSELECT `id`, `name` FROM events WHERE id = 3\n) "
            + "WHERE NOT throwIf(toTypeName(tuple(*)) != 'Tuple(Int64, Nullable(String))' "
            + "OR toTypeName(tuple(`id`, `name`)) != 'Tuple(Int64, Nullable(String))')"; // the mock maps String as nullable

    @Test
    void aRepeatedReadSendsTheCallersSqlInNativeInsteadOfDescribe() {
        try (MockClickHouseServer old = MockClickHouseServer.start("18.16.1");
                ClickHouseClient client = ClickHouseClient.fromUrl(old.url())) {
            old.add(Handlers.provide(Event.class, List.of(E1)));
            old.add(Handlers.provide(Event.class, List.of(E1)));
            old.add(Handlers.provide(Event.class, List.of()));

            assertThat(client.query(SQL).bind(1).fetchAll(Event.class)).containsExactly(E1);
            assertThat(client.query(SQL).bind(2).fetchAll(Event.class)).containsExactly(E1);
            assertThat(client.query(SQL).bind(3).fetchAll(Event.class)).isEmpty();

            assertThat(old.statements()).hasSize(5);
            assertThat(old.statements().get(1)).startsWith("DESCRIBE (SELECT `id`, `name` FROM events WHERE id = 1");
            assertThat(old.statements().get(3)).isEqualTo("SELECT `id`, `name` FROM events WHERE id = 2");
            assertThat(old.statements().get(4)).isEqualTo("SELECT `id`, `name` FROM events WHERE id = 3");
        }
    }

    @Test
    void aHeaderUnlikeDescribeMovesTheQueryToTheWrapperAndARefusedWrapperToDescribe() {
        try (MockClickHouseServer old = MockClickHouseServer.start("18.16.1");
                ClickHouseClient client = ClickHouseClient.fromUrl(old.url())) {
            old.add(Handlers.provide(Event.class, List.of(E1)));
            assertThat(client.query(SQL).bind(1).fetchAll(Event.class)).containsExactly(E1);

            old.add(Handlers.provideBytes(nativeBlockWithPlainString()));   // a header of another type text
            old.add(Handlers.provide(Event.class, List.of(E1)));         // DESCRIBE: the same columns; then the query
            assertThat(client.query(SQL).bind(2).fetchAll(Event.class)).containsExactly(E1);
            old.add(Handlers.provide(Event.class, List.of(E1)));         // the wrapper, answered
            assertThat(client.query(SQL).bind(3).fetchAll(Event.class)).containsExactly(E1);
            old.add(Handlers.exception(47, "Unknown identifier: id"));   // the wrapper, refused
            old.add(Handlers.provide(Event.class, List.of(E1)));         // DESCRIBE: the same columns; then the query
            assertThat(client.query(SQL).bind(4).fetchAll(Event.class)).containsExactly(E1);
            old.add(Handlers.provide(Event.class, List.of(E1)));
            assertThat(client.query(SQL).bind(5).fetchAll(Event.class)).containsExactly(E1);

            List<String> sent = old.statements();
            assertThat(sent).hasSize(12);
            assertThat(sent.get(3)).isEqualTo("SELECT `id`, `name` FROM events WHERE id = 2");
            assertThat(sent.get(4)).startsWith("DESCRIBE (SELECT `id`, `name` FROM events WHERE id = 2");
            assertThat(sent.get(6)).isEqualTo(CHECKED);
            assertThat(sent.get(7)).contains("WHERE id = 4\n) WHERE NOT throwIf(");
            assertThat(sent.get(8)).startsWith("DESCRIBE (SELECT `id`, `name` FROM events WHERE id = 4");
            assertThat(sent.get(10)).startsWith("DESCRIBE (SELECT `id`, `name` FROM events WHERE id = 5");
            assertThat(sent.get(11)).isEqualTo("SELECT `id`, `name` FROM events WHERE id = 5");
        }
    }

    /** One Native block of (1, 'a') whose second column says String where DESCRIBE says Nullable(String). */
    private static byte[] nativeBlockWithPlainString() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(2); // columns
        out.write(1); // rows
        text(out, "id");
        text(out, "Int64");
        out.writeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
        text(out, "name");
        text(out, "String");
        text(out, "a");
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
