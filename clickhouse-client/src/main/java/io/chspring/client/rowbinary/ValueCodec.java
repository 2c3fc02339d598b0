package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/**
 * Reads and writes the values of one ClickHouse type as one Java type in RowBinary. Built once per
 * (type, Java class) by {@link RowBinaryCodecs}; stateless apart from caches, and safe to share between threads.
 *
 * <p>The primitive methods ({@link #readInt}, {@link #writeLong}, ...) avoid boxing on codecs of numeric and
 * Bool columns; on other codecs they fall back to {@link #read} / {@link #write} and a conversion.
 *
 * @param <T> the Java type values are read as
 */
public interface ValueCodec<T> {

    /** The ClickHouse type this codec reads and writes. */
    ClickHouseType type();

    /** The Java type {@link #read} returns (a primitive class when the codec was built for one). */
    Class<?> javaType();

    /** Reads one value; {@code null} only for Nullable types (and Variant/Dynamic NULL). */
    T read(RowBinaryInput in);

    /**
     * Writes one value. Accepts the codec's Java type and, where that is lossless, related ones (any integer
     * type within range for an integer column, Instant or ZonedDateTime for DateTime, ...).
     *
     * @throws io.chspring.client.ClickHouseSchemaException when the value does not fit the column type
     */
    void write(RowBinaryOutput out, Object value);

    /** Reads a Bool value without boxing. */
    default boolean readBoolean(RowBinaryInput in) {
        return (Boolean) CodecErrors.nonNull(this, read(in));
    }

    /** Reads an integer value of at most 32 bits without boxing. */
    default int readInt(RowBinaryInput in) {
        return CodecErrors.number(this, read(in)).intValue();
    }

    /** Reads an integer value of at most 64 bits (UInt64: the same bits, unsigned) without boxing. */
    default long readLong(RowBinaryInput in) {
        return CodecErrors.number(this, read(in)).longValue();
    }

    /** Reads a Float32 or BFloat16 value without boxing. */
    default float readFloat(RowBinaryInput in) {
        return CodecErrors.number(this, read(in)).floatValue();
    }

    /** Reads a floating point value without boxing. */
    default double readDouble(RowBinaryInput in) {
        return CodecErrors.number(this, read(in)).doubleValue();
    }

    /** Writes a Bool value without boxing. */
    default void writeBoolean(RowBinaryOutput out, boolean value) {
        write(out, value);
    }

    /** Writes an integer value without boxing (range-checked against the column type). */
    default void writeInt(RowBinaryOutput out, int value) {
        write(out, value);
    }

    /** Writes an integer value without boxing (range-checked against the column type). */
    default void writeLong(RowBinaryOutput out, long value) {
        write(out, value);
    }

    /** Writes a Float32 value without boxing. */
    default void writeFloat(RowBinaryOutput out, float value) {
        write(out, value);
    }

    /** Writes a floating point value without boxing. */
    default void writeDouble(RowBinaryOutput out, double value) {
        write(out, value);
    }
}
