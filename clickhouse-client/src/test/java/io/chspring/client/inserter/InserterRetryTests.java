package io.chspring.client.inserter;

import static io.chspring.client.inserter.InserterTestSender.LONG_ENCODER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTransportException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InserterRetryTests {

    private final InserterTestScheduler scheduler = new InserterTestScheduler();
    private final InserterTestSender sender = new InserterTestSender();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private Inserter<Long> inserter;

    @TempDir
    Path spool;

    private InserterBuilder<Long> builder(double random) {
        return Inserter.builder("events", List.of("id"), LONG_ENCODER, sender)
                .clock(scheduler).scheduler(scheduler).random(() -> random).shutdownHook(false)
                .maxRows(5).period(Duration.ofHours(1)).periodBias(0)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(10)).retryBudget(Duration.ofSeconds(1))
                .spoolDirectory(spool).inserterId("ins")
                .listener(new InserterListener() {
                    @Override
                    public void onCommit(Batch batch, InserterStats stats) {
                        events.add("commit " + batch.dedupToken() + " inserts=" + stats.inserts());
                    }

                    @Override
                    public void onFailure(Batch batch, ClickHouseException error, boolean willRetry) {
                        events.add("failure " + batch.dedupToken() + " retry=" + willRetry);
                    }
                });
    }

    @AfterEach
    void close() {
        if (inserter != null) {
            inserter.close();
        }
        scheduler.shutdown();
    }

    private static ClickHouseException networkDown() {
        return new ClickHouseTransportException("connection refused");
    }

    private void writeBatch() {
        for (long v = 0; v < 5; v++) {
            inserter.write(v);
        }
        scheduler.awaitIdle();
    }

    @Test
    void retryableThenSuccessCommitsOnceWithTheSameToken() {
        sender.failNext(InserterRetryTests::networkDown).failNext(InserterRetryTests::networkDown);
        inserter = builder(0.5).build();
        writeBatch();
        assertThat(sender.attempts()).hasSize(1);

        scheduler.advance(Duration.ofMillis(49)); // first wait: 0.5 * 100 ms
        assertThat(sender.attempts()).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.attempts()).hasSize(2);
        scheduler.advance(Duration.ofMillis(99)); // second wait: 0.5 * 200 ms
        assertThat(sender.attempts()).hasSize(2);
        scheduler.advance(Duration.ofMillis(1));

        assertThat(sender.attempts()).extracting(InserterTestSender.Attempt::token).containsExactly("ins-1", "ins-1", "ins-1");
        assertThat(sender.attempts()).extracting(InserterTestSender.Attempt::payload)
                .allSatisfy(p -> assertThat(p).isEqualTo(sender.attempts().get(0).payload()));
        assertThat(sender.committed()).hasSize(1);
        InserterStats stats = inserter.stats();
        assertThat(stats.inserts()).isEqualTo(1);
        assertThat(stats.retries()).isEqualTo(2);
        assertThat(stats.failures()).isZero();
        assertThat(stats.lastCommitAt()).isEqualTo(InserterTestScheduler.EPOCH.plusMillis(150));
        assertThat(events).containsExactly("failure ins-1 retry=true", "failure ins-1 retry=true", "commit ins-1 inserts=1");
    }

    @Test
    void retriesStopAtTheBudgetAndTheBatchIsSpooled() {
        for (int i = 0; i < 10; i++) {
            sender.failNext(InserterRetryTests::networkDown);
        }
        inserter = builder(0.99).build();
        writeBatch();
        // Waits 99, 198, 396 ms (elapsed 693 ms); the next, 792 ms, would end past the 1 s budget.
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(sender.attempts()).hasSize(4).extracting(InserterTestSender.Attempt::token).containsOnly("ins-1");
        InserterStats stats = inserter.stats();
        assertThat(stats.retries()).isEqualTo(3);
        assertThat(stats.failures()).isEqualTo(1);
        assertThat(stats.spooledBatches()).isEqualTo(1);
        assertThat(stats.bufferedRows()).isZero();
        assertThat(stats.bufferedBytes()).isZero();
        assertThat(events).last().isEqualTo("failure ins-1 retry=false");
        List<Path> files = SpoolDirectory.of(spool).files();
        assertThat(files).singleElement().satisfies(f -> {
            SpooledBatch spooled = SpoolDirectory.read(f);
            assertThat(spooled.dedupToken()).isEqualTo("ins-1");
            assertThat(spooled.rows()).isEqualTo(5);
            assertThat(spooled.lastError()).contains("connection refused");
        });
    }

    @Test
    void nonRetryableFailsFastIntoTheSpoolAndFlushReportsIt() {
        sender.failNext(() -> new ClickHouseServerException("Cannot parse input", 27, "CANNOT_PARSE_INPUT_ASSERTION_FAILED",
                500, "q1", false));
        inserter = builder(0.5).maxRows(1000).build();
        inserter.write(1L);
        inserter.write(2L);

        assertThatThrownBy(inserter::flush)
                .isInstanceOf(ClickHouseException.class)
                .hasMessageContaining("table 'events'")
                .hasMessageContaining("1 of 1 batches failed")
                .hasMessageContaining("ins-1 (2 rows)")
                .hasMessageContaining("Cannot parse input")
                .cause().isInstanceOf(ClickHouseServerException.class);
        assertThat(sender.attempts()).hasSize(1);
        assertThat(scheduler.scheduledCount()).isZero();
        assertThat(inserter.stats().retries()).isZero();
        assertThat(SpoolDirectory.of(spool).files()).hasSize(1);

        // The inserter carries on with the next batch.
        inserter.write(3L);
        assertThat(inserter.flush().inserts()).isEqualTo(1);
        assertThat(sender.committedValues()).containsExactly(3L);
    }

    @Test
    void anUnexpectedRuntimeExceptionIsNotRetried() {
        sender.failNext(() -> new IllegalArgumentException("boom"));
        inserter = builder(0.5).build();
        writeBatch();
        assertThat(sender.attempts()).hasSize(1);
        assertThat(inserter.stats().failures()).isEqualTo(1);
        assertThat(SpoolDirectory.read(SpoolDirectory.of(spool).files().get(0)).lastError())
                .contains("sending batch ins-1 failed").contains("boom");
    }

    @Test
    void aThrowingFailureHandlerCountsTheBatchAsLost() {
        sender.failNext(() -> new ClickHouseException("bad data"));
        inserter = builder(0.5).failureHandler((batch, error) -> {
            throw new IllegalStateException("disk full");
        }).build();
        writeBatch();
        InserterStats stats = inserter.stats();
        assertThat(stats.lostBatches()).isEqualTo(1);
        assertThat(stats.spooledBatches()).isZero();
        assertThat(stats.bufferedBytes()).isZero();
    }
}
