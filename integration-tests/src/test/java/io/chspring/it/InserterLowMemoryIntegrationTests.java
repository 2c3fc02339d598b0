package io.chspring.it;

import static io.chspring.it.InserterTestEvents.COLUMNS;
import static io.chspring.it.InserterTestEvents.ENCODER;
import static io.chspring.it.InserterTestEvents.contentSummary;
import static io.chspring.it.InserterTestEvents.createTable;
import static io.chspring.it.InserterTestEvents.sumBelow;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.it.InserterTestEvents.Event;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four threads write 3,000,000 rows (~78 MB of RowBinary) through an Inserter in a JVM capped at 64 MiB (the surefire
 * execution {@code low-memory}), with 4 MiB batches and the default memory cap. The cap's default is 4 x maxBytes
 * but at most a quarter of the heap, so 16 MiB here; a sampler checks that the pending bytes never exceed it.
 */
@ClickHouseIntegrationTest
class InserterLowMemoryIntegrationTests {

    private static final int ROWS = 3_000_000;
    private static final int THREADS = 4;
    private static final long MAX_HEAP = 64L << 20;
    private static final long CAP = 16L << 20;

    @TempDir
    Path spool;

    @Test
    void fourWritersInsertMoreThanTheHeapUnderTheDefaultCap(ClickHouseTestDatabase db) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("the low-memory surefire execution sets -Xmx64m")
                .isLessThanOrEqualTo(MAX_HEAP);
        db.query(createTable("low_memory"));
        AtomicLong maxPending = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> error = new AtomicReference<>();
        try (ClickHouseClient client = ItSupport.client(db);
                Inserter<Event> inserter = client.inserter("low_memory", COLUMNS, ENCODER).maxBytes(4 << 20)
                        .period(Duration.ofMillis(200)).spoolDirectory(spool).shutdownHook(false).build()) {
            Thread sampler = new Thread(() -> {
                while (!done.get()) {
                    maxPending.accumulateAndGet(inserter.stats().bufferedBytes(), Math::max);
                    Thread.onSpinWait();
                }
            }, "pending-sampler");
            sampler.setDaemon(true);
            sampler.start();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < THREADS; w++) {
                long from = (long) ROWS * w / THREADS;
                long to = (long) ROWS * (w + 1) / THREADS;
                Thread writer = new Thread(() -> {
                    try {
                        for (long id = from; id < to; id++) {
                            inserter.write(Event.of(id));
                        }
                    } catch (Throwable e) {
                        error.compareAndSet(null, e);
                    }
                }, "low-memory-writer-" + w);
                writer.start();
                writers.add(writer);
            }
            for (Thread writer : writers) {
                writer.join();
            }
            inserter.flush();
            done.set(true);
            sampler.join();
            assertThat(error.get()).isNull();
            assertThat(inserter.stats().committedRows()).isEqualTo(ROWS);
            assertThat(inserter.stats().committedBytes()).as("more than the heap went through")
                    .isGreaterThan(MAX_HEAP);
            System.out.printf("Inserter at -Xmx64m: %d rows, %d bytes, pending bytes at most %d (cap %d)%n", ROWS,
                    inserter.stats().committedBytes(), maxPending.get(), CAP);
            assertThat(maxPending.get()).as("pending bytes never exceed the default cap").isPositive()
                    .isLessThanOrEqualTo(CAP);
            assertThat(contentSummary(client, "low_memory"))
                    .isEqualTo(ROWS + "\t" + ROWS + "\t" + sumBelow(ROWS) + "\t0");
        }
    }
}
