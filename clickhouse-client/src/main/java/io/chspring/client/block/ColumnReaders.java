package io.chspring.client.block;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.RowBinaryCodecs;
import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.util.List;

/** Builds the reader of a column type from its Native layout (see each reader for the layout it reads). */
final class ColumnReaders {

    private ColumnReaders() {
    }

    /**
     * The reader of {@code type}, for the column {@code column} (named in errors).
     *
     * @throws ClickHouseSchemaException naming the column and type for a type the block reader does not read
     */
    static NativeColumnReader of(String column, ClickHouseType type, CodecOptions options) {
        return build(column, type, type, options);
    }

    private static NativeColumnReader build(String column, ClickHouseType top, ClickHouseType type,
            CodecOptions options) {
        return switch (type.kind()) {
            case NULLABLE -> new NullableReader(type, build(column, top, type.child(), options));
            case LOW_CARDINALITY -> {
                ClickHouseType inner = type.child();
                boolean nullable = inner.kind() == ClickHouseKind.NULLABLE;
                // the dictionary holds the values without Nullable; its key 0 stands for NULL
                ClickHouseType keys = nullable ? inner.child() : inner;
                yield new LowCardinalityReader(type, build(column, top, keys, options), nullable);
            }
            case SIMPLE_AGGREGATE_FUNCTION, POINT, RING, LINE_STRING, POLYGON, MULTI_LINE_STRING, MULTI_POLYGON ->
                retyped(type, build(column, top, type.wireType(), options));
            case NESTED -> retyped(type, build(column, top,
                    ClickHouseType.parse("Array(Tuple" + type.toString().substring("Nested".length()) + ")"), options));
            case ARRAY -> ArrayReader.array(type, build(column, top, type.child(), options));
            case MAP -> ArrayReader.map(type, build(column, top, type.children().get(0), options),
                    build(column, top, type.children().get(1), options));
            case TUPLE -> new TupleReader(type, children(column, top, type.children(), options));
            case VARIANT -> new VariantReader(type, children(column, top, type.children(), options));
            case NOTHING -> new NothingReader(type);
            case JSON, DYNAMIC -> throw new ClickHouseSchemaException("column '" + column + "' (" + top + "): the "
                    + "block reader does not read " + type.kind().typeName() + " (its Native serialization is not "
                    + "implemented); read the result as rows with fetch(...), or cast the column to String in the query");
            default -> PrimitiveReader.handles(type) ? new PrimitiveReader(type)
                    : new ObjectReader(type, codec(column, top, type, options));
        };
    }

    private static NativeColumnReader[] children(String column, ClickHouseType top, List<ClickHouseType> types,
            CodecOptions options) {
        NativeColumnReader[] readers = new NativeColumnReader[types.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = build(column, top, types.get(i), options);
        }
        return readers;
    }

    private static io.chspring.client.rowbinary.ValueCodec<?> codec(String column, ClickHouseType top,
            ClickHouseType type, CodecOptions options) {
        try {
            return RowBinaryCodecs.codec(type, Object.class, options);
        } catch (ClickHouseSchemaException e) {
            throw new ClickHouseSchemaException("column '" + column + "' (" + top + "): " + e.getMessage(), e);
        }
    }

    /**
     * A reader for a type that shares another's layout (a geo type, SimpleAggregateFunction, Nested) whose columns
     * report the type the server named.
     */
    private static NativeColumnReader retyped(ClickHouseType type, NativeColumnReader wire) {
        return new NativeColumnReader() {
            @Override
            public void readPrefix(NativeInput in) {
                wire.readPrefix(in);
            }

            @Override
            public BlockColumn read(NativeInput in, String name, int rows) {
                return wire.read(in, name, rows).retype(type);
            }
        };
    }
}
