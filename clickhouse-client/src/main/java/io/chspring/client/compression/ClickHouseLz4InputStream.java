package io.chspring.client.compression;

import static io.chspring.client.compression.CompressedFrame.CHECKSUM_SIZE;
import static io.chspring.client.compression.CompressedFrame.HEADER_SIZE;
import static io.chspring.client.compression.CompressedFrame.OVERHEAD;

import io.chspring.client.ClickHouseCompressionException;
import io.chspring.client.ClickHouseConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import net.jpountz.lz4.LZ4Exception;

/**
 * Reads ClickHouse compressed blocks (as sent with {@code compress=1}) and yields the uncompressed bytes,
 * verifying every block's CityHash128 checksum. Methods LZ4 (0x82, also what LZ4HC writes) and NONE (0x02) are
 * decoded, and ZSTD (0x90) when the optional {@code com.github.luben:zstd-jni} is on the class path (a ZSTD frame
 * without it is a {@link ClickHouseCompressionException} naming the dependency).
 *
 * <p>Any damage raises {@link ClickHouseCompressionException} naming the frame's offset in the compressed
 * stream: a checksum mismatch, an unknown or unsupported method, implausible sizes, an LZ4 payload that does
 * not decode to exactly the declared size, or a stream that ends inside a frame. The end of the underlying
 * stream is a clean end of data only between frames ({@link #endedAtFrameBoundary()}).
 *
 * <p>Memory stays bounded: the frame buffer grows only as bytes actually arrive, the output buffer is sized
 * after the checksum has been verified, no frame may declare more than {@code maxBlockSize} bytes, and both
 * buffers are reused from frame to frame. Works with an underlying stream that returns any chunk sizes.
 * Not thread-safe.
 */
public final class ClickHouseLz4InputStream extends InputStream {

    /** Default cap on a frame's compressed and uncompressed sizes: the server's own limit, 1 GiB. */
    public static final int DEFAULT_MAX_BLOCK_SIZE = CompressedFrame.MAX_SIZE;

    private static final int INITIAL_FRAME_CAPACITY = 64 * 1024;

    private final InputStream in;
    private final int maxBlockSize;
    private final byte[] head = new byte[OVERHEAD];
    private final byte[] actual = new byte[CHECKSUM_SIZE];
    /** Method, sizes and payload of the current frame: exactly the bytes the checksum covers. */
    private byte[] frame = new byte[INITIAL_FRAME_CAPACITY];
    private byte[] block = new byte[0];
    private byte[] data = block;
    private int pos;
    private int limit;
    /** Bytes consumed from {@code in} so far: the offset of the next frame. */
    private long offset;
    private boolean endedAtFrameBoundary;
    /** The first error; after it the position inside the compressed stream is unknown, so reading must stop. */
    private Exception failure;
    private boolean closed;

    /** Reads frames from {@code in}, accepting frames up to {@link #DEFAULT_MAX_BLOCK_SIZE}. */
    public ClickHouseLz4InputStream(InputStream in) {
        this(in, DEFAULT_MAX_BLOCK_SIZE);
    }

    /**
     * Reads frames from {@code in}, rejecting any frame whose compressed or uncompressed size exceeds
     * {@code maxBlockSize} (between 1 and {@link #DEFAULT_MAX_BLOCK_SIZE}).
     *
     * @throws ClickHouseConfigurationException when {@code maxBlockSize} is out of range
     */
    public ClickHouseLz4InputStream(InputStream in, int maxBlockSize) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxBlockSize < 1 || maxBlockSize > DEFAULT_MAX_BLOCK_SIZE) {
            throw new ClickHouseConfigurationException("maximum compressed block size must be between 1 and "
                    + DEFAULT_MAX_BLOCK_SIZE + " bytes, got " + maxBlockSize);
        }
        this.maxBlockSize = maxBlockSize;
    }

    @Override
    public int read() throws IOException {
        return ensureData() ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            ensureOpen();
            return 0;
        }
        if (!ensureData()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
    }

    /** The uncompressed bytes of the current frame not read yet (reading them never blocks). */
    @Override
    public int available() throws IOException {
        ensureOpen();
        return limit - pos;
    }

    /**
     * Whether the underlying stream ended exactly after a complete frame, so every byte the server sent was
     * delivered. False while data remains, and after an error.
     */
    public boolean endedAtFrameBoundary() {
        return endedAtFrameBoundary;
    }

    /** Closes the underlying stream and drops the buffers. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        frame = block = data = new byte[0];
        pos = limit = 0;
        in.close();
    }

    private boolean ensureData() throws IOException {
        ensureOpen();
        while (pos == limit) {
            if (endedAtFrameBoundary) {
                return false;
            }
            try {
                nextFrame();
            } catch (IOException | RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return true;
    }

    /** Reads, checks and decodes the next frame; at a clean end of the input, marks it and leaves no data. */
    private void nextFrame() throws IOException {
        long frameOffset = offset;
        int got = readUpTo(head, 0, OVERHEAD);
        if (got == 0) {
            endedAtFrameBoundary = true;
            return;
        }
        if (got < OVERHEAD) {
            throw truncated(frameOffset, got + " of the " + OVERHEAD + " bytes of its checksum and header");
        }
        byte method = head[CHECKSUM_SIZE];
        long compressedSize = CompressedFrame.readSize(head, CHECKSUM_SIZE + 1);
        long uncompressedSize = CompressedFrame.readSize(head, CHECKSUM_SIZE + 5);
        FrameHeaderCheck.check(head, frameOffset, method, compressedSize, uncompressedSize, maxBlockSize);
        int size = (int) compressedSize;
        System.arraycopy(head, CHECKSUM_SIZE, frame, 0, HEADER_SIZE);
        readPayload(frameOffset, size);
        CityHash128.hash(frame, 0, size, actual, 0);
        if (!Arrays.equals(head, 0, CHECKSUM_SIZE, actual, 0, CHECKSUM_SIZE)) {
            throw new ClickHouseCompressionException(String.format(
                    "checksum mismatch in compressed frame at offset %d (method %s, compressed size %d): "
                            + "expected %s (sent with the frame), actual %s (CityHash128 of the received bytes); "
                            + "the data was corrupted in transit",
                    frameOffset, CompressedFrame.methodName(method), size,
                    CompressedFrame.hex(head, 0, CHECKSUM_SIZE), CompressedFrame.hex(actual, 0, CHECKSUM_SIZE)));
        }
        if (method == CompressedFrame.METHOD_NONE) {
            data = frame;
            pos = HEADER_SIZE;
            limit = size;
        } else if (method == CompressedFrame.METHOD_ZSTD) {
            ensureBlock((int) uncompressedSize);
            int n = Zstd.decompress(frame, HEADER_SIZE, size - HEADER_SIZE, block, (int) uncompressedSize, frameOffset);
            if (n != uncompressedSize) {
                throw new ClickHouseCompressionException("ZSTD payload in compressed frame at offset " + frameOffset
                        + " decompressed to " + n + " bytes but the frame declares " + uncompressedSize);
            }
            data = block;
            pos = 0;
            limit = n;
        } else {
            decompress(frameOffset, size, (int) uncompressedSize);
        }
    }

    private void readPayload(long frameOffset, int size) throws IOException {
        int filled = HEADER_SIZE;
        while (filled < size) {
            if (filled == frame.length) {
                // Grow only as bytes actually arrive: a forged size costs memory only if the bytes come too.
                frame = Arrays.copyOf(frame, (int) Math.min(size, 2L * frame.length));
            }
            int n = in.read(frame, filled, Math.min(size, frame.length) - filled);
            if (n < 0) {
                throw truncated(frameOffset, (CHECKSUM_SIZE + filled) + " of its " + (CHECKSUM_SIZE + size) + " bytes");
            }
            filled += n;
            offset += n;
        }
    }

    private void ensureBlock(int uncompressedSize) {
        if (block.length < uncompressedSize) {
            block = new byte[Math.max(uncompressedSize, (int) Math.min(maxBlockSize, 2L * block.length))];
        }
    }

    private void decompress(long frameOffset, int size, int uncompressedSize) {
        ensureBlock(uncompressedSize);
        int n;
        try {
            // The safe decompressor stops at uncompressedSize: a lying header cannot make it write further.
            n = Lz4.DECOMPRESSOR.decompress(frame, HEADER_SIZE, size - HEADER_SIZE, block, 0, uncompressedSize);
        } catch (LZ4Exception | IndexOutOfBoundsException e) {
            throw new ClickHouseCompressionException("malformed LZ4 payload in compressed frame at offset "
                    + frameOffset + " (compressed size " + size + ", declared uncompressed size "
                    + uncompressedSize + "): " + e.getMessage(), e);
        }
        if (n != uncompressedSize) {
            throw new ClickHouseCompressionException("LZ4 payload in compressed frame at offset " + frameOffset
                    + " decompressed to " + n + " bytes but the frame declares " + uncompressedSize);
        }
        data = block;
        pos = 0;
        limit = n;
    }

    /** Reads until {@code len} bytes or the end of the input; returns how many bytes were read. */
    private int readUpTo(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = in.read(b, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
            offset += n;
        }
        return total;
    }

    private static ClickHouseCompressionException truncated(long frameOffset, String howFar) {
        return new ClickHouseCompressionException(
                "compressed stream truncated: the frame at offset " + frameOffset + " ends after " + howFar);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("ClickHouseLz4InputStream is closed");
        }
        if (failure instanceof ClickHouseCompressionException) {
            throw new ClickHouseCompressionException(
                    "compressed stream is unusable after an earlier error: " + failure.getMessage(), failure);
        }
        if (failure != null) {
            throw new IOException("compressed stream is unusable after an earlier error: " + failure, failure);
        }
    }
}
