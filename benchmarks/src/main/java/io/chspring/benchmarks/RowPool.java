package io.chspring.benchmarks;

import java.util.function.LongFunction;

/**
 * The rows an application already holds when it inserts: a fixed pool of distinct {@link Dataset} rows, built before
 * any clock starts, that every client cycles through alike (row {@code i} is pool entry {@code i % size}). The curl
 * limit's file is written from the same cycled sequence, so every client and curl send identical row content, and
 * no client's figure includes making the rows.
 *
 * @param <R> the row object a client takes ({@link Event} for ours and JDBC, {@link EventBean} for client-v2)
 */
final class RowPool<R> {

    /** Distinct rows in the end-to-end runs: large enough that the server cannot profit from repetition. */
    static final int DEFAULT_SIZE = 100_000;

    private final Object[] rows;

    private RowPool(int size, LongFunction<R> make) {
        rows = new Object[size];
        for (int i = 0; i < size; i++) {
            rows[i] = make.apply(i);
        }
    }

    /** A pool of {@code size} rows, {@link Dataset#event(long)} 0 to size - 1. */
    static RowPool<Event> events(int size) {
        return new RowPool<>(size, Dataset::event);
    }

    /** The same rows as client-v2 beans. */
    static RowPool<EventBean> beans(int size) {
        return new RowPool<>(size, i -> EventBean.of(Dataset.event(i)));
    }

    /** Row {@code i} of the cycled sequence. */
    @SuppressWarnings("unchecked")
    R row(long i) {
        return (R) rows[(int) (i % rows.length)];
    }

    int size() {
        return rows.length;
    }
}
