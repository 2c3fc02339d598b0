package io.chspring.test.mock;

import io.chspring.client.ClickHouseConfigurationException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Infers the ClickHouse type a mock answers with for a Java property type. The choice favours types that hold
 * every value of the Java type, so what a test provides or records survives the round trip unchanged:
 * {@code LocalDate} is Date32 and {@code Instant} DateTime64(9, 'UTC'). A Java primitive maps to the plain type; any
 * other scalar to {@code Nullable(...)}, because its field can hold {@code null}; arrays, collections and maps are
 * never Nullable (ClickHouse has no {@code Nullable(Array(...))}), nor are their elements. BigDecimal has no
 * inferable precision and scale, and types such as {@code Object} none at all: those need an explicit type.
 */
final class ColumnTypes {

    private ColumnTypes() {
    }

    /**
     * The type for a property of {@code javaType}.
     *
     * @throws ClickHouseConfigurationException naming the column when no type can be inferred
     */
    static String infer(String column, Type javaType) {
        String type = infer(javaType, true);
        if (type == null) {
            throw new ClickHouseConfigurationException("Cannot infer a ClickHouse type for column '" + column + "' ("
                    + javaType.getTypeName() + "); give one with withColumnType(\"" + column + "\", \"...\")");
        }
        return type;
    }

    private static String infer(Type t, boolean topLevel) {
        if (t instanceof WildcardType w) {
            return w.getLowerBounds().length > 0 ? infer(w.getLowerBounds()[0], topLevel)
                    : infer(w.getUpperBounds()[0], topLevel);
        }
        if (t instanceof GenericArrayType a) {
            return array(a.getGenericComponentType());
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw) && args.length == 2) {
                String k = infer(args[0], false);
                String v = infer(args[1], false);
                return k == null || v == null ? null : "Map(" + k + ", " + v + ")";
            }
            if ((Collection.class.isAssignableFrom(raw) || raw == Iterable.class) && args.length == 1) {
                return array(args[0]);
            }
            return null;
        }
        if (!(t instanceof Class<?> c)) {
            return null; // a type variable: nothing to go by
        }
        if (c.isPrimitive()) {
            return primitive(c);
        }
        if (c == byte[].class) {
            return nullable("String", topLevel);
        }
        if (c.isArray()) {
            return array(c.getComponentType());
        }
        String scalar = scalar(c);
        return scalar == null ? null : nullable(scalar, topLevel);
    }

    private static String array(Type element) {
        String e = infer(element, false);
        return e == null ? null : "Array(" + e + ")";
    }

    private static String nullable(String type, boolean topLevel) {
        return topLevel ? "Nullable(" + type + ")" : type;
    }

    private static String primitive(Class<?> c) {
        if (c == boolean.class) {
            return "Bool";
        } else if (c == byte.class) {
            return "Int8";
        } else if (c == short.class) {
            return "Int16";
        } else if (c == int.class) {
            return "Int32";
        } else if (c == long.class) {
            return "Int64";
        } else if (c == float.class) {
            return "Float32";
        } else if (c == double.class) {
            return "Float64";
        }
        return null; // char and void have no column type
    }

    private static String scalar(Class<?> c) {
        if (c.isEnum()) {
            return enumType(c);
        }
        Class<?> unboxed = java.lang.invoke.MethodType.methodType(c).unwrap().returnType();
        if (unboxed != c) {
            return primitive(unboxed);
        }
        if (c == String.class) {
            return "String";
        } else if (c == BigInteger.class) {
            return "Int256"; // holds any value a UInt64, Int128 or Int256 column could send
        } else if (c == UUID.class) {
            return "UUID";
        } else if (c == LocalDate.class) {
            return "Date32";
        } else if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return "DateTime64(9, 'UTC')";
        } else if (c == LocalDateTime.class) {
            return "DateTime64(9)";
        } else if (c == Duration.class || c == LocalTime.class) {
            return "Time64(9)";
        } else if (c == Inet4Address.class) {
            return "IPv4";
        } else if (InetAddress.class.isAssignableFrom(c)) {
            return "IPv6";
        }
        return null;
    }

    /** Enum8 (Enum16 above 127 constants) of the constant names, numbered from 1 in declaration order. */
    private static String enumType(Class<?> c) {
        Object[] constants = c.getEnumConstants();
        if (constants.length == 0) {
            return null; // ClickHouse has no empty Enum
        }
        StringJoiner values = new StringJoiner(", ", constants.length > 127 ? "Enum16(" : "Enum8(", ")");
        for (int i = 0; i < constants.length; i++) {
            String name = ((Enum<?>) constants[i]).name().replace("\\", "\\\\").replace("'", "\\'");
            values.add("'" + name + "' = " + (i + 1));
        }
        return values.toString();
    }
}
