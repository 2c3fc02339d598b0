package io.chspring.client.inserter;

import static io.chspring.client.inserter.InserterTestSender.LONG_ENCODER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InserterThresholdTests {

    private final InserterTestScheduler scheduler = new InserterTestScheduler();
    private final InserterTestSender sender = new InserterTestSender();
    private Inserter<Long> inserter;

    private InserterBuilder<Long> builder() {
        return Inserter.builder("events", List.of("id"), LONG_ENCODER, sender)
                .clock(scheduler).scheduler(scheduler).shutdownHook(false)
                .maxRows(Long.MAX_VALUE).maxBytes(Long.MAX_VALUE / 8).period(Duration.ofHours(1)).periodBias(0)
                .inserterId("test");
    }

    @AfterEach
    void close() {
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
    void maxRowsAloneCommitsABatch() {
        inserter = builder().maxRows(10).build();
        writeRange(0, 25);
        scheduler.awaitIdle();

        assertThat(sender.committed()).extracting(InserterTestSender.Attempt::rows).containsExactly(10L, 10L);
        assertThat(sender.committedValues()).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 20).boxed().toList());
        InserterStats stats = inserter.stats();
        assertThat(stats.inserts()).isEqualTo(2);
        assertThat(stats.committedRows()).isEqualTo(20);
        assertThat(stats.committedBytes()).isEqualTo(160);
        assertThat(stats.bufferedRows()).isEqualTo(5);
        assertThat(stats.bufferedBytes()).isEqualTo(40);
        assertThat(stats.lastCommitAt()).isEqualTo(InserterTestScheduler.EPOCH);
    }

    @Test
    void maxBytesAloneCommitsABatchAndNeverExceedsIt() {
        inserter = builder().maxBytes(84).build();
        writeRange(0, 25);
        scheduler.awaitIdle();

        // The 11th row would make 88 bytes > 84: the batch is sealed before it, at 80 bytes.
        assertThat(sender.committed()).extracting(a -> a.payload().length).containsExactly(80, 80);
        assertThat(inserter.stats().bufferedRows()).isEqualTo(5);
    }

    @Test
    void periodCommitsAQuietBatchWithoutAnyCall() {
        inserter = builder().period(Duration.ofSeconds(1)).build();
        writeRange(0, 3);

        scheduler.advance(Duration.ofMillis(999));
        assertThat(sender.attempts()).isEmpty();

        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.committed()).extracting(InserterTestSender.Attempt::rows).containsExactly(3L);
        assertThat(inserter.stats().lastCommitAt()).isEqualTo(InserterTestScheduler.EPOCH.plusSeconds(1));
    }

    @Test
    void periodCountsFromTheFirstRowOfEachBatch() {
        inserter = builder().period(Duration.ofSeconds(1)).build();
        scheduler.advance(Duration.ofSeconds(5)); // an idle inserter has no timer running
        inserter.write(1L);
        scheduler.advance(Duration.ofMillis(500));
        inserter.write(2L);
        scheduler.advance(Duration.ofMillis(500));
        assertThat(sender.committedValues()).containsExactly(1L, 2L);

        scheduler.advance(Duration.ofMillis(200));
        inserter.write(3L);
        scheduler.advance(Duration.ofMillis(999));
        assertThat(sender.committed()).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.committedValues()).containsExactly(1L, 2L, 3L);
        assertThat(inserter.stats().lastCommitAt()).isEqualTo(InserterTestScheduler.EPOCH.plusMillis(7200));
    }

    @Test
    void sealingByThresholdCancelsThePeriodTimer() {
        inserter = builder().maxRows(2).period(Duration.ofSeconds(1)).build();
        writeRange(0, 2);
        scheduler.awaitIdle();
        assertThat(scheduler.scheduledCount()).isZero();
    }

    @Test
    void periodBiasStaysWithinBoundsAndIsUsed() {
        SplittableRandom random = new SplittableRandom(42);
        inserter = builder().period(Duration.ofSeconds(1)).periodBias(0.1).random(random::nextDouble).build();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            long nanos = inserter.biasedPeriod().toNanos();
            min = Math.min(min, nanos);
            max = Math.max(max, nanos);
        }
        assertThat(min).isGreaterThanOrEqualTo(900_000_000L).isLessThan(905_000_000L);
        assertThat(max).isLessThanOrEqualTo(1_100_000_000L).isGreaterThan(1_095_000_000L);
    }

    @Test
    void periodBiasExtremes() {
        double[] next = {0};
        inserter = builder().period(Duration.ofSeconds(1)).periodBias(0.1).random(() -> next[0]).build();
        assertThat(inserter.biasedPeriod()).isEqualTo(Duration.ofMillis(900));
        next[0] = 0.5;
        assertThat(inserter.biasedPeriod()).isEqualTo(Duration.ofSeconds(1));
        next[0] = Math.nextDown(1.0);
        assertThat(inserter.biasedPeriod()).isLessThanOrEqualTo(Duration.ofMillis(1100));
    }

    @Test
    void flushCommitsEverythingWrittenBefore() {
        inserter = builder().build();
        assertThat(inserter.flush().inserts()).isZero();
        writeRange(0, 7);
        InserterStats stats = inserter.flush();
        assertThat(stats.committedRows()).isEqualTo(7);
        assertThat(stats.bufferedRows()).isZero();
        assertThat(stats.bufferedBytes()).isZero();
        assertThat(sender.committed()).singleElement().satisfies(a -> {
            assertThat(a.table()).isEqualTo("events");
            assertThat(a.columns()).containsExactly("id");
            assertThat(a.token()).isEqualTo("test-1");
        });
    }
}
