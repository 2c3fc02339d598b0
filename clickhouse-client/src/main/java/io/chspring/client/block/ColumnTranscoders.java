package io.chspring.client.block;

import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Native-to-RowBinary transcoder of a column type, for the types whose two layouts this package knows to
 * differ only as the transcoders say (checked against both engines' bytes by the golden tests), and LowCardinality of
 * those. Every other type (Map, Variant, Dynamic, JSON, AggregateFunction, Nothing, geo types...) has none.
 */
final class ColumnTranscoders {

    private ColumnTranscoders() {
    }

    /** The transcoder of {@code type}, or {@code null} when it is not one this package transcodes. */
    static @Nullable ColumnTranscoder of(ClickHouseType type) {
        return switch (type.kind()) {
            case STRING -> new StringTranscoder();
            case NULLABLE -> {
                ColumnTranscoder inner = of(type.child());
                yield inner == null ? null : new NullableTranscoder(inner);
            }
            case ARRAY -> {
                ColumnTranscoder element = of(type.child());
                yield element == null ? null : new ArrayTranscoder(element);
            }
            case TUPLE -> tuple(type.children());
            case LOW_CARDINALITY -> {
                ClickHouseType values = type.child();
                boolean nullable = values.kind() == ClickHouseKind.NULLABLE;
                ColumnTranscoder dictionary = of(nullable ? values.child() : values);
                yield dictionary == null ? null : new LowCardinalityTranscoder(dictionary, nullable, type.toString());
            }
            default -> {
                int width = width(type);
                yield width > 0 ? new FixedTranscoder(width) : null;
            }
        };
    }

    private static @Nullable ColumnTranscoder tuple(List<ClickHouseType> types) {
        ColumnTranscoder[] elements = new ColumnTranscoder[types.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = of(types.get(i));
            if (elements[i] == null) {
                return null;
            }
        }
        return new TupleTranscoder(elements);
    }

    /** The bytes of one value of a fixed-width type, the same in Native and RowBinary; 0 for any other type. */
    static int width(ClickHouseType type) {
        return switch (type.kind()) {
            case INT8, UINT8, BOOL, ENUM8 -> 1;
            case INT16, UINT16, DATE, ENUM16, BFLOAT16 -> 2;
            case INT32, UINT32, FLOAT32, DATE32, DATETIME, IPV4 -> 4;
            case INT64, UINT64, FLOAT64, DATETIME64 -> 8;
            case INT128, UINT128, UUID, IPV6 -> 16;
            case INT256, UINT256 -> 32;
            case DECIMAL -> type.precision() <= 9 ? 4 : type.precision() <= 18 ? 8 : type.precision() <= 38 ? 16 : 32;
            case FIXED_STRING -> Math.max(type.precision(), 0);
            default -> 0;
        };
    }
}
