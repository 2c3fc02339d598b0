package io.chspring.it;

import static io.chspring.it.InserterTestEvents.COLUMNS;
import static io.chspring.it.InserterTestEvents.ENCODER;
import static io.chspring.it.InserterTestEvents.contentSummary;
import static io.chspring.it.InserterTestEvents.createTable;
import static io.chspring.it.InserterTestEvents.sumBelow;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterStats;
import io.chspring.client.inserter.SpoolDirectory;
import io.chspring.client.inserter.SpoolReplayResult;
import io.chspring.it.InserterTestEvents.Event;
import io.chspring.it.InserterTestEvents.Recorder;
import io.chspring.test.LocalClickHouseServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Inserter against a server that goes away: a private 18.16 server ({@link LocalClickHouseServer}) is stopped
 * while rows are written and started again on the same port. Nothing accepted may be lost: rows are either retried
 * into the table or spooled and replayed. 18.16 has no {@code insert_deduplication_token}, so a batch the server
 * stored but could not acknowledge is stored again by its retry; these tests count such duplicates and report them.
 */
class InserterOutageIntegrationTests {

    private static LocalClickHouseServer server;
    private static ClickHouseClient client;

    @TempDir
    Path spool;

    @BeforeAll
    static void startServer() {
        try {
            server = LocalClickHouseServer.builder().build();
        } catch (ClickHouseException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort(e.getMessage());
        }
        server.start();
        client = ClickHouseClient.builder().url(server.url() + "/default")
                .connectTimeout(Duration.ofSeconds(1)).responseTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void serverUp() {
        server.start();
    }

    @Test
    void theServerStoppedMidStreamLosesNoRow() throws Exception {
        client.execute(createTable("outage"));
        int threads = 4;
        int chunkRows = 1_000;
        long idsPerThread = 10_000_000;
        // The writers keep going until the server is back and then a little longer, so rows are written before,
        // during and after the outage whatever the timing of stop and start.
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicLong total = new AtomicLong();
        AtomicLong idSum = new AtomicLong();
        AtomicLong writtenInOutage = new AtomicLong();
        AtomicBoolean outage = new AtomicBoolean();
        Recorder recorder = new Recorder();
        InserterStats stats;
        ClickHouseException flushError = null;
        long outageMillis;
        long stopMillis;
        try (Inserter<Event> inserter = client.inserter("outage", COLUMNS, ENCODER)
                .maxRows(20_000).maxBytes(4 << 20).maxBufferedBytes(16 << 20).period(Duration.ofMillis(100))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).retryBudget(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30)).spoolDirectory(spool).listener(recorder).shutdownHook(false)
                .build()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long first = t * idsPerThread;
                    writers.add(pool.submit(() -> {
                        long id = first;
                        int chunksAfterRestart = 0;
                        while (chunksAfterRestart < 10) {
                            for (int i = 0; i < chunkRows; i++, id++) {
                                inserter.write(Event.of(id));
                                idSum.addAndGet(id);
                            }
                            total.addAndGet(chunkRows);
                            if (outage.get()) {
                                writtenInOutage.addAndGet(chunkRows);
                            }
                            if (restarted.get()) {
                                chunksAfterRestart++;
                            }
                            Thread.sleep(50);
                        }
                        return null;
                    }));
                }
                Thread.sleep(400);
                long stopped = System.nanoTime();
                outage.set(true);
                // 18.16 stops listening at SIGTERM but serves a busy keep-alive connection until it exits, ~10 s
                // later; then that connection is reset and new ones are refused until the start.
                server.stop();
                stopMillis = (System.nanoTime() - stopped) / 1_000_000;
                Thread.sleep(700);
                server.start();
                outage.set(false);
                restarted.set(true);
                outageMillis = (System.nanoTime() - stopped) / 1_000_000;
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            try {
                stats = inserter.flush();
            } catch (ClickHouseException e) {
                flushError = e; // a batch ran out of retry budget and was spooled: replayed below
                stats = inserter.stats();
            }
        }
        SpoolReplayResult replay = Inserter.replay(spool, client.batchSender());
        String[] summary = contentSummary(client, "outage").split("\t");
        long stored = Long.parseLong(summary[0]);
        System.out.printf("Inserter outage: stop() took %d ms, stop to started %d ms; %d rows written (%d of them "
                + "between stop and start), %d stored (%d duplicates), %d inserts, %d retries, %d failed attempts seen, "
                + "%d batches spooled and replayed (%d rows)%s%n", stopMillis, outageMillis, total.get(), writtenInOutage.get(), stored, stored - total.get(),
                stats.inserts(), stats.retries(), recorder.failures.size(), replay.replayedBatches(),
                replay.replayedRows(), flushError == null ? "" : "; flush: " + flushError.getMessage());

        assertThat(writtenInOutage.get()).as("rows were written between stop and start").isPositive();
        assertThat(recorder.failures).as("the outage was felt by the inserter").isNotEmpty();
        assertThat(stats.retries()).isPositive();
        assertThat(stats.lostBatches()).isZero();
        assertThat(replay.isComplete()).isTrue();
        assertThat(stored).isGreaterThanOrEqualTo(total.get());
        assertThat(Long.parseLong(summary[1])).as("uniqExact(id)").isEqualTo(total.get());
        assertThat(summary[3]).as("rows whose content does not follow from their id").isEqualTo("0");
        assertThat(client.query("SELECT sum(id) FROM (SELECT DISTINCT id FROM outage)").fetchString("TabSeparated")
                .strip()).as("the distinct ids are the ones written").isEqualTo(Long.toString(idSum.get()));
    }

    @Test
    void closeWithTheServerDownSpoolsWithinCloseTimeoutAndAReplayStoresTheRows() {
        client.execute(createTable("close_down"));
        server.stop();
        Recorder recorder = new Recorder();
        Inserter<Event> inserter = client.inserter("close_down", COLUMNS, ENCODER)
                .period(Duration.ofHours(1)).backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .retryBudget(Duration.ofMinutes(1)).closeTimeout(Duration.ofSeconds(1)).spoolDirectory(spool)
                .listener(recorder).shutdownHook(false).build();
        for (long id = 0; id < 3_000; id++) {
            inserter.write(Event.of(id));
        }
        long started = System.nanoTime();
        inserter.close();
        long closeMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(closeMillis).as("close() gives up after closeTimeout").isBetween(900L, 2_500L);
        InserterStats stats = inserter.stats();
        assertThat(stats.committedRows()).isZero();
        assertThat(stats.spooledBatches()).isEqualTo(1);
        assertThat(stats.bufferedRows()).isZero();
        assertThat(recorder.failures).as("retried while the server was down").contains(true);
        assertThat(InserterTestEvents.spooledRows(spool)).isEqualTo(3_000);

        server.start();
        SpoolReplayResult replay = Inserter.replay(spool, client.batchSender());
        assertThat(replay.isComplete()).isTrue();
        assertThat(replay.replayedRows()).isEqualTo(3_000);
        assertThat(contentSummary(client, "close_down")).isEqualTo("3000\t3000\t" + sumBelow(3_000) + "\t0");
        assertThat(SpoolDirectory.of(spool).files()).isEmpty();
    }

    @Test
    void theMemoryCapMakesAWriterWaitWhileTheServerIsDownThenProceed() throws Exception {
        client.execute(createTable("memory_cap"));
        int total = 5_000;
        long cap = 16 << 10;
        server.stop();
        try (Inserter<Event> inserter = client.inserter("memory_cap", COLUMNS, ENCODER)
                .maxBytes(4 << 10).maxBufferedBytes(cap).period(Duration.ofMillis(50))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(300)).retryBudget(Duration.ofMinutes(1))
                .writeTimeout(Duration.ofSeconds(30)).spoolDirectory(spool).shutdownHook(false).build()) {
            AtomicLong written = new AtomicLong();
            AtomicReference<Throwable> writerError = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (long id = 0; id < total; id++) {
                        inserter.write(Event.of(id));
                        written.incrementAndGet();
                    }
                } catch (Throwable e) {
                    writerError.set(e);
                }
            }, "inserter-it-writer");
            writer.start();

            awaitBlocked(writer, written);
            InserterStats whileDown = inserter.stats();
            System.out.printf("Inserter memory cap: writer blocked after %d of %d rows, %d bytes buffered (cap %d)%n",
                    written.get(), total, whileDown.bufferedBytes(), cap);
            assertThat(written.get()).isLessThan(total);
            assertThat(whileDown.bufferedBytes()).isLessThanOrEqualTo(cap).isPositive();
            assertThat(writer.getState()).isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);

            server.start();
            writer.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(writer.isAlive()).as("the writer proceeds once the server is back").isFalse();
            assertThat(writerError.get()).isNull();
            assertThat(written.get()).isEqualTo(total);
            inserter.flush();
        }
        String[] summary = contentSummary(client, "memory_cap").split("\t");
        assertThat(Long.parseLong(summary[0])).isGreaterThanOrEqualTo(total);
        assertThat(Long.parseLong(summary[1])).isEqualTo(total);
        assertThat(summary[3]).isEqualTo("0");
        assertThat(SpoolDirectory.of(spool).files()).isEmpty();
    }

    /** Waits until the writer sits in a wait and its count has not moved for 300 ms. */
    private static void awaitBlocked(Thread writer, AtomicLong written) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = written.get();
            Thread.State state = writer.getState();
            boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
            if (now != last || !waiting) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(300)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the writer never blocked: " + written.get() + " rows written, state "
                + writer.getState());
    }
}
