package io.chspring.client.query;

import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.type.ClickHouseColumn;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a row reader is built for; row types compare by identity ({@link RowType#of} caches them per class), the
 * options carry the time zones filled in for the request. Every typed query makes one and looks it up, so the
 * hash is computed once, and equal parts that are the same instance (the shapes cached per query text, the
 * client's formats) compare without walking them.
 */
final class ReaderKey {

    private final Class<?> type;
    private final @Nullable RowType<?> rowType;
    private final List<ClickHouseColumn> columns;
    private final MappingOptions options;
    private final ReadFormats formats;
    private final int hash;

    ReaderKey(Class<?> type, @Nullable RowType<?> rowType, List<ClickHouseColumn> columns, MappingOptions options,
            ReadFormats formats) {
        this.type = type;
        this.rowType = rowType;
        this.columns = columns;
        this.options = options;
        this.formats = formats;
        this.hash = Objects.hash(type, rowType, columns, options, formats);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ReaderKey k && k.hash == hash && k.type == type
                && Objects.equals(k.rowType, rowType) && Objects.equals(k.columns, columns)
                && Objects.equals(k.options, options) && Objects.equals(k.formats, formats);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
