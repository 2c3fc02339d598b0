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
    /**
     * 1 MiB less an array header's worth: G1 stores an array above half a region in whole regions of its own, and its
     * regions are 1 MiB in heaps under 4 GiB, so a chunk of exactly 1 MiB (plus the 16-byte header) took two regions,
     * and a batch twice its size in heap (measured: 585 MB peak for 256 MiB buffered). This size fills one region.
     */
    private static final int MAX_CHUNK = (1 << 20) - 64;

    private final long sequence;
    private final boolean framed;
    /** How a framed batch compresses its chunks; {@code null} for a plain one. */
    private final FrameCodec codec;
    /** Full plain chunks, or (framed) the frames of the chunks compressed so far. */
    private final ArrayList<byte[]> chunks = new ArrayList<>();
    /** Framed: the uncompressed length of each frame in {@link #chunks}. */
    private final ArrayList<Integer> plainLengths = new ArrayList<>();
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

    /**
     * {@link #appendRow(byte[], int, byte[])} for the row at {@code from} in {@code source}.
     *
     * <p>Failure-atomic: every allocation (a new chunk, a frame) happens before the batch changes, so an
     * {@link OutOfMemoryError} leaves the batch exactly as it was. Before, a chunk that failed to allocate after the
     * full one had been listed left that full chunk as the tail too, and the next row listed it again: the batch then
     * carried a duplicated MiB of rows, which the server refused (code 33) or could have parsed as other rows.
     */
    long appendRow(byte[] source, int from, int length, byte[] scratch) {
        long freed = 0;
        int room = tail == null ? 0 : tail.length - tailUsed;
        if (length <= room) {
            System.arraycopy(source, from, tail, tailUsed, length);
            tailUsed += length;
        } else if (framed) {
            // A frame holds whole rows: the tail is framed before a row that does not fit, so it never holds a part
            // of the row being appended and can be reused (or replaced) without anything to undo.
            // The new tail before the frame: closing the tail changes the batch, so nothing may fail after it.
            byte[] next = tail == null || tail.length < length || tail.length < MAX_CHUNK
                    ? new byte[Math.max(length, nextChunk())] : tail;
            freed = closeTail(scratch);
            tail = next;
            System.arraycopy(source, from, tail, 0, length);
            tailUsed = length;
        } else {
            // The rest of the row goes into one new chunk, allocated (and the full one listed) before any byte moves.
            byte[] next = new byte[Math.max(length - room, nextChunk())];
            if (tail != null) {
                chunks.add(tail);
                System.arraycopy(source, from, tail, tailUsed, room);
            }
            System.arraycopy(source, from + room, next, 0, length - room);
            tail = next;
            tailUsed = length - room;
        }
        counted(length);
        held += length;
        return freed;
    }

    /** The size of the chunk after the tail: 4 KiB first, then doubling up to {@link #MAX_CHUNK}. */
    private int nextChunk() {
        return tail == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, tail.length * 2);
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
        if (!framed) {
            return 0;
        }
        long freed = closeTail(scratch);
        tail = null;
        return freed;
    }

    /**
     * Framed: compresses the filled part of the tail into one frame and lists it; returns the bytes freed. The frame
     * is allocated before anything changes (see {@link #appendRow(byte[], int, int, byte[])}). A frame that is not
     * smaller than its rows (a few incompressible bytes: the 25-byte frame header outweighs what LZ4 saves) frees
     * nothing rather than taking more room than was reserved: the cap counts such a chunk at its plain size, which the
     * frame exceeds by at most 25 bytes plus LZ4's worst case of 1/255.
     */
    private long closeTail(byte[] scratch) {
        if (tail == null || tailUsed == 0) {
            return 0;
        }
        // A row larger than a chunk sits in a tail of its own size and becomes several frames of at most a chunk.
        int pieces = (tailUsed + MAX_CHUNK - 1) / MAX_CHUNK;
        byte[][] frames = new byte[pieces][];
        Integer[] plain = new Integer[pieces];
        long frameBytes = 0;
        for (int i = 0; i < pieces; i++) {
            int from = i * MAX_CHUNK;
            plain[i] = Math.min(MAX_CHUNK, tailUsed - from);
            int length = codec.frame(tail, from, plain[i], scratch, 0);
            frames[i] = Arrays.copyOf(scratch, length);
            frameBytes += length;
        }
        chunks.ensureCapacity(chunks.size() + pieces);
        plainLengths.ensureCapacity(plainLengths.size() + pieces);
        for (int i = 0; i < pieces; i++) { // nothing below allocates: the batch changes all at once or not at all
            chunks.add(frames[i]);
            plainLengths.add(plain[i]);
        }
        long freed = Math.max(0, tailUsed - frameBytes);
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
