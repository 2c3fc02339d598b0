package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHousePartialInsertException;
import io.chspring.client.insert.Insert;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A streaming insert resent with the same {@link Insert#deduplicationToken} stores each block once: the server
 * suffixes the token per block (by the block's index, not its content), so the same rows in the same order sent
 * again are skipped block by block. The embedded engine stores nothing of a failing insert (see
 * {@code PartialInsertIntegrationTests}), so a resend after a partly stored attempt cannot be staged here; a resend
 * of a different stream with the same token is NOT safe (a run that resent 2,500,000 rows after a first attempt of
 * 1,048,576 stored 2,436,623: the block boundaries differed, and blocks were skipped by index). Embedded 26.5 only: {@code insert_deduplication_token} needs 22.2, and 18.16 rejects the setting
 * (the client refuses to send it there, see {@code ModernInsertDefaultsTests}).
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
class DeduplicatedRetryIntegrationTests {

    record Id(long id) {
    }

    static final long ROWS = 2_500_000;
    static final long POISON = 1_500_000;

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            // millions of rows left in the embedded engine's memory slow its shutdown at JVM exit
            client.execute("DROP TABLE IF EXISTS retried");
            client.execute("DROP TABLE IF EXISTS poisoned");
            client.close();
            client = null;
        }
    }

    @Test
    void aResendOfTheSameStreamWithTheSameTokenStoresEachBlockOnce() {
        client.execute("CREATE TABLE retried (id UInt64) ENGINE = MergeTree ORDER BY id "
                + "SETTINGS non_replicated_deduplication_window = 100");
        send(ROWS, "batch-42");
        assertThat(count("SELECT count() FROM retried")).isEqualTo(ROWS);
        long parts = count("SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'retried' "
                + "AND active");
        assertThat(parts).as("the stream was stored as several blocks").isGreaterThan(1);

        // the resend after a lost acknowledgement: the same rows, the same order, the same token
        send(ROWS, "batch-42");
        assertThat(count("SELECT count() FROM retried")).as("no row stored twice").isEqualTo(ROWS);
        assertThat(count("SELECT uniqExact(id) FROM retried")).isEqualTo(ROWS);

        // the token, not the content, decides: the same rows under another token are stored again
        send(ROWS, "batch-43");
        assertThat(count("SELECT count() FROM retried")).isEqualTo(2 * ROWS);
    }

    @Test
    void aPartialInsertExceptionWithATokenSaysTheResendIsSafe() {
        // one row of the second block makes the partition key divide by zero
        client.execute("CREATE TABLE poisoned (id UInt64) ENGINE = MergeTree PARTITION BY intDiv(1, toUInt64(id != "
                + POISON + ")) ORDER BY id SETTINGS non_replicated_deduplication_window = 100");
        Throwable thrown;
        try (Insert<Id> insert = client.insert("poisoned", Id.class).deduplicationToken("batch-43")) {
            thrown = catchThrowable(() -> {
                for (long id = 0; id < ROWS; id++) {
                    insert.write(new Id(id));
                }
                insert.end();
            });
        }
        assertThat(thrown).isInstanceOf(ClickHousePartialInsertException.class)
                .hasMessageContaining("same deduplication token");
        ClickHousePartialInsertException partial = (ClickHousePartialInsertException) thrown;
        assertThat(partial.deduplicationToken()).isEqualTo("batch-43");
        assertThat(partial.rowsSent()).isEqualTo(ROWS);
        assertThat(partial.isRetryable()).as("division by zero is not a transient error").isFalse();
    }

    private static void send(long rows, String token) {
        try (Insert<Id> insert = client.insert("retried", Id.class).deduplicationToken(token)) {
            for (long id = 0; id < rows; id++) {
                insert.write(new Id(id));
            }
            insert.end();
        }
    }

    private long count(String sql) {
        return Long.parseLong(engine.query(sql).strip());
    }
}
