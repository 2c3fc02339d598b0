package io.chspring.client.block;

import io.chspring.client.rowbinary.ValueCodec;
import io.chspring.client.type.ClickHouseType;

/**
 * Scalar types whose values are objects in Java (String, FixedString, Decimal, UUID, IPv4/IPv6, Date, DateTime,
 * Enum, (U)Int128/256, Time): Native writes each value exactly as RowBinary does, so the row API's value codec
 * reads them, and both APIs give the same Java values.
 */
final class ObjectReader implements NativeColumnReader {

    private final ClickHouseType type;
    private final ValueCodec<?> codec;

    ObjectReader(ClickHouseType type, ValueCodec<?> codec) {
        this.type = type;
        this.codec = codec;
    }

    @Override
    public BlockColumn read(NativeInput in, String name, int rows) {
        Object[] values = new Object[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = codec.read(in.raw());
        }
        return new ObjectColumn(name, type, values, null);
    }
}
