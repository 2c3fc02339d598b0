package io.chspring.client.block;

import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;

/** Type helpers of the block reader. */
final class Kinds {

    private Kinds() {
    }

    /** The kind under Nullable, LowCardinality and SimpleAggregateFunction wrappers. */
    static ClickHouseKind scalarKind(ClickHouseType type) {
        ClickHouseType t = type;
        while (t.kind() == ClickHouseKind.NULLABLE || t.kind() == ClickHouseKind.LOW_CARDINALITY
                || t.kind() == ClickHouseKind.SIMPLE_AGGREGATE_FUNCTION) {
            t = t.child();
        }
        return t.kind();
    }
}
