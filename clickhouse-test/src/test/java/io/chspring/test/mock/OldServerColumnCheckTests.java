package io.chspring.test.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The column check a repeated typed read sends to servers before 19.3 instead of DESCRIBE, seen from the server's side.
 * The mock is needed for one case only: a server that refuses the check while DESCRIBE keeps giving the same columns
 * (no query found on 18.16 does that; ResultShapeCacheIntegrationTests covers the real server).
 */
class OldServerColumnCheckTests {

    record Event(long id, String name) {
    }

    private static final Event E1 = new Event(1, "a");
    private static final String SQL = "SELECT ?fields FROM events WHERE id = ?";
    private static final String CHECKED = "SELECT `id`, `name` FROM (\nSELECT `id`, `name` FROM events WHERE id = 2\n) "
            + "WHERE NOT throwIf(toTypeName(tuple(*)) != 'Tuple(Int64, Nullable(String))' "
            + "OR toTypeName(tuple(`id`, `name`)) != 'Tuple(Int64, Nullable(String))')"; // the mock maps String as nullable

    @Test
    void aRepeatedReadSendsTheKnownColumnsForTheServerToCheckInsteadOfDescribe() {
        try (MockClickHouseServer old = MockClickHouseServer.start("18.16.1");
                ClickHouseClient client = ClickHouseClient.fromUrl(old.url())) {
            old.add(Handlers.provide(Event.class, List.of(E1)));
            old.add(Handlers.provide(Event.class, List.of(E1)));

            assertThat(client.query(SQL).bind(1).fetchAll(Event.class)).containsExactly(E1);
            assertThat(client.query(SQL).bind(2).fetchAll(Event.class)).containsExactly(E1);

            assertThat(old.statements()).hasSize(4);
            assertThat(old.statements().get(1)).startsWith("DESCRIBE (SELECT `id`, `name` FROM events WHERE id = 1");
            assertThat(old.statements().get(3)).isEqualTo(CHECKED);
        }
    }

    @Test
    void aCheckRefusedForUnchangedColumnsIsNotSentAgainForThatQuery() {
        try (MockClickHouseServer old = MockClickHouseServer.start("18.16.1");
                ClickHouseClient client = ClickHouseClient.fromUrl(old.url())) {
            old.add(Handlers.provide(Event.class, List.of(E1)));
            assertThat(client.query(SQL).bind(1).fetchAll(Event.class)).containsExactly(E1);

            old.add(Handlers.exception(47, "Unknown identifier: id"));   // the check, refused
            old.add(Handlers.provide(Event.class, List.of(E1)));       // DESCRIBE: the same columns; then the query
            assertThat(client.query(SQL).bind(2).fetchAll(Event.class)).containsExactly(E1);
            old.add(Handlers.provide(Event.class, List.of(E1)));
            assertThat(client.query(SQL).bind(3).fetchAll(Event.class)).containsExactly(E1);

            List<String> sent = old.statements();
            assertThat(sent).hasSize(8);
            assertThat(sent.get(3)).isEqualTo(CHECKED);
            assertThat(sent.get(4)).startsWith("DESCRIBE (SELECT `id`, `name` FROM events WHERE id = 2");
            assertThat(sent.get(6)).startsWith("DESCRIBE (SELECT `id`, `name` FROM events WHERE id = 3");
            assertThat(sent.get(7)).isEqualTo("SELECT `id`, `name` FROM events WHERE id = 3");
        }
    }
}
