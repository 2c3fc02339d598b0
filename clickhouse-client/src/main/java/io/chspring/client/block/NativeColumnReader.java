package io.chspring.client.block;

/**
 * Reads one column of a Native block. ClickHouse writes a column as a prefix (state some serializations need before
 * the data, such as LowCardinality's dictionary version, for the whole type tree first) and then the data, so a
 * nested reader reads its children's prefixes in {@link #readPrefix} and their data in {@link #read}.
 */
interface NativeColumnReader {

    /** Reads the serialization prefix of this type and the types inside it; most types have none. */
    default void readPrefix(NativeInput in) {
    }

    /** Reads {@code rows} values. */
    BlockColumn read(NativeInput in, String name, int rows);
}
