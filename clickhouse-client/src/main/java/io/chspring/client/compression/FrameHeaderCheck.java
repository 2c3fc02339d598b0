package io.chspring.client.compression;

import static io.chspring.client.compression.CompressedFrame.HEADER_SIZE;

import io.chspring.client.ClickHouseCompressionException;
import java.nio.charset.StandardCharsets;

/**
 * Rejects a frame header before any of its payload is read or any buffer is sized from it: unsupported
 * methods and sizes that no honest frame can have.
 */
final class FrameHeaderCheck {

    /** LZ4 cannot expand data more than this: one byte of match length encodes at most 255 output bytes. */
    private static final long LZ4_MAX_RATIO = 255;

    private FrameHeaderCheck() {
    }

    /**
     * @param head the 25 bytes of checksum and header as received
     * @throws ClickHouseCompressionException naming the frame offset and the value at fault
     */
    static void check(byte[] head, long frameOffset, byte method, long compressedSize, long uncompressedSize,
            int maxBlockSize) {
        if (method != CompressedFrame.METHOD_LZ4 && method != CompressedFrame.METHOD_NONE
                && method != CompressedFrame.METHOD_ZSTD) {
            throw new ClickHouseCompressionException("compressed frame at offset " + frameOffset
                    + " has unknown compression method " + CompressedFrame.methodName(method)
                    + " (supported: LZ4 0x82, ZSTD 0x90, NONE 0x02); the response is probably not ClickHouse compressed data. "
                    + "It starts with " + describe(head));
        }
        if (compressedSize < HEADER_SIZE || compressedSize > maxBlockSize) {
            throw new ClickHouseCompressionException("compressed frame at offset " + frameOffset
                    + " declares compressed size " + compressedSize + " (header included); allowed: "
                    + HEADER_SIZE + " to " + maxBlockSize);
        }
        if (uncompressedSize > maxBlockSize) {
            throw new ClickHouseCompressionException("compressed frame at offset " + frameOffset
                    + " declares uncompressed size " + uncompressedSize + ", above the limit of " + maxBlockSize);
        }
        long payload = compressedSize - HEADER_SIZE;
        if (method == CompressedFrame.METHOD_NONE && uncompressedSize != payload) {
            throw new ClickHouseCompressionException("uncompressed (NONE) frame at offset " + frameOffset
                    + " declares uncompressed size " + uncompressedSize + " but carries " + payload + " bytes");
        }
        if (method == CompressedFrame.METHOD_ZSTD && payload == 0) {
            throw new ClickHouseCompressionException("ZSTD frame at offset " + frameOffset + " has an empty payload");
        }
        if (method == CompressedFrame.METHOD_LZ4 && (payload == 0 || uncompressedSize > payload * LZ4_MAX_RATIO)) {
            throw new ClickHouseCompressionException("LZ4 frame at offset " + frameOffset
                    + " declares uncompressed size " + uncompressedSize + " for a payload of " + payload
                    + " bytes, more than LZ4 can encode (at most " + LZ4_MAX_RATIO + " times the payload)");
        }
    }

    /** The header bytes as hex, and as text when they look like text (a server error where data was expected). */
    private static String describe(byte[] head) {
        String hex = "0x" + CompressedFrame.hex(head, 0, head.length);
        for (byte b : head) {
            if (b < 0x20 || b > 0x7e) {
                return hex;
            }
        }
        return hex + " (as text: \""
                + new String(head, 0, head.length, StandardCharsets.US_ASCII) + "\")";
    }
}
