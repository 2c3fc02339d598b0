package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;

/**
 * The facts of LowCardinality's Native layout that both its readers need: the block reader
 * ({@link LowCardinalityReader}, for {@code fetchBlocks()}) and the transcoder to RowBinary
 * ({@link LowCardinalityTranscoder}, for typed reads on servers before 19.3). ClickHouse's
 * {@code SerializationLowCardinality}: a UInt64 key version in the column prefix, then per block a UInt64 of flags
 * (the index width in the low byte, "has additional keys" and "needs global dictionary" bits).
 */
final class LowCardinalityWire {

    /** The only key version servers write ("shared dictionaries with additional keys"). */
    private static final long SHARED_DICTIONARIES_WITH_ADDITIONAL_KEYS = 1;
    private static final long NEEDS_GLOBAL_DICTIONARY = 1L << 8;
    private static final long HAS_ADDITIONAL_KEYS = 1L << 9;

    private LowCardinalityWire() {
    }

    /** Checks the prefix's key version of a column of {@code type}. */
    static void checkKeyVersion(long version, Object type) {
        if (version != SHARED_DICTIONARIES_WITH_ADDITIONAL_KEYS) {
            throw new ClickHouseTransportException("malformed Native data: LowCardinality key version "
                    + Long.toUnsignedString(version) + " (expected 1) for a " + type + " column");
        }
    }

    /** Whether a block's {@code flags} say every key comes with the block (no global dictionary). */
    static boolean keysInBlock(long flags) {
        return (flags & NEEDS_GLOBAL_DICTIONARY) == 0 && (flags & HAS_ADDITIONAL_KEYS) != 0;
    }

    /** The index type in a block's {@code flags}: 0 to 3 for UInt8, UInt16, UInt32, UInt64. */
    static int indexType(long flags) {
        return (int) (flags & 0xFF);
    }
}
