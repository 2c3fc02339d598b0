package io.chspring.client.compression;

import static io.chspring.client.compression.CompressedFrame.CHECKSUM_SIZE;
import static io.chspring.client.compression.CompressedFrame.HEADER_SIZE;
import static io.chspring.client.compression.CompressedFrame.OVERHEAD;

import io.chspring.client.ClickHouseConfigurationException;
import java.util.Objects;
import net.jpountz.lz4.LZ4Compressor;
import org.jspecify.annotations.Nullable;

/**
 * How the blocks of a request body are compressed inside ClickHouse's frame (checksum, method byte, sizes, payload):
 * LZ4 (method 0x82), LZ4HC at a level (the same 0x82 on the wire: the server's LZ4 decoder reads it), or ZSTD at a
 * level (method 0x90, through the optional {@code com.github.luben:zstd-jni}). Immutable and thread-safe; one per
 * client, shared by every body it frames.
 */
public final class FrameCodec {

    /** LZ4HC's levels, as lz4-java and ClickHouse's {@code LZ4HC(level)} count them. */
    public static final int LZ4HC_MIN_LEVEL = 1;
    /** The highest LZ4HC level. */
    public static final int LZ4HC_MAX_LEVEL = 17;
    /** ClickHouse's default LZ4HC level ({@code LZ4HC(0)} means 9 there too). */
    public static final int LZ4HC_DEFAULT_LEVEL = 9;
    /** The lowest ZSTD level this client accepts (negative levels are zstd's "fast" modes). */
    public static final int ZSTD_MIN_LEVEL = -7;
    /** The highest ZSTD level. */
    public static final int ZSTD_MAX_LEVEL = 22;
    /** ClickHouse's default ZSTD level ({@code ZSTD(1)}, {@code network_zstd_compression_level} = 1). */
    public static final int ZSTD_DEFAULT_LEVEL = 1;

    // The fast compressor is looked up on first use (Lz4.compressor()): loading its native library at client build
    // cost a cold start 20-25 ms although a read-only client never compresses (benchmarks/RESULTS.md, cold read).
    private static final FrameCodec LZ4 = new FrameCodec(Kind.LZ4, 0, null);

    private enum Kind { LZ4, LZ4HC, ZSTD }

    private final Kind kind;
    private final int level;
    private final @Nullable LZ4Compressor lz4;

    private FrameCodec(Kind kind, int level, @Nullable LZ4Compressor lz4) {
        this.kind = kind;
        this.level = level;
        this.lz4 = lz4;
    }

    /** Fast LZ4, what the server itself writes. */
    public static FrameCodec lz4() {
        return LZ4;
    }

    /**
     * LZ4HC at {@code level} (1 to 17; 0 for the default 9): smaller bodies for more client CPU, decoded by every
     * server as plain LZ4.
     */
    public static FrameCodec lz4hc(int level) {
        int l = level == 0 ? LZ4HC_DEFAULT_LEVEL : level;
        if (l < LZ4HC_MIN_LEVEL || l > LZ4HC_MAX_LEVEL) {
            throw new ClickHouseConfigurationException("LZ4HC compression level must be between " + LZ4HC_MIN_LEVEL
                    + " and " + LZ4HC_MAX_LEVEL + " (0 for the default " + LZ4HC_DEFAULT_LEVEL + "), not " + level);
        }
        return new FrameCodec(Kind.LZ4HC, l, Lz4.highCompressor(l));
    }

    /**
     * ZSTD at {@code level} (-7 to 22, 0 for the default 1).
     *
     * @throws ClickHouseConfigurationException when the level is out of range or {@code com.github.luben:zstd-jni}
     *     is not on the class path
     */
    public static FrameCodec zstd(int level) {
        int l = level == 0 ? ZSTD_DEFAULT_LEVEL : level;
        if (l < ZSTD_MIN_LEVEL || l > ZSTD_MAX_LEVEL) {
            throw new ClickHouseConfigurationException("ZSTD compression level must be between " + ZSTD_MIN_LEVEL
                    + " and " + ZSTD_MAX_LEVEL + " (0 for the default " + ZSTD_DEFAULT_LEVEL + "), not " + level);
        }
        Zstd.require();
        return new FrameCodec(Kind.ZSTD, l, null);
    }

    /** The method byte of the frames this codec makes. */
    public byte method() {
        return kind == Kind.ZSTD ? CompressedFrame.METHOD_ZSTD : CompressedFrame.METHOD_LZ4;
    }

    /** The level; 0 for fast LZ4, which has none. */
    public int level() {
        return level;
    }

    /** The largest frame {@link #frame} can make of {@code len} bytes: the size its destination needs. */
    public int maxFrameLength(int len) {
        return OVERHEAD + (kind == Kind.ZSTD ? Zstd.maxCompressedLength(len) : compressor().maxCompressedLength(len));
    }

    /**
     * Compresses {@code len} bytes of {@code src} into one ClickHouse frame at {@code dest[destOff]} (room for
     * {@link #maxFrameLength(int) maxFrameLength(len)} bytes needed). Returns the frame's length.
     */
    public int frame(byte[] src, int off, int len, byte[] dest, int destOff) {
        Objects.checkFromIndexSize(off, len, src.length);
        Objects.checkFromIndexSize(destOff, maxFrameLength(len), dest.length);
        int header = destOff + CHECKSUM_SIZE;
        int payloadOff = destOff + OVERHEAD;
        int room = dest.length - payloadOff;
        int payload = kind == Kind.ZSTD
                ? Zstd.compress(src, off, len, dest, payloadOff, room, level)
                : compressor().compress(src, off, len, dest, payloadOff, room);
        int compressedSize = HEADER_SIZE + payload;
        dest[header] = method();
        CompressedFrame.writeSize(dest, header + 1, compressedSize);
        CompressedFrame.writeSize(dest, header + 5, len);
        CityHash128.hash(dest, header, compressedSize, dest, destOff);
        return CHECKSUM_SIZE + compressedSize;
    }

    /** {@code LZ4}, {@code LZ4HC(9)}, {@code ZSTD(3)}: the name ClickHouse gives the codec. */
    @Override
    public String toString() {
        return kind == Kind.LZ4 ? "LZ4" : kind + "(" + level + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameCodec c && c.kind == kind && c.level == level;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + level;
    }

    /** LZ4HC's own compressor, or the fast one for plain LZ4. */
    private LZ4Compressor compressor() {
        return lz4 != null ? lz4 : Lz4.compressor();
    }
}
