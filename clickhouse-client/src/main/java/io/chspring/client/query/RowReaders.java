package io.chspring.client.query;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.mapping.MappedRowDecoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.rowbinary.RowBinaryCodecs;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.rowbinary.RowReader;
import io.chspring.client.rowbinary.ValueCodec;
import io.chspring.client.type.ClickHouseColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Chooses how a result's rows become Java values: mapped objects, generic rows, or one scalar per row. */
final class RowReaders {

    private RowReaders() {
    }

    /** Whether {@code type} is read as a mapped row (a record or a class of the application) rather than a value. */
    static boolean isRowClass(Class<?> type) {
        return type.isRecord() || !(type.isPrimitive() || type.isEnum() || type.isArray() || type.isInterface()
                || type.getName().startsWith("java."));
    }

    @SuppressWarnings("unchecked")
    static <T> Function<RowBinaryInput, T> of(Class<T> type, RowType<T> rowType, List<ClickHouseColumn> columns,
            MappingOptions options, ReadFormats formats) {
        if (rowType != null) {
            return MappedRowDecoder.of(rowType, columns, options, formats)::read;
        }
        if (type == Object[].class) {
            RowReader reader = new RowReader(columns, options.codecOptions(), formats);
            return in -> (T) reader.next(in);
        }
        if (type == Map.class) {
            RowReader reader = new RowReader(columns, options.codecOptions(), formats);
            return in -> (T) toMap(columns, reader.next(in));
        }
        if (columns.size() != 1) {
            throw new ClickHouseSchemaException("Reading " + type.getName() + " values needs a result with one column, "
                    + "not " + columns);
        }
        formats.checkColumns(columns);
        ClickHouseColumn column = columns.get(0);
        ValueCodec<?> codec;
        try {
            codec = RowBinaryCodecs.codec(column, type, options.codecOptions(), formats);
        } catch (ClickHouseSchemaException e) {
            throw new ClickHouseSchemaException("column '" + column.name() + "': " + e.getMessage(), e);
        }
        return in -> (T) codec.read(in);
    }

    private static Map<String, Object> toMap(List<ClickHouseColumn> columns, Object[] row) {
        Map<String, Object> map = new LinkedHashMap<>(columns.size() * 2);
        for (int i = 0; i < row.length; i++) {
            map.put(columns.get(i).name(), row[i]);
        }
        return map;
    }
}
