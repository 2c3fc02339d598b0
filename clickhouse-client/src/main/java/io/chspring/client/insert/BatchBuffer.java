package io.chspring.client.insert;

import io.chspring.client.ClickHouseException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A batch held in memory as RowBinary bytes in a list of chunks. Chunks grow from 4 KiB to 1 MiB, so a
 * small batch stays small and a large one is never copied to grow.
 *
 * <p>Rows are appended under the inserter's lock until the batch is sealed; after that it is read-only
 * and only the send loop (or close) touches it. {@link #claim()} makes sure exactly one outcome, commit or
 * failure handling, is recorded even when close gives up on a batch that is still being sent.
 */
final class BatchBuffer extends AbstractBatch {

    private static final int FIRST_CHUNK = 4 << 10;
    private static final int MAX_CHUNK = 1 << 20;

    private final long sequence;
    private final List<byte[]> chunks = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();
    private int tailUsed;
    private InserterScheduler.Cancel periodTimer = () -> { };

    BatchBuffer(String table, List<String> columns, long sequence, String dedupToken, Instant createdAt) {
        super(table, columns, dedupToken, createdAt, 0, 0);
        this.sequence = sequence;
    }

    /** Appends one encoded row. */
    void appendRow(byte[] source, int length) {
        int offset = 0;
        while (offset < length) {
            byte[] tail = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            if (tail == null || tailUsed == tail.length) {
                int size = tail == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, tail.length * 2);
                tail = new byte[Math.max(size, Math.min(MAX_CHUNK, length - offset))];
                chunks.add(tail);
                tailUsed = 0;
            }
            int n = Math.min(length - offset, tail.length - tailUsed);
            System.arraycopy(source, offset, tail, tailUsed, n);
            tailUsed += n;
            offset += n;
        }
        counted(length);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        int last = chunks.size() - 1;
        for (int i = 0; i < last; i++) {
            out.write(chunks.get(i));
        }
        if (last >= 0) {
            out.write(chunks.get(last), 0, tailUsed);
        }
    }

    /** True for the first caller only: the one that decides what happens to this batch. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    boolean isClaimed() {
        return claimed.get();
    }

    void committed() {
        done.complete(null);
    }

    void failed(ClickHouseException error) {
        done.completeExceptionally(error);
    }

    CompletableFuture<Void> done() {
        return done;
    }

    void periodTimer(InserterScheduler.Cancel timer) {
        this.periodTimer = timer;
    }

    void cancelPeriodTimer() {
        periodTimer.cancel();
    }

    long sequence() {
        return sequence;
    }

    @Override
    public String toString() {
        return "Batch[table=" + table() + ", token=" + dedupToken() + ", rows=" + rows() + ", bytes=" + bytes() + "]";
    }
}
