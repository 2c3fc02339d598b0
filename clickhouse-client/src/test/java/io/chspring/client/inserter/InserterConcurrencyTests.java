package io.chspring.client.inserter;

import static io.chspring.client.inserter.InserterTestSender.LONG_ENCODER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InserterConcurrencyTests {

    private static final int THREADS = 8;
    private static final int ROWS_PER_THREAD = 125_000;

    /** Counts rows and checksums payload bytes on arrival, so a million rows need no list of copies. */
    private static final class CountingSender implements BatchSender {
        final AtomicLong rows = new AtomicLong();
        final AtomicLong checksum = new AtomicLong();
        final List<long[]> values = new ArrayList<>();

        @Override
        public synchronized void send(Batch batch) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) batch.bytes());
            try {
                batch.writeTo(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            long[] batchValues = new long[buffer.remaining() / 8];
            for (int i = 0; i < batchValues.length; i++) {
                batchValues[i] = buffer.getLong();
                checksum.addAndGet(mix(batchValues[i]));
            }
            assertThat(buffer.hasRemaining()).isFalse();
            assertThat(batchValues).hasSize((int) batch.rows());
            rows.addAndGet(batch.rows());
            values.add(batchValues);
        }
    }

    /** A strong 64-bit mix (SplitMix64 finalizer), summed: order-free but sensitive to every bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Test
    void eightThreadsWriteAMillionRowsAndExactlyThoseArrive() throws Exception {
        CountingSender sender = new CountingSender();
        AtomicLong written = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Inserter<Long> inserter = Inserter.builder("events", List.of("id"), LONG_ENCODER, sender)
                .shutdownHook(false).maxRows(50_000).maxBytes(400_000).maxBufferedBytes(1_200_000).period(Duration.ofMillis(20))
                .build()) {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long base = (long) t << 40;
                writers.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    long sum = 0;
                    for (long i = 0; i < ROWS_PER_THREAD; i++) {
                        long value = base | (i * 7919);
                        inserter.write(value);
                        sum += mix(value);
                    }
                    written.addAndGet(sum);
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            InserterStats stats = inserter.flush();
            assertThat(stats.committedRows()).isEqualTo(1_000_000);
            assertThat(stats.bufferedRows()).isZero();
            assertThat(stats.failures()).isZero();
        } finally {
            pool.shutdownNow();
        }

        assertThat(sender.rows.get()).isEqualTo(1_000_000);
        assertThat(sender.checksum.get()).isEqualTo(written.get());
        long[] all = sender.values.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        assertThat(all).hasSize(1_000_000);
        long duplicates = java.util.stream.IntStream.range(1, all.length).filter(i -> all[i] == all[i - 1]).count();
        assertThat(duplicates).as("rows received twice").isZero();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
