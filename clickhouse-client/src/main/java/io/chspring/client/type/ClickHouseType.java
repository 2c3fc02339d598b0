package io.chspring.client.type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable ClickHouse data type: a family ({@link ClickHouseKind}) with its parameters and nested types.
 * Build one with {@link #parse(String)}; {@link #toString()} prints the canonical name the server uses.
 */
public final class ClickHouseType {

    private final ClickHouseKind kind;
    private final List<ClickHouseType> children;
    private final List<String> names;
    private final int[] enumValues;
    private final int precision;
    private final int scale;
    private final String text;
    private final List<String> options;
    private final String canonical;

    private ClickHouseType(ClickHouseKind kind, List<ClickHouseType> children, List<String> names, int[] enumValues,
            int precision, int scale, String text, List<String> options) {
        this.kind = kind;
        this.children = List.copyOf(children);
        this.names = names == null ? null : List.copyOf(names);
        this.enumValues = enumValues;
        this.precision = precision;
        this.scale = scale;
        this.text = text;
        this.options = List.copyOf(options);
        this.canonical = TypePrinter.print(this);
    }

    /** Parses a type name as the server prints it, e.g. {@code Array(Nullable(DateTime64(3, 'UTC')))}. */
    public static ClickHouseType parse(String typeName) {
        return new TypeParser(typeName).parseAll();
    }

    /** A type without parameters, such as {@code Int32}, {@code String}, {@code UUID} or {@code Point}. */
    public static ClickHouseType of(ClickHouseKind kind) {
        switch (kind) {
            case DECIMAL, FIXED_STRING, ENUM8, ENUM16, DATETIME64, TIME64, ARRAY, TUPLE, MAP, NULLABLE,
                    LOW_CARDINALITY, NESTED, VARIANT, SIMPLE_AGGREGATE_FUNCTION, INTERVAL ->
                throw new IllegalArgumentException(kind.typeName() + " needs parameters");
            default -> {
                return new ClickHouseType(kind, List.of(), null, null, -1, -1, null, List.of());
            }
        }
    }

    static ClickHouseType decimal(int precision, int scale) {
        return new ClickHouseType(ClickHouseKind.DECIMAL, List.of(), null, null, precision, scale, null, List.of());
    }

    static ClickHouseType fixedString(int length) {
        return new ClickHouseType(ClickHouseKind.FIXED_STRING, List.of(), null, null, length, -1, null, List.of());
    }

    static ClickHouseType enumType(ClickHouseKind kind, List<String> names, int[] values) {
        return new ClickHouseType(kind, List.of(), names, values.clone(), -1, -1, null, List.of());
    }

    static ClickHouseType dateTime(String timeZone) {
        return new ClickHouseType(ClickHouseKind.DATETIME, List.of(), null, null, -1, -1, timeZone, List.of());
    }

    static ClickHouseType dateTime64(int precision, String timeZone) {
        return new ClickHouseType(ClickHouseKind.DATETIME64, List.of(), null, null, precision, -1, timeZone, List.of());
    }

    static ClickHouseType interval(String unit) {
        return new ClickHouseType(ClickHouseKind.INTERVAL, List.of(), null, null, -1, -1, unit, List.of());
    }

    static ClickHouseType time64(int precision) {
        return new ClickHouseType(ClickHouseKind.TIME64, List.of(), null, null, precision, -1, null, List.of());
    }

    /** {@code Array(element)}. */
    public static ClickHouseType array(ClickHouseType element) {
        return wrap(ClickHouseKind.ARRAY, element);
    }

    /** {@code Nullable(inner)}. */
    public static ClickHouseType nullable(ClickHouseType inner) {
        return wrap(ClickHouseKind.NULLABLE, inner);
    }

    static ClickHouseType wrap(ClickHouseKind kind, ClickHouseType inner) {
        return new ClickHouseType(kind, List.of(inner), null, null, -1, -1, null, List.of());
    }

    static ClickHouseType tuple(List<String> elementNames, List<ClickHouseType> elements) {
        return new ClickHouseType(ClickHouseKind.TUPLE, elements, elementNames, null, -1, -1, null, List.of());
    }

    static ClickHouseType nested(List<String> elementNames, List<ClickHouseType> elements) {
        return new ClickHouseType(ClickHouseKind.NESTED, elements, elementNames, null, -1, -1, null, List.of());
    }

    static ClickHouseType map(ClickHouseType key, ClickHouseType value) {
        return new ClickHouseType(ClickHouseKind.MAP, List.of(key, value), null, null, -1, -1, null, List.of());
    }

    /** The server orders variants by name, and the wire discriminator is the index in that order. */
    static ClickHouseType variant(List<ClickHouseType> variants) {
        List<ClickHouseType> sorted = new ArrayList<>(variants);
        sorted.sort(Comparator.comparing(ClickHouseType::toString));
        return new ClickHouseType(ClickHouseKind.VARIANT, sorted, null, null, -1, -1, null, List.of());
    }

    static ClickHouseType dynamic(int maxTypes) {
        return new ClickHouseType(ClickHouseKind.DYNAMIC, List.of(), null, null, maxTypes, -1, null, List.of());
    }

    static ClickHouseType json(List<String> settings, List<String> typedPaths, List<ClickHouseType> pathTypes,
            List<String> skips) {
        List<String> options = new ArrayList<>(settings);
        options.addAll(skips);
        return new ClickHouseType(ClickHouseKind.JSON, pathTypes, typedPaths, null, -1, -1, null, options);
    }

    static ClickHouseType simpleAggregateFunction(String function, ClickHouseType inner) {
        return new ClickHouseType(ClickHouseKind.SIMPLE_AGGREGATE_FUNCTION, List.of(inner), null, null, -1, -1,
                function, List.of());
    }

    /** The family of this type. */
    public ClickHouseKind kind() {
        return kind;
    }

    /**
     * The nested types: the element of an Array, the elements of a Tuple or Nested, key and value of a Map,
     * the inner type of Nullable / LowCardinality / SimpleAggregateFunction, the variants of a Variant (in
     * wire order) and the typed paths' types of a JSON type.
     */
    public List<ClickHouseType> children() {
        return children;
    }

    /** The first nested type; see {@link #children()}. */
    public ClickHouseType child() {
        if (children.isEmpty()) {
            throw new IllegalStateException(canonical + " has no nested type");
        }
        return children.get(0);
    }

    /**
     * Names belonging to {@link #children()} (Tuple element names or {@code null} when unnamed, Nested element
     * names, JSON typed paths), or the names of an Enum.
     */
    public List<String> names() {
        return names;
    }

    /** The values of an Enum, parallel to {@link #names()}. */
    public int[] enumValues() {
        return enumValues == null ? null : enumValues.clone();
    }

    int enumValue(int index) {
        return enumValues[index];
    }

    /** Decimal precision, FixedString length, DateTime64/Time64 precision, Dynamic max_types; -1 if absent. */
    public int precision() {
        return precision;
    }

    /** Decimal scale, or -1. */
    public int scale() {
        return scale;
    }

    /** The explicit time zone of DateTime/DateTime64, or {@code null}. */
    public String timeZone() {
        return kind == ClickHouseKind.DATETIME || kind == ClickHouseKind.DATETIME64 ? text : null;
    }

    /** The unit of an Interval type ({@code Day} for {@code IntervalDay}), or {@code null}. */
    public String intervalUnit() {
        return kind == ClickHouseKind.INTERVAL ? text : null;
    }

    /** The aggregate function of a SimpleAggregateFunction, or {@code null}. */
    public String functionName() {
        return kind == ClickHouseKind.SIMPLE_AGGREGATE_FUNCTION ? text : null;
    }

    /** JSON settings and SKIP clauses in canonical text form (e.g. {@code max_dynamic_paths=10}, {@code SKIP a.b}). */
    public List<String> options() {
        return options;
    }

    /** Whether this is {@code Nullable(...)}. */
    public boolean isNullable() {
        return kind == ClickHouseKind.NULLABLE;
    }

    /**
     * The type whose RowBinary layout this type shares: the inner type of LowCardinality and
     * SimpleAggregateFunction (recursively), the tuple/array structure of geo types, else this type.
     */
    public ClickHouseType wireType() {
        return switch (kind) {
            case LOW_CARDINALITY, SIMPLE_AGGREGATE_FUNCTION -> child().wireType();
            case POINT -> GeoTypes.POINT_TUPLE;
            case RING, LINE_STRING -> GeoTypes.RING_ARRAY;
            case POLYGON, MULTI_LINE_STRING -> GeoTypes.POLYGON_ARRAY;
            case MULTI_POLYGON -> GeoTypes.MULTI_POLYGON_ARRAY;
            default -> this;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClickHouseType that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The canonical type name, as the server prints it. */
    @Override
    public String toString() {
        return canonical;
    }

    /** Structural types behind the geo families (Point is a Tuple of two Float64, and so on). */
    private static final class GeoTypes {
        static final ClickHouseType POINT_TUPLE = tuple(null,
                List.of(of(ClickHouseKind.FLOAT64), of(ClickHouseKind.FLOAT64)));
        static final ClickHouseType RING_ARRAY = array(of(ClickHouseKind.POINT));
        static final ClickHouseType POLYGON_ARRAY = array(of(ClickHouseKind.RING));
        static final ClickHouseType MULTI_POLYGON_ARRAY = array(of(ClickHouseKind.POLYGON));
    }
}
