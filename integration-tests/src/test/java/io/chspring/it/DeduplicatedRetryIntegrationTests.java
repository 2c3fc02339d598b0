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
 * suffixes the token per block, so the blocks stored by a failed first attempt are skipped by the retry and the rest
 * are stored. Embedded 26.5 only: {@code insert_deduplication_token} needs 22.2, and 18.16 rejects the setting
 * (the client refuses to send it there, see {@code ModernInsertDefaultsTests}).
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
class DeduplicatedRetryIntegrationTests {

    record Id(long id) {
    }

    static final long BLOCK = 1_048_576;
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
            client.close();
            client = null;
        }
    }

    @Test
    void aRetryWithTheSameTokenStoresEachRowOnce() {
        // one row of the second block makes its partition key divide by zero: the first attempt stores one block
        client.execute("CREATE TABLE retried (id UInt64) ENGINE = MergeTree PARTITION BY intDiv(1, toUInt64(id != "
                + POISON + ")) ORDER BY id SETTINGS non_replicated_deduplication_window = 100");
        Throwable first = catchThrowable(() -> send(POISON));
        assertThat(first).isInstanceOf(ClickHousePartialInsertException.class)
                .hasMessageContaining("same deduplication token");
        assertThat(((ClickHousePartialInsertException) first).deduplicationToken()).isEqualTo("batch-42");
        long afterFirst = count("SELECT count() FROM retried");
        assertThat(afterFirst).as("the first block was stored before the failure").isEqualTo(BLOCK);

        // the retry: the same rows in the same order, the failing one fixed, the same token
        send(-1);
        assertThat(count("SELECT count() FROM retried")).as("no row stored twice").isEqualTo(ROWS);
        assertThat(count("SELECT uniqExact(id) FROM retried")).isEqualTo(ROWS);

        // and once more, as after a lost acknowledgement: nothing new
        send(-1);
        assertThat(count("SELECT count() FROM retried")).isEqualTo(ROWS);
    }

    private static void send(long poison) {
        try (Insert<Id> insert = client.insert("retried", Id.class).deduplicationToken("batch-42")) {
            for (long id = 0; id < ROWS; id++) {
                insert.write(new Id(id == POISON && poison < 0 ? ROWS + 1_000 : id));
            }
            insert.end();
        }
    }

    private long count(String sql) {
        return Long.parseLong(engine.query(sql).strip());
    }
}
