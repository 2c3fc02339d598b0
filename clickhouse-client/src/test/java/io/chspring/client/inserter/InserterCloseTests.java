package io.chspring.client.inserter;

import static io.chspring.client.inserter.InserterTestSender.LONG_ENCODER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InserterCloseTests {

    private final InserterTestSender sender = new InserterTestSender();

    @TempDir
    Path spool;

    @Test
    void closeFlushesPendingRowsThenRefusesWrites() {
        InserterTestScheduler scheduler = new InserterTestScheduler();
        Inserter<Long> inserter = Inserter.builder("events", List.of("id"), LONG_ENCODER, sender)
                .clock(scheduler).scheduler(scheduler).shutdownHook(false).period(Duration.ofHours(1)).build();
        for (long v = 0; v < 7; v++) {
            inserter.write(v);
        }
        inserter.close();

        assertThat(sender.committedValues()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(inserter.stats().committedRows()).isEqualTo(7);
        assertThatThrownBy(() -> inserter.write(8L))
                .isInstanceOf(IllegalStateException.class).hasMessage("Inserter for table 'events' is closed");
        assertThatThrownBy(inserter::flush).isInstanceOf(IllegalStateException.class);
        inserter.close(); // idempotent
    }

    @Test
    void whatCannotBeSentBeforeTheCloseTimeoutIsSpooled() {
        CountDownLatch never = new CountDownLatch(1);
        BatchSender hangs = batch -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ClickHouseTimeoutException("socket timeout");
        };
        InserterTestScheduler scheduler = new InserterTestScheduler();
        Inserter<Long> inserter = Inserter.builder("events", List.of("id"), LONG_ENCODER, hangs)
                .clock(scheduler).scheduler(scheduler).shutdownHook(false).period(Duration.ofHours(1))
                .maxRows(3).closeTimeout(Duration.ofMillis(200)).spoolDirectory(spool).inserterId("c").build();
        for (long v = 0; v < 5; v++) {
            inserter.write(v); // batch c-1 (3 rows) goes on the wire and hangs; c-2 (2 rows) stays open
        }
        long started = System.nanoTime();
        inserter.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        List<Path> files = SpoolDirectory.of(spool).files();
        assertThat(files).extracting(f -> SpoolDirectory.read(f).dedupToken()).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(files).extracting(f -> SpoolDirectory.read(f).rows()).containsExactlyInAnyOrder(3L, 2L);
        assertThat(files).allSatisfy(f -> assertThat(SpoolDirectory.read(f).lastError()).contains("closeTimeout"));
        InserterStats stats = inserter.stats();
        assertThat(stats.spooledBatches()).isEqualTo(2);
        assertThat(stats.bufferedRows()).isZero();
        assertThat(stats.bufferedBytes()).isZero();
    }

    @Test
    void theDefaultSchedulerIsANamedDaemonThreadThatCommitsOnItsOwn() throws InterruptedException {
        try (Inserter<Long> inserter = Inserter.builder("events", List.of("id"), LONG_ENCODER, sender)
                .shutdownHook(false).period(Duration.ofMillis(50)).inserterId("daemon").build()) {
            inserter.write(1L);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (sender.committed().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(sender.committedValues()).containsExactly(1L);
            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(t -> t.getName().equals("chspring-inserter-events-daemon"))
                    .singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
        }
    }

    @Test
    void theShutdownHookClosesTheInserter() {
        Inserter<Long> inserter = Inserter.builder("events", List.of("id"), LONG_ENCODER, sender)
                .period(Duration.ofHours(1)).build();
        Thread hook = inserter.shutdownHookThread();
        assertThat(hook.getName()).isEqualTo("chspring-inserter-shutdown-events");
        inserter.write(1L);
        hook.run(); // what the JVM does at exit, here on the test thread

        assertThat(sender.committedRows()).isEqualTo(1);
        assertThatThrownBy(() -> inserter.write(2L)).isInstanceOf(IllegalStateException.class);
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("close() removed the hook").isFalse();
    }

    @Test
    void theShutdownHookIsOptional() {
        try (Inserter<Long> inserter = Inserter.builder("events", List.of("id"), LONG_ENCODER, sender)
                .shutdownHook(false).build()) {
            assertThat(inserter.shutdownHookThread()).isNull();
        }
    }
}
