package io.chspring.client.insert;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.compression.ClickHouseLz4OutputStream;
import io.chspring.client.compression.FrameCodec;
import io.chspring.client.transport.BodySink;
import io.chspring.client.transport.RequestBody;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands encoded rows from the thread that calls {@link Insert#write} to the thread that writes the request body,
 * in pieces through a small bounded queue, so an insert of any size streams in constant memory. Pieces the body
 * writer is done with come back through a second queue and are filled again, so a long insert allocates a handful
 * of buffers, not one per piece. An {@link #abort()} makes the body writer fail, and the transport then drops the
 * connection in the middle of the chunked body: the server sees a broken request, not an end.
 *
 * <p>Two modes. <em>Plain</em>: pieces are {@value #CHUNK}-byte chunks of RowBinary, at most {@value #CHUNKS}
 * waiting. <em>Framed</em> (the request body is compressed, as its context decided): the writing thread fills a block of
 * {@link ClickHouseLz4OutputStream#DEFAULT_BLOCK_SIZE} bytes and compresses it into one ClickHouse LZ4 frame itself,
 * at most {@value #FRAMES} frames waiting, and the body thread only hands finished frames to the transport's
 * {@link BodySink#frame sink}. Compressing on the writing thread, not on the body thread, is deliberate: the server
 * parses one INSERT on one thread, so a client that keeps its work on one busy thread leaves a core to the server,
 * where a second busy client thread competes with it (measured on 2 cores, 5M rows: 2.33 s and 0.78 s of idle cores
 * with compression on the body thread, 2.11 s and 0.48 s idle with it here; benchmarks/RESULTS.md). Handing whole
 * blocks to the body thread whenever it waits was tried as well and was no faster.
 */
final class RowPipe extends OutputStream implements RequestBody {

    static final int CHUNK = 64 * 1024;
    static final int CHUNKS = 4;
    static final int FRAMES = 2;

    /**
     * One hand-off: {@code length} bytes of {@code bytes} (a frame of {@code plainLength} bytes when framed); the
     * array is recycled when it is a pooled one.
     */
    private record Piece(byte[] bytes, int length, int plainLength, boolean pooled) {
    }

    private static final Piece END = new Piece(new byte[0], 0, 0, false);
    private static final Piece ABORT = new Piece(new byte[0], 0, 0, false);

    private final boolean framed;
    private final BlockingQueue<Piece> queue;
    /** Buffers written out, ready to be filled again; never more than all buffers in use. */
    private final BlockingQueue<byte[]> free;
    private final FrameCodec codec;
    /** Plain: the chunk being filled. Framed: the block being filled, compressed into a frame when full. */
    private byte[] buffer;
    private int pos;
    private volatile boolean readerDone;
    private volatile Throwable readerFailure;

    /** A plain pipe, or with {@code framed} one that hands over LZ4 frames made on the writing thread. */
    RowPipe(boolean framed) {
        this(framed ? FrameCodec.lz4() : null);
    }

    /** A plain pipe ({@code codec} null), or one that hands over frames {@code codec} makes on the writing thread. */
    RowPipe(FrameCodec codec) {
        this.framed = codec != null;
        this.codec = codec;
        int waiting = framed ? FRAMES : CHUNKS;
        this.queue = new ArrayBlockingQueue<>(waiting + 1);
        this.free = new ArrayBlockingQueue<>(waiting + 2);
        this.buffer = new byte[framed ? ClickHouseLz4OutputStream.DEFAULT_BLOCK_SIZE : CHUNK];
    }

    /** Whether the body is handed over as LZ4 frames. */
    boolean framed() {
        return framed;
    }

    @Override
    public void write(int b) {
        buffer[pos++] = (byte) b;
        if (pos == buffer.length) {
            handOffBuffer();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, buffer.length - pos);
            System.arraycopy(b, off, buffer, pos, n);
            pos += n;
            off += n;
            len -= n;
            if (pos == buffer.length) {
                handOffBuffer();
            }
        }
    }

    /** Hands over what the buffer holds: the chunk itself (plain), or its frame (framed, the block is reused). */
    private void handOffBuffer() {
        if (framed) {
            byte[] frame = pooled(codec.maxFrameLength(buffer.length));
            handOff(new Piece(frame, codec.frame(buffer, 0, pos, frame, 0), pos, true));
        } else if (pos == buffer.length) {
            handOff(new Piece(buffer, pos, pos, true));
            buffer = pooled(CHUNK);
        } else {
            handOff(new Piece(buffer, pos, pos, false)); // only from finish(): no row is written after it
        }
        pos = 0;
    }

    private byte[] pooled(int size) {
        byte[] b = free.poll();
        return b != null ? b : new byte[size];
    }

    /** Sends what is buffered and the end mark; the body then completes. */
    void finish() {
        if (pos > 0) {
            handOffBuffer();
        }
        handOff(END);
    }

    /** Drops what waits and makes the body writer fail. */
    void abort() {
        queue.clear();
        queue.offer(ABORT);
    }

    /** Called by the sending thread when the request ended, well or not. */
    void readerDone(Throwable failure) {
        readerFailure = failure;
        readerDone = true;
    }

    private void handOff(Piece piece) {
        try {
            while (!queue.offer(piece, 50, TimeUnit.MILLISECONDS)) {
                if (readerDone) {
                    throw new ClickHouseTransportException("The INSERT request ended before all rows were sent",
                            readerFailure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseTransportException("Interrupted while sending INSERT rows", e);
        }
    }

    /**
     * Hands the pieces to the sink as they come: frames as they are, or plain chunks. A framed pipe exists only for a
     * request whose body is compressed, so its sink takes frames.
     */
    @Override
    public void writeTo(BodySink sink) throws IOException {
        if (framed) {
            drainFrames(sink);
        } else {
            drain(sink.plain());
        }
    }

    private void drainFrames(BodySink sink) throws IOException {
        Piece piece;
        while ((piece = next()) != END) {
            sink.frame(piece.bytes(), 0, piece.length(), piece.plainLength());
            recycle(piece);
        }
    }

    private void drain(OutputStream out) throws IOException {
        Piece piece;
        while ((piece = next()) != END) {
            out.write(piece.bytes(), 0, piece.length());
            recycle(piece);
        }
    }

    /** The next piece, or {@link #END}; fails on an {@link #abort()}. */
    private Piece next() throws IOException {
        Piece piece;
        try {
            piece = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing INSERT rows");
        }
        if (piece == ABORT) {
            throw new IOException("INSERT aborted: closed without end(); the body is left incomplete so the "
                    + "server stores no rows of it");
        }
        return piece;
    }

    private void recycle(Piece piece) {
        if (piece.pooled()) {
            free.offer(piece.bytes()); // the sink is done with it once write returns
        }
    }
}
