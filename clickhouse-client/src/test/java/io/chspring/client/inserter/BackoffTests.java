package io.chspring.client.inserter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private static Backoff backoff(double u, Duration budget) {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), budget, () -> u);
    }

    @Test
    void capDoublesFromInitialUpToMax() {
        Backoff backoff = backoff(0.5, Duration.ofHours(1));
        assertThat(backoff.capNanos(0)).isEqualTo(100_000_000L);
        assertThat(backoff.capNanos(1)).isEqualTo(200_000_000L);
        assertThat(backoff.capNanos(2)).isEqualTo(400_000_000L);
        assertThat(backoff.capNanos(3)).isEqualTo(800_000_000L);
        assertThat(backoff.capNanos(4)).isEqualTo(1_000_000_000L);
        assertThat(backoff.capNanos(63)).isEqualTo(1_000_000_000L);
        assertThat(backoff.capNanos(1000)).isEqualTo(1_000_000_000L);
    }

    @Test
    void waitIsTheCapTimesTheRandomFraction() {
        Backoff backoff = backoff(0.25, Duration.ofHours(1));
        assertThat(backoff.next(0, Duration.ZERO)).contains(Duration.ofMillis(25));
        assertThat(backoff.next(2, Duration.ZERO)).contains(Duration.ofMillis(100));
        assertThat(backoff.next(9, Duration.ZERO)).contains(Duration.ofMillis(250));
    }

    @Test
    void fullJitterCoversZeroToCap() {
        SplittableRandom random = new SplittableRandom(7);
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofHours(1),
                random::nextDouble);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long wait = backoff.next(3, Duration.ZERO).orElseThrow().toNanos();
            min = Math.min(min, wait);
            max = Math.max(max, wait);
        }
        assertThat(min).isGreaterThanOrEqualTo(0).isLessThan(1_000_000L);
        assertThat(max).isLessThan(800_000_000L).isGreaterThan(799_000_000L);
    }

    @Test
    void stopsWhenTheWaitWouldOverrunTheBudget() {
        Backoff backoff = backoff(0.5, Duration.ofMillis(1000));
        assertThat(backoff.next(0, Duration.ofMillis(950))).contains(Duration.ofMillis(50));
        assertThat(backoff.next(0, Duration.ofMillis(951))).isEmpty();
        assertThat(backoff.next(3, Duration.ofMillis(600))).contains(Duration.ofMillis(400));
        assertThat(backoff.next(3, Duration.ofMillis(601))).isEmpty();
        assertThat(backoff(0.5, Duration.ZERO).next(0, Duration.ZERO)).isEmpty();
    }
}
