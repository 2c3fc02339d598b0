package io.chspring.client.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * Layout of one ClickHouse compressed frame, as written by {@code CompressedWriteBuffer} and read by
 * {@code CompressedReadBufferBase} (ClickHouse {@code src/Compression/}):
 *
 * <pre>
 * checksum          16 bytes  CityHash128 v1.0.2 of everything after it in the frame
 * method             1 byte   0x82 LZ4, 0x02 NONE, 0x90 ZSTD
 * compressed size    4 bytes  little-endian, COUNTS the 9 header bytes (not the checksum)
 * uncompressed size  4 bytes  little-endian
 * payload            compressed size - 9 bytes
 * </pre>
 */
final class CompressedFrame {

    /** Bytes of the checksum in front of each frame. */
    static final int CHECKSUM_SIZE = CityHash128.SIZE;

    /** Bytes of method + compressed size + uncompressed size; they are counted in the compressed size. */
    static final int HEADER_SIZE = 9;

    /** Checksum and header together: what precedes the payload on the wire. */
    static final int OVERHEAD = CHECKSUM_SIZE + HEADER_SIZE;

    /** Method byte of an uncompressed payload. */
    static final byte METHOD_NONE = 0x02;

    /** Method byte of an LZ4 block (no LZ4 frame format, no length prefix). */
    static final byte METHOD_LZ4 = (byte) 0x82;

    /** Method byte of a ZSTD payload, which this client does not decode. */
    static final byte METHOD_ZSTD = (byte) 0x90;

    /**
     * Largest compressed or uncompressed size the server itself accepts in a frame: {@code DBMS_MAX_COMPRESSED_SIZE}
     * (1 GiB) in {@code CompressedReadBufferBase.cpp}.
     */
    static final int MAX_SIZE = 1 << 30;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private CompressedFrame() {
    }

    /** Reads an unsigned little-endian 32-bit size. */
    static long readSize(byte[] b, int off) {
        return (int) INT_LE.get(b, off) & 0xffffffffL;
    }

    /** Writes a little-endian 32-bit size. */
    static void writeSize(byte[] b, int off, int value) {
        INT_LE.set(b, off, value);
    }

    /** A readable name for a method byte, for error messages. */
    static String methodName(byte method) {
        return switch (method) {
            case METHOD_NONE -> "NONE (0x02)";
            case METHOD_LZ4 -> "LZ4 (0x82)";
            case METHOD_ZSTD -> "ZSTD (0x90)";
            default -> String.format("0x%02x", method & 0xff);
        };
    }

    /** Lower-case hex of {@code b[off, off + len)}. */
    static String hex(byte[] b, int off, int len) {
        return HexFormat.of().formatHex(b, off, off + len);
    }
}
