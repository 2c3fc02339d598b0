package io.chspring.client.inserter;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The live counters behind {@link InserterStats}; updated by writers and the send loop. */
final class InserterMetrics {

    private final AtomicLong committedRows = new AtomicLong();
    private final AtomicLong committedBytes = new AtomicLong();
    private final AtomicLong inserts = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong spooledBatches = new AtomicLong();
    private final AtomicLong lostBatches = new AtomicLong();
    private final AtomicLong bufferedRows = new AtomicLong();
    private final AtomicReference<Instant> lastCommitAt = new AtomicReference<>();

    void rowBuffered() {
        bufferedRows.incrementAndGet();
    }

    void committed(Batch batch, Instant at) {
        committedRows.addAndGet(batch.rows());
        committedBytes.addAndGet(batch.bytes());
        inserts.incrementAndGet();
        bufferedRows.addAndGet(-batch.rows());
        lastCommitAt.set(at);
    }

    void failed(Batch batch, boolean kept) {
        failures.incrementAndGet();
        (kept ? spooledBatches : lostBatches).incrementAndGet();
        bufferedRows.addAndGet(-batch.rows());
    }

    void retried() {
        retries.incrementAndGet();
    }

    InserterStats snapshot(long bufferedBytes) {
        return new InserterStats(committedRows.get(), committedBytes.get(), inserts.get(), failures.get(),
                retries.get(), spooledBatches.get(), lostBatches.get(), bufferedRows.get(), bufferedBytes,
                lastCommitAt.get());
    }
}
