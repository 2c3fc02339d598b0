package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;

/** Nothing (the type of {@code NULL} and {@code []}): ClickHouse writes one placeholder byte per value. */
final class NothingReader implements NativeColumnReader {

    private final ClickHouseType type;

    NothingReader(ClickHouseType type) {
        this.type = type;
    }

    @Override
    public BlockColumn read(NativeInput in, String name, int rows) {
        in.raw().skip(rows);
        BitSet nulls = new BitSet(rows);
        nulls.set(0, rows);
        return new ObjectColumn(name, type, new Object[rows], nulls);
    }
}
