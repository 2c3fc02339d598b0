package io.chspring.client.compression;

import io.chspring.client.ClickHouseConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Frames bytes into ClickHouse compressed blocks as the server expects for a request body sent with
 * {@code decompress=1}: LZ4 (method byte 0x82) by default, or what a {@link FrameCodec} makes (LZ4HC, ZSTD 0x90).
 *
 * <p>Bytes are buffered until a block of {@code blockSize} uncompressed bytes is full, which then goes out as
 * one frame. {@link #flush()} and {@link #finish()} send the pending partial block as a shorter frame. The two
 * buffers (uncompressed block and outgoing frame) are allocated once. Not thread-safe.
 */
public final class ClickHouseLz4OutputStream extends OutputStream {

    /** Default uncompressed block size: the server's own 1 MiB. */
    public static final int DEFAULT_BLOCK_SIZE = 1 << 20;

    /**
     * Largest block size accepted: keeps a worst-case (incompressible) frame well below the server's 1 GiB
     * frame limit and the two buffers of this stream at a sane size.
     */
    public static final int MAX_BLOCK_SIZE = 1 << 28;

    private final OutputStream out;
    private final FrameCodec codec;
    private final byte[] block;
    private final byte[] frame;
    private int pending;
    private boolean closed;

    /** Frames into {@code out} with blocks of {@link #DEFAULT_BLOCK_SIZE} uncompressed bytes. */
    public ClickHouseLz4OutputStream(OutputStream out) {
        this(out, DEFAULT_BLOCK_SIZE);
    }

    /**
     * Frames into {@code out} with blocks of {@code blockSize} uncompressed bytes (1 to {@link #MAX_BLOCK_SIZE}).
     *
     * @throws ClickHouseConfigurationException when {@code blockSize} is out of range
     */
    public ClickHouseLz4OutputStream(OutputStream out, int blockSize) {
        this(out, blockSize, FrameCodec.lz4());
    }

    /**
     * Frames into {@code out} with blocks of {@code blockSize} uncompressed bytes, compressed by {@code codec} (LZ4,
     * LZ4HC or ZSTD: the framing is the same, only the method byte and payload differ).
     *
     * @throws ClickHouseConfigurationException when {@code blockSize} is out of range
     */
    public ClickHouseLz4OutputStream(OutputStream out, int blockSize, FrameCodec codec) {
        this.out = Objects.requireNonNull(out, "out");
        this.codec = Objects.requireNonNull(codec, "codec");
        if (blockSize < 1 || blockSize > MAX_BLOCK_SIZE) {
            throw new ClickHouseConfigurationException(
                    "compression block size must be between 1 and " + MAX_BLOCK_SIZE + " bytes, got " + blockSize);
        }
        this.block = new byte[blockSize];
        this.frame = new byte[codec.maxFrameLength(blockSize)];
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        block[pending++] = (byte) b;
        if (pending == block.length) {
            writeFrame(block, 0, pending);
            pending = 0;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            if (pending == 0 && len >= block.length) {
                // A whole block is available in the caller's array: compress it from there, no copy.
                writeFrame(b, off, block.length);
                off += block.length;
                len -= block.length;
                continue;
            }
            int n = Math.min(len, block.length - pending);
            System.arraycopy(b, off, block, pending, n);
            pending += n;
            off += n;
            len -= n;
            if (pending == block.length) {
                writeFrame(block, 0, pending);
                pending = 0;
            }
        }
    }

    /** Sends the pending bytes as a (possibly short) frame, then flushes the underlying stream. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        writePending();
        out.flush();
    }

    /** Writes the pending block, if any, and flushes, without closing the underlying stream. */
    public void finish() throws IOException {
        flush();
    }

    /** Finishes the last frame and closes the underlying stream. Closing twice does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream target = out) {
            writePending();
            target.flush();
        }
    }

    private void writePending() throws IOException {
        if (pending > 0) {
            writeFrame(block, 0, pending);
            pending = 0;
        }
    }

    private void writeFrame(byte[] src, int off, int len) throws IOException {
        out.write(frame, 0, codec.frame(src, off, len, frame, 0));
    }

    /** The largest frame {@link #frame} can make of {@code len} bytes: the size its destination needs. */
    public static int maxFrameLength(int len) {
        return FrameCodec.lz4().maxFrameLength(len);
    }

    /**
     * Compresses {@code len} bytes of {@code src} into one ClickHouse LZ4 frame at {@code dest[destOff]} (room for
     * {@link #maxFrameLength(int) maxFrameLength(len)} bytes needed): the frame this stream writes for one block.
     * Returns the frame's length.
     */
    public static int frame(byte[] src, int off, int len, byte[] dest, int destOff) {
        return FrameCodec.lz4().frame(src, off, len, dest, destOff);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("ClickHouseLz4OutputStream is closed");
        }
    }
}
