package io.chspring.client.insert;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseTimeoutException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cap on bytes buffered across all pending batches of one inserter (the open one and those waiting to
 * be sent or retried). Writers reserve room before appending and wait, up to a limit, when there is none;
 * bytes are released when their batch is committed or handed to the failure handler.
 */
final class InserterMemory {

    private final String table;
    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long used;

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
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (used + bytes > capacity) {
                if (remaining <= 0) {
                    throw new ClickHouseTimeoutException("Inserter for table '" + table + "': buffer full ("
                            + used + " of maxBufferedBytes=" + capacity + " bytes pending), waited "
                            + timeout.toMillis() + " ms (writeTimeout) for room; the row was not accepted. "
                            + "The server is slower than the writers or failing: see the inserter's stats and log");
                }
                remaining = released.awaitNanos(remaining);
            }
            used += bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException("Inserter for table '" + table
                    + "': interrupted while waiting for buffer room; the row was not accepted", e);
        } finally {
            lock.unlock();
        }
    }

    void release(long bytes) {
        lock.lock();
        try {
            used -= bytes;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }
}
