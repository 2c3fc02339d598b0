package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.query.RowCursor;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A cursor dropped without {@code close()} must not keep its pooled connection for good. With two connections in the
 * pool, five cursors on large results are opened, read one row each and dropped unclosed; once the garbage
 * collector finds them the pool has its connections back, and later queries run.
 */
@ClickHouseIntegrationTest
class UnclosedCursorIntegrationTests {

    private static final int DROPPED = 5;

    @Test
    void thePoolRecoversTheConnectionsOfDroppedCursors(ClickHouseTestDatabase db) throws Exception {
        String url = db.url(db.server().defaultUser()) + "?max_connections=2&max_connections_per_route=2"
                + "&connect_timeout=500ms";
        try (ClickHouseClient client = ClickHouseClient.fromUrl(url)) {
            int waits = 0;
            for (int i = 0; i < DROPPED; i++) {
                while (true) {
                    try {
                        assertThat(openReadOneAndDrop(client)).isZero();
                        break;
                    } catch (ClickHouseTimeoutException poolExhausted) {
                        // both connections are held by dropped cursors: let the collector find them
                        assertThat(++waits).as("waits for the collector; the pool never recovered").isLessThan(20);
                        System.gc();
                        Thread.sleep(100);
                    }
                }
            }
            for (int i = 0; i < 10; i++) {
                assertThat(client.query("SELECT ?").bind(i).fetchOne(Integer.class)).isEqualTo(i);
            }
        }
    }

    /** The cursor stays in this frame only: it is unreachable once this returns. */
    @SuppressWarnings("resource")
    private static long openReadOneAndDrop(ClickHouseClient client) {
        RowCursor<Long> cursor = client.query("SELECT number FROM system.numbers LIMIT 100000000").fetch(Long.class);
        return cursor.iterator().next();
    }
}
