package io.chspring.data.core;

import io.chspring.client.ServerCapabilities;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.QueryTimeoutException;

/**
 * Deletes rows and returns once they are gone. ClickHouse 22.8+ has lightweight {@code DELETE FROM} (marks rows
 * deleted; behind {@code allow_experimental_lightweight_delete} until 23.3). Older servers only have the
 * {@code ALTER TABLE ... DELETE} mutation, which runs in the background and rewrites every part holding a matching
 * row; 18.16 has no {@code mutations_sync} setting, so this waits by polling {@code system.mutations} until no
 * mutation of the table is pending, within a timeout.
 */
final class Deletes {

    private static final long FIRST_POLL_MILLIS = 20;
    private static final long MAX_POLL_MILLIS = 500;

    private final ClickHouseTemplate template;
    private final Duration timeout;

    Deletes(ClickHouseTemplate template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    void delete(EntitySql sql, String table, String where, Map<String, ?> params) {
        ServerCapabilities capabilities = template.getClient().capabilities();
        Map<String, Object> values = new HashMap<>(params);
        boolean lightweight = capabilities.supportsLightweightDelete();
        var spec = template.sql(sql.delete(where, lightweight)).params(values);
        if (lightweight && !capabilities.version().isAtLeast(23, 3)) {
            spec.setting("allow_experimental_lightweight_delete", 1);
        }
        spec.execute();
        if (!lightweight) {
            awaitMutations(sql.pendingMutations(), table);
        }
    }

    private void awaitMutations(String pending, String table) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (template.queryForObject(pending, Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                throw new QueryTimeoutException("The DELETE mutation on " + table + " was not done after " + timeout
                        + "; it keeps running on the server (see system.mutations)");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryTimeoutException("Interrupted while waiting for the DELETE mutation on " + table, e);
            }
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
    }
}
