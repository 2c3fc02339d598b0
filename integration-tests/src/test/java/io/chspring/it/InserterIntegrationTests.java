package io.chspring.it;

import static io.chspring.it.InserterTestEvents.COLUMNS;
import static io.chspring.it.InserterTestEvents.ENCODER;
import static io.chspring.it.InserterTestEvents.contentSummary;
import static io.chspring.it.InserterTestEvents.count;
import static io.chspring.it.InserterTestEvents.createTable;
import static io.chspring.it.InserterTestEvents.sumBelow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterBuilder;
import io.chspring.client.inserter.InserterStats;
import io.chspring.client.inserter.SpoolDirectory;
import io.chspring.client.inserter.SpoolReplayResult;
import io.chspring.it.InserterTestEvents.Event;
import io.chspring.it.InserterTestEvents.Recorder;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The Inserter wired to the client against real engines, the HTTP server (18.16 here) and the embedded 26.5: exact
 * delivery from many threads, each commit trigger on its own, flush and close semantics, a schema error that spools
 * instead of looping. Deduplication tokens (22.2+) are in {@link InserterDeduplicationIntegrationTests}, the tests
 * that stop a server in {@link InserterOutageIntegrationTests}.
 */
@ClickHouseEngines
class InserterIntegrationTests {

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

    /** Only the trigger under test may fire: the other two are out of reach. */
    private InserterBuilder<Event> quiet(String table, Recorder recorder) {
        return client.inserter(table, COLUMNS, ENCODER)
                .maxRows(Long.MAX_VALUE / 8).maxBytes(64L << 20).period(Duration.ofHours(1)).periodBias(0)
                .maxBufferedBytes(64L << 20).spoolDirectory(spool).listener(recorder).shutdownHook(false);
    }

    @Test
    void eightThreadsWriteAMillionRowsAndTheTableHoldsExactlyThem() throws Exception {
        engine.query(createTable("million"));
        int threads = 8;
        int total = 1_000_000;
        Recorder recorder = new Recorder();
        long started = System.nanoTime();
        InserterStats stats;
        try (Inserter<Event> inserter = client.inserter("million", COLUMNS, ENCODER)
                .maxRows(100_000).period(Duration.ofMillis(200)).spoolDirectory(spool).listener(recorder)
                .shutdownHook(false).build()) {
            writeConcurrently(threads, total, id -> inserter.write(Event.of(id)));
            stats = inserter.flush();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Inserter: %d rows from %d threads in %d ms, %d inserts, %d retries%n", total, threads,
                millis, stats.inserts(), stats.retries());

        assertThat(contentSummary(client, "million")).isEqualTo(total + "\t" + total + "\t" + sumBelow(total) + "\t0");
        assertThat(stats.committedRows()).isEqualTo(total);
        assertThat(stats.failures()).isZero();
        assertThat(stats.bufferedRows()).isZero();
        assertThat(stats.bufferedBytes()).isZero();
        assertThat(recorder.committedRows()).allMatch(rows -> rows <= 100_000);
        assertThat(recorder.committedRows().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(SpoolDirectory.of(spool).files()).isEmpty();
    }

    @Test
    void maxRowsAloneTriggersACommit() {
        engine.query(createTable("by_rows"));
        Recorder recorder = new Recorder();
        try (Inserter<Event> inserter = quiet("by_rows", recorder).maxRows(1_000).build()) {
            for (long id = 0; id < 2_500; id++) {
                inserter.write(Event.of(id));
            }
            awaitCommits(recorder, 2);
            assertThat(recorder.committedRows()).containsExactly(1_000L, 1_000L);
            assertThat(count(client, "by_rows")).isEqualTo(2_000);
            InserterStats stats = inserter.stats();
            assertThat(stats.inserts()).isEqualTo(2);
            assertThat(stats.committedRows()).isEqualTo(2_000);
            assertThat(stats.bufferedRows()).isEqualTo(500);
        }
        assertThat(contentSummary(client, "by_rows")).isEqualTo("2500\t2500\t" + sumBelow(2_500) + "\t0");
    }

    @Test
    void maxBytesAloneTriggersACommit() {
        engine.query(createTable("by_bytes"));
        // ids 100000..100999 all encode to the same size: 8 (id) + 1 + 12 (name) + 4 (value).
        int rowSize = InserterTestEvents.encodedSize(Event.of(100_000));
        assertThat(rowSize).isEqualTo(25);
        Recorder recorder = new Recorder();
        try (Inserter<Event> inserter = quiet("by_bytes", recorder).maxBytes(400L * rowSize).build()) {
            for (long id = 100_000; id < 101_000; id++) {
                inserter.write(Event.of(id));
            }
            awaitCommits(recorder, 2);
            assertThat(recorder.committedRows()).containsExactly(400L, 400L);
            assertThat(recorder.commits).allMatch(batch -> batch.bytes() == 400L * rowSize);
            assertThat(count(client, "by_bytes")).isEqualTo(800);
            assertThat(inserter.stats().committedBytes()).isEqualTo(800L * rowSize);
            if (client.compressesRequestBodies()) {
                // the open batch's first 4 KiB chunk filled and is held LZ4-compressed, the rest waits plain
                assertThat(inserter.stats().bufferedBytes()).isPositive().isLessThan(200L * rowSize);
            } else {
                assertThat(inserter.stats().bufferedBytes()).isEqualTo(200L * rowSize);
            }
        }
        assertThat(count(client, "by_bytes")).isEqualTo(1_000);
    }

    @Test
    void thePeriodAloneCommitsAStreamThatStoppedWritingWithNoFurtherCalls()
            throws InterruptedException {
        engine.query(createTable("by_period"));
        Recorder recorder = new Recorder();
        try (Inserter<Event> inserter = quiet("by_period", recorder).period(Duration.ofMillis(300)).build()) {
            long firstWrite = System.nanoTime();
            for (long id = 0; id < 123; id++) {
                inserter.write(Event.of(id));
            }
            // No flush, no close, no more writes: only the period can send these rows.
            awaitCommits(recorder, 1);
            long waitedMillis = (System.nanoTime() - firstWrite) / 1_000_000;
            assertThat(waitedMillis).as("committed by the period, not before it").isGreaterThanOrEqualTo(290);
            assertThat(recorder.committedRows()).containsExactly(123L);
            assertThat(count(client, "by_period")).isEqualTo(123);

            for (long id = 123; id < 130; id++) {
                inserter.write(Event.of(id));
            }
            awaitCommits(recorder, 2);
            assertThat(recorder.committedRows()).containsExactly(123L, 7L);
            assertThat(contentSummary(client, "by_period")).isEqualTo("130\t130\t" + sumBelow(130) + "\t0");
            assertThat(inserter.stats().bufferedRows()).isZero();
        }
    }

    @Test
    void flushIsSynchronousAndCloseFlushesWhatIsPending() {
        engine.query(createTable("flush_close"));
        Recorder recorder = new Recorder();
        Inserter<Event> inserter = quiet("flush_close", recorder).build();
        for (long id = 0; id < 5_000; id++) {
            inserter.write(Event.of(id));
        }
        InserterStats afterFlush = inserter.flush();
        assertThat(afterFlush.committedRows()).isEqualTo(5_000);
        assertThat(afterFlush.lastCommitAt()).isNotNull();
        assertThat(count(client, "flush_close")).as("flush() returns after the commit").isEqualTo(5_000);

        for (long id = 5_000; id < 5_777; id++) {
            inserter.write(Event.of(id));
        }
        assertThat(count(client, "flush_close")).isEqualTo(5_000);
        inserter.close();
        assertThat(contentSummary(client, "flush_close")).isEqualTo("5777\t5777\t" + sumBelow(5_777) + "\t0");
        assertThat(inserter.stats().committedRows()).isEqualTo(5_777);
        assertThat(inserter.stats().inserts()).isEqualTo(2);
        assertThatThrownBy(() -> inserter.write(Event.of(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTableWithoutOneOfTheColumnsSpoolsTheBatchFlushThrowsAndNothingLoops()
            throws InterruptedException {
        engine.query("CREATE TABLE no_value (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        Recorder recorder = new Recorder();
        try (Inserter<Event> inserter = quiet("no_value", recorder).build()) {
            for (long id = 0; id < 10; id++) {
                inserter.write(Event.of(id));
            }
            assertThatThrownBy(inserter::flush).isInstanceOf(ClickHouseException.class)
                    .hasMessageContaining("1 of 1 batches failed")
                    .cause().isInstanceOf(ClickHouseException.class)
                    .satisfies(cause -> assertThat(((ClickHouseException) cause).errorCode())
                            .as("NO_SUCH_COLUMN_IN_TABLE").isEqualTo(16));
            Thread.sleep(500);
            InserterStats stats = inserter.stats();
            assertThat(recorder.failures).as("one attempt, no retry").containsExactly(false);
            assertThat(stats.retries()).isZero();
            assertThat(stats.failures()).isEqualTo(1);
            assertThat(stats.spooledBatches()).isEqualTo(1);
            assertThat(stats.bufferedRows()).isZero();
            assertThat(InserterTestEvents.spooledRows(spool)).isEqualTo(10);
        }
        assertThat(count(client, "no_value")).isZero();

        // Once the schema is fixed, the spooled batch replays.
        engine.query("ALTER TABLE no_value ADD COLUMN value UInt32");
        SpoolReplayResult replay = Inserter.replay(spool, client.batchSender());
        assertThat(replay.isComplete()).isTrue();
        assertThat(replay.replayedRows()).isEqualTo(10);
        assertThat(contentSummary(client, "no_value")).isEqualTo("10\t10\t45\t0");
        assertThat(SpoolDirectory.of(spool).files()).isEmpty();
    }

    /** Maps to {@code page_views} by the default snake_case naming; {@code at} is left to its DEFAULT. */
    record PageView(long id, String page, long userId) {
    }

    /** Has a field the table lacks. */
    record PageViewWithTitle(long id, String page, long userId, String title) {
    }

    @Test
    void theClassFactoryMapsARecordAndChecksTheTableBeforeTheFirstWrite()
            throws Exception {
        engine.query("CREATE TABLE page_views (id UInt64, page String, user_id UInt32, at DateTime DEFAULT now()) "
                + "ENGINE = MergeTree ORDER BY id");

        assertThatThrownBy(() -> client.inserter("page_views", PageViewWithTitle.class))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("title");

        int threads = 4;
        int total = 100_000;
        Recorder recorder = new Recorder();
        InserterStats stats;
        try (Inserter<PageView> inserter = client.inserter("page_views", PageView.class)
                .maxRows(30_000).period(Duration.ofMillis(200)).spoolDirectory(spool).listener(recorder)
                .shutdownHook(false).build()) {
            writeConcurrently(threads, total, id -> inserter.write(new PageView(id, "/p/" + id % 100, id % 7)));
            stats = inserter.flush();
        }
        assertThat(stats.committedRows()).isEqualTo(total);
        assertThat(recorder.commits).allMatch(batch -> batch.columns().equals(List.of("id", "page", "user_id")));
        assertThat(client.query("SELECT count(), uniqExact(id), sum(id), "
                + "countIf(page != concat('/p/', toString(id % 100)) OR user_id != id % 7), countIf(at = 0) "
                + "FROM page_views").fetchString("TabSeparated").strip())
                .isEqualTo(total + "\t" + total + "\t" + sumBelow(total) + "\t0\t0");
    }

    /** Ids 0 to total - 1, each written once: thread t of {@code threads} writes t, t + threads, ... */
    private static void writeConcurrently(int threads, long total, LongConsumer write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                writers.add(pool.submit(() -> {
                    for (long id = first; id < total; id += threads) {
                        write.accept(id);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void awaitCommits(Recorder recorder, int commits) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (recorder.commits.size() < commits) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + commits + " commits within 10 s, saw " + recorder.committedRows());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
