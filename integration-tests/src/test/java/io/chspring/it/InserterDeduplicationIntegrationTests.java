package io.chspring.it;

import static io.chspring.it.InserterTestEvents.COLUMNS;
import static io.chspring.it.InserterTestEvents.ENCODER;
import static io.chspring.it.InserterTestEvents.contentSummary;
import static io.chspring.it.InserterTestEvents.count;
import static io.chspring.it.InserterTestEvents.sumBelow;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.BatchSender;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.SpoolDirectory;
import io.chspring.client.inserter.SpoolReplayResult;
import io.chspring.it.InserterTestEvents.Event;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Deduplication tokens end to end: a retried or replayed batch is stored once. Runs on the embedded 26.5 engine
 * only: {@code insert_deduplication_token} needs ClickHouse 22.2+, and 18.16 rejects the setting (the client does
 * not send it there, which {@code ClientBatchSenderTests} checks; delivery to 18.16 is at-least-once).
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
class InserterDeduplicationIntegrationTests {

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @TempDir
    Path spool;

    @BeforeParameterizedClassInvocation
    static void connect(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
    }

    @AfterParameterizedClassInvocation
    static void disconnect() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void aBatchSentTwiceWithItsTokenIsStoredOnceAndAReplayOfItToo() {
        engine.query("CREATE TABLE dedup (id UInt64, name String, value UInt32) ENGINE = MergeTree ORDER BY id "
                + "SETTINGS non_replicated_deduplication_window = 100");
        BatchSender real = client.batchSender();
        SpoolDirectory copies = SpoolDirectory.of(spool.resolve("copies"));
        List<String> tokens = new CopyOnWriteArrayList<>();
        // What a retry after a lost acknowledgement does: the same batch, same token, twice; and a spooled copy of it
        BatchSender twice = batch -> {
            real.send(batch);
            real.send(batch);
            copies.spool(batch, "copy for the replay below");
            tokens.add(batch.dedupToken());
        };
        try (Inserter<Event> inserter = Inserter.builder("dedup", COLUMNS, ENCODER, twice).maxRows(1_000)
                .period(Duration.ofHours(1)).spoolDirectory(spool).shutdownHook(false).build()) {
            for (long id = 0; id < 2_500; id++) {
                inserter.write(Event.of(id));
            }
            assertThat(inserter.flush().committedRows()).isEqualTo(2_500);
        }
        assertThat(tokens).hasSize(3).doesNotHaveDuplicates();
        assertThat(contentSummary(client, "dedup")).isEqualTo("2500\t2500\t" + sumBelow(2_500) + "\t0");

        SpoolReplayResult replay = Inserter.replay(copies.directory(), client.batchSender());
        assertThat(replay.isComplete()).isTrue();
        assertThat(replay.replayedRows()).isEqualTo(2_500);
        assertThat(contentSummary(client, "dedup")).as("replayed batches were deduplicated")
                .isEqualTo("2500\t2500\t" + sumBelow(2_500) + "\t0");

        // the token, not the content, decides: the same rows under new tokens are stored again
        try (Inserter<Event> again = Inserter.builder("dedup", COLUMNS, ENCODER, real).maxRows(1_000)
                .period(Duration.ofHours(1)).spoolDirectory(spool).shutdownHook(false).build()) {
            for (long id = 0; id < 2_500; id++) {
                again.write(Event.of(id));
            }
        }
        assertThat(count(client, "dedup")).isEqualTo(5_000);
    }

}
