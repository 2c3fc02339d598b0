package io.chspring.embedded;

import com.sun.jna.Pointer;
import java.io.IOException;

/**
 * Measures the header of {@code RowBinaryWithNames[AndTypes]}: a LEB128 column count, then per column its name
 * (and type) as LEB128-length-prefixed strings (ClickHouse {@code RowBinaryWithNamesAndTypesRowOutputFormat}).
 */
final class RowBinaryHeader {

    private RowBinaryHeader() {
    }

    /** The header's size in bytes at the start of {@code buffer}. */
    static int size(Pointer buffer, long length, int stringsPerColumn) throws IOException {
        long[] cursor = {0};
        long columns = varint(buffer, length, cursor);
        for (long i = 0; i < columns * stringsPerColumn; i++) {
            long n = varint(buffer, length, cursor);
            cursor[0] += n;
            if (cursor[0] > length) {
                throw new IOException("A RowBinary header runs past its chunk of " + length + " bytes");
            }
        }
        return Math.toIntExact(cursor[0]);
    }

    private static long varint(Pointer buffer, long length, long[] cursor) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (cursor[0] >= length) {
                throw new IOException("A RowBinary header runs past its chunk of " + length + " bytes");
            }
            int b = buffer.getByte(cursor[0]++) & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("A RowBinary header has a malformed length");
    }
}
