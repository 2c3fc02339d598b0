package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;

/** Nullable: the null map (a byte per row) comes first, then the inner column with a placeholder at NULL rows. */
final class NullableReader implements NativeColumnReader {

    private final ClickHouseType type;
    private final NativeColumnReader inner;

    NullableReader(ClickHouseType type, NativeColumnReader inner) {
        this.type = type;
        this.inner = inner;
    }

    @Override
    public void readPrefix(NativeInput in) {
        inner.readPrefix(in);
    }

    @Override
    public BlockColumn read(NativeInput in, String name, int rows) {
        var nulls = in.readNullMap(rows);
        return inner.read(in, name, rows).withNulls(name, type, nulls);
    }
}
