package io.chspring.client.insert;

import io.chspring.client.ClickHouseException;
import io.chspring.client.compression.ClickHouseLz4InputStream;
import io.chspring.client.compression.ClickHouseLz4OutputStream;
import io.chspring.client.transport.Lz4FramedBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A batch held in memory as RowBinary bytes in a list of chunks. Chunks grow from 4 KiB to 1 MiB, so a
 * small batch stays small and a large one is never copied to grow.
 *
 * <p>A <em>framed</em> batch (the inserter sends through a client that LZ4-compresses request bodies) compresses
 * each chunk into one ClickHouse LZ4 frame as soon as the chunk is full, and the last one when the batch is sealed:
 * compression then runs while rows are still being written, spread over the writers, and the send loop only streams
 * the frames ({@link #writeLz4FramesTo}); the batch also holds a third of the memory. The writer that fills a chunk
 * compresses it after it released the inserter's lock ({@link #compressPending()}): compressing 1 MiB under the lock
 * made the other writers park on it, and every unlock then paid for waking one (measured with 4 writers on 2 cores,
 * benchmarks/RESULTS.md). Whoever needs the frames first (seal, send, spool) compresses what still waits. {@link #writeTo} still writes
 * the plain RowBinary payload (decompressing the frames), for spool files and any other sender.
 *
 * <p>Rows are appended under the inserter's lock until the batch is sealed; after that it is read-only
 * and only the send loop (or close) touches it. Frames are made under this batch's monitor, in chunk order. {@link #claim()} makes sure exactly one outcome, commit or
 * failure handling, is recorded even when close gives up on a batch that is still being sent.
 */
final class BatchBuffer extends AbstractBatch implements Lz4FramedBody {

    private static final int FIRST_CHUNK = 4 << 10;
    private static final int MAX_CHUNK = 1 << 20;

    private final long sequence;
    private final boolean framed;
    /** Full plain chunks, or (framed) the frames of the chunks compressed so far. */
    private final List<byte[]> chunks = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();
    /**
     * Framed: full chunks waiting to be compressed, oldest first. A writer that fills a chunk queues it here under the
     * inserter's lock and compresses it after releasing that lock ({@link #compressPending()}), so the other writers
     * do not wait on the lock through a compression; {@link #seal} and every reader compress what is left first.
     */
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    /** Framed: a compressed chunk's array, handed back for the next full-size tail. */
    private final AtomicReference<byte[]> spare = new AtomicReference<>();
    private byte[] tail;
    private int tailUsed;
    private final AtomicLong held = new AtomicLong();
    private InserterScheduler.Cancel periodTimer = () -> { };

    BatchBuffer(String table, List<String> columns, long sequence, String dedupToken, Instant createdAt) {
        this(table, columns, sequence, dedupToken, createdAt, false);
    }

    BatchBuffer(String table, List<String> columns, long sequence, String dedupToken, Instant createdAt,
            boolean framed) {
        super(table, columns, dedupToken, createdAt, 0, 0);
        this.sequence = sequence;
        this.framed = framed;
    }

    /** The scratch a framed batch compresses a chunk into: one per inserter, used under its lock. */
    static byte[] frameScratch() {
        return new byte[ClickHouseLz4OutputStream.maxFrameLength(MAX_CHUNK)];
    }

    /** Frame scratches for {@link #compressPending()} outside the inserter's lock, shared by all batches. */
    private static final ArrayBlockingQueue<byte[]> SCRATCHES = new ArrayBlockingQueue<>(8);

    /** A full chunk of a framed batch, not compressed yet. */
    private record Pending(byte[] bytes, int length) {
    }

    /**
     * Appends one encoded row. A framed batch queues each chunk it fills for compression ({@link #hasPending()}); the
     * caller compresses it with {@link #compressPending()} once it released the inserter's lock. Returns the bytes
     * compression freed here, which the caller gives back to the inserter's memory (0 now that compression happens
     * in {@link #compressPending()} and {@link #seal}; {@code scratch} is kept for callers that compress at once).
     */
    long appendRow(byte[] source, int length, byte[] scratch) {
        int offset = 0;
        while (offset < length) {
            if (tail == null || tailUsed == tail.length) {
                closeTail();
                int size = tail == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, tail.length * 2);
                if (!framed || tail == null || tail.length < size) {
                    tail = new byte[Math.max(size, Math.min(MAX_CHUNK, length - offset))];
                } else {
                    byte[] reuse = spare.getAndSet(null); // the tail itself waits in pending
                    tail = reuse != null ? reuse : new byte[MAX_CHUNK];
                }
                tailUsed = 0;
            }
            int n = Math.min(length - offset, tail.length - tailUsed);
            System.arraycopy(source, offset, tail, tailUsed, n);
            tailUsed += n;
            offset += n;
        }
        counted(length);
        held.addAndGet(length);
        return scratch == null || pending.isEmpty() ? 0 : compressPending(scratch);
    }

    /** Whether full chunks wait for {@link #compressPending()}. */
    boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * Compresses the chunks waiting, oldest first, into frames; callable from any thread, any number of times.
     * Returns the bytes compression freed, which the caller gives back to the inserter's memory.
     */
    long compressPending() {
        return compressPending(null);
    }

    private synchronized long compressPending(byte[] scratch) {
        long freed = 0;
        byte[] out = scratch;
        Pending next;
        while ((next = pending.poll()) != null) {
            if (out == null) {
                out = SCRATCHES.poll();
                out = out != null ? out : frameScratch();
            }
            int length = ClickHouseLz4OutputStream.frame(next.bytes(), 0, next.length(), out, 0);
            chunks.add(Arrays.copyOf(out, length));
            freed += next.length() - length;
            if (next.bytes().length == MAX_CHUNK) {
                spare.set(next.bytes());
            }
        }
        if (out != null && out != scratch) {
            SCRATCHES.offer(out);
        }
        held.addAndGet(-freed);
        return freed;
    }

    /** Appends one encoded row to a plain batch. */
    void appendRow(byte[] source, int length) {
        if (framed) {
            throw new IllegalStateException("a framed batch needs a scratch buffer");
        }
        appendRow(source, length, null);
    }

    /** Done appending: a framed batch compresses what waits and its last chunk. Returns the bytes compression freed. */
    long seal(byte[] scratch) {
        if (!framed) {
            return 0;
        }
        closeTail();
        tail = null;
        return compressPending(scratch);
    }

    /** Moves the filled part of the tail to {@link #chunks}, or (framed) queues it for compression. */
    private void closeTail() {
        if (tail == null || tailUsed == 0) {
            return;
        }
        if (framed) {
            pending.add(new Pending(tail, tailUsed));
        } else {
            chunks.add(tail); // called only for a full tail about to be replaced
        }
        tailUsed = 0;
    }

    /** The bytes this batch holds: the payload, or (framed) its frames plus what waits to be compressed. */
    long held() {
        return held.get();
    }

    /** Whether the payload is held as LZ4 frames (see the class comment). */
    boolean framed() {
        return framed;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (framed) {
            compressPending();
            try (InputStream plain = new ClickHouseLz4InputStream(new SequenceInputStream(Collections.enumeration(
                    chunks.stream().map(ByteArrayInputStream::new).toList())))) {
                plain.transferTo(out);
            }
        } else {
            for (byte[] chunk : chunks) {
                out.write(chunk);
            }
        }
        if (tail != null && tailUsed > 0) {
            out.write(tail, 0, tailUsed);
        }
    }

    /** The frames; a batch not {@link #seal sealed} yet frames what it holds in a temporary buffer. */
    @Override
    public void writeLz4FramesTo(OutputStream out) throws IOException {
        if (!framed) {
            ClickHouseLz4OutputStream lz4 = new ClickHouseLz4OutputStream(out);
            writeTo(lz4);
            lz4.finish();
            return;
        }
        compressPending();
        for (byte[] frame : chunks) {
            out.write(frame);
        }
        if (tail != null && tailUsed > 0) {
            byte[] frame = new byte[ClickHouseLz4OutputStream.maxFrameLength(tailUsed)];
            out.write(frame, 0, ClickHouseLz4OutputStream.frame(tail, 0, tailUsed, frame, 0));
        }
    }

    @Override
    public long uncompressedBytes() {
        return bytes();
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
