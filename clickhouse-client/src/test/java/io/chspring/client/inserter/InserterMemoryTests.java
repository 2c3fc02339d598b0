package io.chspring.client.inserter;

import static io.chspring.client.inserter.InserterTestSender.LONG_ENCODER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InserterMemoryTests {

    private final InserterTestScheduler scheduler = new InserterTestScheduler();
    private final InserterTestSender sender = new InserterTestSender();
    private final CountDownLatch serverBack = new CountDownLatch(1);
    private Inserter<Long> inserter;

    /** A server that hangs until the test lets it answer. */
    private final BatchSender slowServer = batch -> {
        try {
            if (!serverBack.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("test never released the server");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseTimeoutException("interrupted");
        }
        sender.send(batch);
    };

    private InserterBuilder<Long> builder(BatchSender target) {
        return Inserter.builder("events", List.of("id"), LONG_ENCODER, target)
                .clock(scheduler).scheduler(scheduler).shutdownHook(false).period(Duration.ofHours(1))
                .maxBytes(80).maxBufferedBytes(160).inserterId("mem");
    }

    @AfterEach
    void close() {
        serverBack.countDown();
        if (inserter != null) {
            inserter.close();
        }
        scheduler.shutdown();
    }

    private void writeRange(long from, long to) {
        for (long v = from; v < to; v++) {
            inserter.write(v);
        }
    }

    @Test
    void aFullBufferMakesWritersWaitThenFailWithoutLosingAcceptedRows() {
        inserter = builder(slowServer).writeTimeout(Duration.ofMillis(100)).build();
        writeRange(0, 20); // two full batches: one on the wire, one queued

        long started = System.nanoTime();
        assertThatThrownBy(() -> inserter.write(20L))
                .isInstanceOf(ClickHouseTimeoutException.class)
                .hasMessageContaining("table 'events'")
                .hasMessageContaining("buffer full (160 of maxBufferedBytes=160 bytes pending)")
                .hasMessageContaining("waited 100 ms (writeTimeout)")
                .hasMessageContaining("the row was not accepted");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(inserter.stats().bufferedRows()).isEqualTo(20);
        assertThat(inserter.stats().bufferedBytes()).isEqualTo(160);

        serverBack.countDown();
        // The sender frees room on its own thread; on a loaded machine that can take longer than this test's
        // 100 ms writeTimeout, so wait for the room instead of racing it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (inserter.stats().bufferedBytes() >= 160 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        inserter.write(21L);
        inserter.flush();
        assertThat(sender.committedValues()).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(0, 21).filter(v -> v != 20).boxed().toList());
        assertThat(inserter.stats().bufferedBytes()).isZero();
    }

    @Test
    void aWaitingWriterProceedsWhenRoomFrees() throws Exception {
        inserter = builder(slowServer).writeTimeout(Duration.ofSeconds(5)).build();
        writeRange(0, 20);
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> inserter.write(20L));
        Thread.sleep(100);
        assertThat(blocked).isNotDone();

        serverBack.countDown();
        blocked.get(2, TimeUnit.SECONDS);
        inserter.flush();
        assertThat(sender.committedRows()).isEqualTo(21);
    }

    @Test
    void aRowLargerThanTheWholeBufferFailsAtOnce() {
        try (Inserter<byte[]> big = Inserter.<byte[]>builder("events", List.of("blob"), (row, out) -> out.write(row),
                sender).clock(scheduler).scheduler(scheduler).shutdownHook(false).maxBytes(100).maxBufferedBytes(100)
                .writeTimeout(Duration.ofSeconds(5)).build()) {
            assertThatThrownBy(() -> big.write(new byte[101]))
                    .isInstanceOf(ClickHouseException.class)
                    .hasMessageContaining("a row of 101 bytes is larger than maxBufferedBytes (100)");
        }
    }

    @Test
    void anEncodeFailureLeavesTheBatchIntact() {
        RowEncoder<Long> failsOnNegative = (value, out) -> {
            out.write(new byte[] {1, 2, 3, 4}); // half a row already written when it fails
            if (value < 0) {
                throw new IllegalArgumentException("column 'id': value " + value + " is negative");
            }
            LONG_ENCODER.encode(value, out);
        };
        inserter = Inserter.builder("events", List.of("id"), failsOnNegative, sender)
                .clock(scheduler).scheduler(scheduler).shutdownHook(false).period(Duration.ofHours(1)).build();
        inserter.write(1L);
        assertThatThrownBy(() -> inserter.write(-5L))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("table 'events'")
                .hasMessageContaining("column 'id': value -5 is negative");
        inserter.write(2L);
        assertThat(inserter.flush().committedBytes()).isEqualTo(24);
        assertThat(sender.committed().get(0).payload()).containsExactly(
                1, 2, 3, 4, 1, 0, 0, 0, 0, 0, 0, 0,
                1, 2, 3, 4, 2, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void theDefaultCapIsFourBatchesAtMostAQuarterOfTheHeapAndNeverBelowOneBatch() {
        long mib = 1 << 20;
        assertThat(InserterBuilder.defaultMaxBufferedBytes(64 * mib, 4096 * mib)).isEqualTo(256 * mib);
        assertThat(InserterBuilder.defaultMaxBufferedBytes(64 * mib, 1024 * mib)).isEqualTo(256 * mib);
        assertThat(InserterBuilder.defaultMaxBufferedBytes(64 * mib, 512 * mib)).isEqualTo(128 * mib);
        assertThat(InserterBuilder.defaultMaxBufferedBytes(64 * mib, 128 * mib)).isEqualTo(64 * mib);
        assertThat(InserterBuilder.defaultMaxBufferedBytes(4 * mib, 128 * mib)).isEqualTo(16 * mib);
        assertThat(InserterBuilder.defaultMaxBufferedBytes(Long.MAX_VALUE / 2, 128 * mib)).isEqualTo(Long.MAX_VALUE / 2);
    }
}
