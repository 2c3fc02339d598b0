package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cap on bytes buffered across all pending batches of one inserter (the open one and those waiting to
 * be sent or retried). Writers reserve room before appending and wait, up to a limit, when there is none;
 * bytes are released when their batch is committed or handed to the failure handler.
 *
 * <p>Reserving is a compare-and-set while there is room, so writers do not queue on a second lock per
 * row; only a writer that must wait takes the lock. A releaser signals only when someone waits: the
 * waiter registers before it re-checks, the releaser frees before it looks for waiters, so one of them
 * always sees the other.
 */
final class InserterMemory {

    private final String table;
    private final long capacity;
    private final AtomicLong used = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();

    InserterMemory(String table, long capacity) {
        this.table = table;
        this.capacity = capacity;
    }

    /** Reserves {@code bytes}, waiting up to {@code timeout} for room; throws when there is none by then. */
    void reserve(long bytes, Duration timeout) {
        if (bytes > capacity) {
            throw new ClickHouseException("Inserter for table '" + table + "': a row of " + bytes
                    + " bytes is larger than maxBufferedBytes (" + capacity + "); the row was not accepted");
        }
        if (tryReserve(bytes)) {
            return;
        }
        long remaining = timeout.toNanos();
        lock.lock();
        waiting.incrementAndGet();
        try {
            while (!tryReserve(bytes)) {
                if (remaining <= 0) {
                    throw new ClickHouseTimeoutException("Inserter for table '" + table + "': buffer full ("
                            + used.get() + " of maxBufferedBytes=" + capacity + " bytes pending), waited "
                            + timeout.toMillis() + " ms (writeTimeout) for room; the row was not accepted. "
                            + "The server is slower than the writers or failing: see the inserter's stats and log");
                }
                remaining = released.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException("Inserter for table '" + table
                    + "': interrupted while waiting for buffer room; the row was not accepted", e);
        } finally {
            waiting.decrementAndGet();
            lock.unlock();
        }
    }

    private boolean tryReserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > capacity) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
        if (waiting.get() > 0) {
            lock.lock();
            try {
                released.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    long used() {
        return used.get();
    }
}
