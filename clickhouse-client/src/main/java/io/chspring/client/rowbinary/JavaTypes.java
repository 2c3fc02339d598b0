package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The default Java type of each ClickHouse type, and the Java types each one can be mapped to (see TYPES.md). */
final class JavaTypes {

    private JavaTypes() {
    }

    static Class<?> defaultClass(ClickHouseType type) {
        return switch (type.kind()) {
            case INT8 -> Byte.class;
            case INT16, UINT8 -> Short.class;
            case INT32, UINT16 -> Integer.class;
            case INT64, UINT32, INTERVAL -> Long.class;
            case UINT64, INT128, INT256, UINT128, UINT256 -> BigInteger.class;
            case FLOAT32, BFLOAT16 -> Float.class;
            case FLOAT64 -> Double.class;
            case DECIMAL -> BigDecimal.class;
            case BOOL -> Boolean.class;
            case STRING, ENUM8, ENUM16 -> String.class;
            case FIXED_STRING -> byte[].class;
            case UUID -> UUID.class;
            case IPV4 -> Inet4Address.class;
            case IPV6 -> Inet6Address.class;
            case DATE, DATE32 -> LocalDate.class;
            case DATETIME, DATETIME64 -> Instant.class;
            case TIME, TIME64 -> Duration.class;
            case ARRAY, TUPLE, NESTED -> List.class;
            case MAP, JSON -> Map.class;
            case POINT -> double[].class;
            case RING, LINE_STRING -> double[][].class;
            case POLYGON, MULTI_LINE_STRING -> double[][][].class;
            case MULTI_POLYGON -> double[][][][].class;
            case NULLABLE, LOW_CARDINALITY, SIMPLE_AGGREGATE_FUNCTION -> defaultClass(type.child());
            case DYNAMIC -> TypedValue.class;
            case VARIANT, NOTHING -> Object.class;
        };
    }

    static String supported(ClickHouseType type) {
        return switch (type.kind()) {
            case INT8 -> "byte, short, int, long, BigInteger, boolean (0/1)";
            case UINT8 -> "short, int, long, BigInteger, boolean (0/1)";
            case INT16 -> "short, int, long, BigInteger";
            case INT32, UINT16 -> "int, long, BigInteger";
            case INT64, UINT32, UINT64 -> "long, BigInteger";
            case INTERVAL -> "long";
            case INT128, INT256, UINT128, UINT256 -> "BigInteger";
            case FLOAT32, BFLOAT16 -> "float, double";
            case FLOAT64 -> "double";
            case DECIMAL -> "BigDecimal";
            case BOOL -> "boolean";
            case STRING, FIXED_STRING -> "String, byte[]";
            case ENUM8, ENUM16 -> "String, a Java enum, int (the element's number)";
            case UUID -> "UUID, String";
            case IPV4 -> "Inet4Address, InetAddress, String, long (0 .. 2^32-1)";
            case IPV6 -> "Inet6Address, InetAddress, String";
            case DATE, DATE32 -> "LocalDate, String (ISO), int (days since 1970-01-01)";
            case DATETIME, DATETIME64 -> "Instant, LocalDateTime, OffsetDateTime, ZonedDateTime";
            case TIME, TIME64 -> "Duration, LocalTime";
            case ARRAY -> "List, Collection, Iterable (their type argument maps the element), a Java array of a type the "
                    + "element maps to; not Set, which would drop duplicate elements";
            case TUPLE -> "List, Object[], double[] (numeric elements); List<E> reads every element as E";
            case NESTED -> "List";
            case MAP -> "Map (its type arguments map keys and values)";
            case JSON -> "Map<String, Object>, String, tools.jackson.databind.JsonNode";
            case POINT, RING, LINE_STRING, POLYGON, MULTI_LINE_STRING, MULTI_POLYGON ->
                defaultClass(type).getSimpleName() + ", List";
            case NULLABLE -> "the boxed types of " + supported(type.child());
            case LOW_CARDINALITY, SIMPLE_AGGREGATE_FUNCTION -> supported(type.child());
            case VARIANT -> "Object, TypedValue";
            case DYNAMIC -> "TypedValue";
            case NOTHING -> "Object";
        };
    }

    /** int.class to Integer.class and so on; other classes as they are. */
    static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        } else if (c == long.class) {
            return Long.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == short.class) {
            return Short.class;
        } else if (c == byte.class) {
            return Byte.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        }
        return c;
    }
}
