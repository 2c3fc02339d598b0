package io.chspring.client.type;

/** The family of a {@link ClickHouseType}, with the name the server prints for it. */
public enum ClickHouseKind {
    INT8("Int8"), INT16("Int16"), INT32("Int32"), INT64("Int64"), INT128("Int128"), INT256("Int256"),
    UINT8("UInt8"), UINT16("UInt16"), UINT32("UInt32"), UINT64("UInt64"), UINT128("UInt128"), UINT256("UInt256"),
    FLOAT32("Float32"), FLOAT64("Float64"), BFLOAT16("BFloat16"),
    DECIMAL("Decimal"), BOOL("Bool"), STRING("String"), FIXED_STRING("FixedString"),
    ENUM8("Enum8"), ENUM16("Enum16"), UUID("UUID"), IPV4("IPv4"), IPV6("IPv6"),
    DATE("Date"), DATE32("Date32"), DATETIME("DateTime"), DATETIME64("DateTime64"), TIME("Time"), TIME64("Time64"), INTERVAL("Interval"),
    ARRAY("Array"), TUPLE("Tuple"), MAP("Map"), NULLABLE("Nullable"), LOW_CARDINALITY("LowCardinality"),
    NESTED("Nested"),
    POINT("Point"), RING("Ring"), POLYGON("Polygon"), MULTI_POLYGON("MultiPolygon"), LINE_STRING("LineString"),
    MULTI_LINE_STRING("MultiLineString"),
    JSON("JSON"), VARIANT("Variant"), DYNAMIC("Dynamic"), SIMPLE_AGGREGATE_FUNCTION("SimpleAggregateFunction"),
    NOTHING("Nothing");

    private final String typeName;

    ClickHouseKind(String typeName) {
        this.typeName = typeName;
    }

    /** The family name as ClickHouse prints it, e.g. {@code DateTime64}. */
    public String typeName() {
        return typeName;
    }

    /** Whether values of this family are written as a fixed number of bytes with no nested types. */
    public boolean isScalar() {
        return ordinal() <= INTERVAL.ordinal();
    }
}
