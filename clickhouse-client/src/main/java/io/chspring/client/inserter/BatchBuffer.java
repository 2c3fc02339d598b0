package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;
import io.chspring.client.compression.ClickHouseLz4InputStream;
import io.chspring.client.compression.FrameCodec;
import io.chspring.client.transport.BodySink;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A batch held in memory as RowBinary bytes in a list of chunks. Chunks grow from 4 KiB to 1 MiB, so a
 * small batch stays small and a large one is never copied to grow.
 *
 * <p>A <em>framed</em> batch (the inserter sends through a client that compresses request bodies, LZ4, LZ4HC or ZSTD) compresses
 * each chunk into one ClickHouse LZ4 frame as soon as the chunk is full, and the last one when the batch is sealed:
 * compression then runs while rows are still being written, spread over the writers, and the send loop only streams
 * the frames ({@link #writeBody}); the batch also holds a third of the memory. {@link #writeTo} writes the plain
 * RowBinary payload (decompressing the frames) for spool files, which hold plain RowBinary so that any sender and
 * any server can replay them.
 *
 * <p>Rows are appended under the inserter's lock until the batch is sealed; after that it is read-only
 * and only the send loop (or close) touches it. {@link #claim()} makes sure exactly one outcome, commit or
 * failure handling, is recorded even when close gives up on a batch that is still being sent.
 */
final class BatchBuffer extends AbstractBatch {

    private static final int FIRST_CHUNK = 4 << 10;
    private static final int MAX_CHUNK = 1 << 20;

    private final long sequence;
    private final boolean framed;
    /** How a framed batch compresses its chunks; {@code null} for a plain one. */
    private final FrameCodec codec;
    /** Full plain chunks, or (framed) the frames of the chunks compressed so far. */
    private final List<byte[]> chunks = new ArrayList<>();
    /** Framed: the uncompressed length of each frame in {@link #chunks}. */
    private final List<Integer> plainLengths = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();
    private byte[] tail;
    private int tailUsed;
    private long held;
    private InserterScheduler.Cancel periodTimer = () -> { };

    BatchBuffer(String table, List<String> columns, long sequence, String dedupToken, Instant createdAt) {
        this(table, columns, sequence, dedupToken, createdAt, null);
    }

    BatchBuffer(String table, List<String> columns, long sequence, String dedupToken, Instant createdAt,
            boolean framed) {
        this(table, columns, sequence, dedupToken, createdAt, framed ? FrameCodec.lz4() : null);
    }

    /** A batch framed by {@code codec} as rows are appended, or plain when it is {@code null}. */
    BatchBuffer(String table, List<String> columns, long sequence, String dedupToken, Instant createdAt,
            FrameCodec codec) {
        super(table, columns, dedupToken, createdAt, 0, 0);
        this.sequence = sequence;
        this.framed = codec != null;
        this.codec = codec;
    }

    /** The scratch an LZ4-framed batch compresses a chunk into. */
    static byte[] frameScratch() {
        return frameScratch(FrameCodec.lz4());
    }

    /** The scratch a framed batch compresses a chunk into: one per inserter, used under its lock. */
    static byte[] frameScratch(FrameCodec codec) {
        return new byte[codec.maxFrameLength(MAX_CHUNK)];
    }

    /**
     * Appends one encoded row; a framed batch compresses each chunk it fills into {@code scratch}. Returns the bytes
     * compression freed, which the caller gives back to the inserter's memory.
     */
    long appendRow(byte[] source, int length, byte[] scratch) {
        return appendRow(source, 0, length, scratch);
    }

    /** {@link #appendRow(byte[], int, byte[])} for the row at {@code from} in {@code source}. */
    long appendRow(byte[] source, int from, int length, byte[] scratch) {
        long freed = 0;
        int offset = 0;
        while (offset < length) {
            if (tail == null || tailUsed == tail.length) {
                freed += closeTail(scratch);
                int size = tail == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, tail.length * 2);
                if (!framed || tail == null || tail.length < size) {
                    tail = new byte[Math.max(size, Math.min(MAX_CHUNK, length - offset))];
                } // a framed batch reuses its compressed chunk once it reached the largest size
                tailUsed = 0;
            }
            int n = Math.min(length - offset, tail.length - tailUsed);
            System.arraycopy(source, from + offset, tail, tailUsed, n);
            tailUsed += n;
            offset += n;
        }
        counted(length);
        held += length;
        return freed;
    }

    /** Appends one encoded row to a plain batch. */
    void appendRow(byte[] source, int length) {
        if (framed) {
            throw new IllegalStateException("a framed batch needs a scratch buffer");
        }
        appendRow(source, length, null);
    }

    /** Done appending: a framed batch compresses its last chunk. Returns the bytes compression freed. */
    long seal(byte[] scratch) {
        long freed = framed ? closeTail(scratch) : 0;
        if (framed) {
            tail = null;
        }
        return freed;
    }

    /** Moves the filled part of the tail to {@link #chunks}, as a frame when framed; returns the bytes freed. */
    private long closeTail(byte[] scratch) {
        if (tail == null || tailUsed == 0) {
            return 0;
        }
        if (!framed) {
            chunks.add(tail); // called only for a full tail about to be replaced
            return 0;
        }
        int length = codec.frame(tail, 0, tailUsed, scratch, 0);
        chunks.add(Arrays.copyOf(scratch, length));
        plainLengths.add(tailUsed);
        long freed = tailUsed - length;
        held -= freed;
        tailUsed = 0;
        return freed;
    }

    /** The bytes this batch holds: the payload, or (framed) its frames plus what waits to be compressed. */
    long held() {
        return held;
    }

    /** Whether the payload is held as compressed frames (see the class comment). */
    boolean framed() {
        return framed;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (framed) {
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

    /**
     * A framed batch hands its frames as they are (a batch not {@link #seal sealed} yet frames what it holds in a
     * temporary buffer); a plain one writes its plain bytes, which the sink frames when the body is compressed.
     */
    @Override
    public void writeBody(BodySink sink) throws IOException {
        if (!framed) {
            writeTo(sink.plain());
            return;
        }
        for (int i = 0; i < chunks.size(); i++) {
            byte[] frame = chunks.get(i);
            sink.frame(frame, 0, frame.length, plainLengths.get(i));
        }
        if (tail != null && tailUsed > 0) {
            byte[] frame = new byte[codec.maxFrameLength(tailUsed)];
            sink.frame(frame, 0, codec.frame(tail, 0, tailUsed, frame, 0), tailUsed);
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
