package io.chspring.client.mapping;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.RowBinaryCodecs;
import io.chspring.client.rowbinary.ValueCodec;
import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;

/**
 * Builds the codec for a (property, column) pair, turning every reason it cannot into a problem line that names
 * both. The codec factory decides which Java types can hold which ClickHouse types; this class adds the checks it
 * cannot make: primitives against Nullable columns, and the element type of a {@code List<E>} property.
 */
final class PropertyCodecs {

    private PropertyCodecs() {
    }

    /** The codec, or {@code null} after adding the reason to {@code problems}. */
    static ValueCodec<?> codec(RowProperty property, ClickHouseType type, CodecOptions options, boolean reading,
            SchemaProblems problems) {
        Class<?> c = property.javaClass();
        String where = "column '" + property.column() + "' " + type + " <-> field '" + property.name() + "' "
                + property.genericType().getTypeName();
        if (reading && c.isPrimitive() && type.isNullable()) {
            problems.add(where + ": a primitive cannot hold NULL; use " + boxedName(c) + " or make the column non-Nullable");
            return null;
        }
        ValueCodec<?> codec;
        try {
            // writing a primitive into a Nullable column is fine (it is never NULL): use the boxed codec
            Class<?> target = c.isPrimitive() && type.isNullable() ? boxed(c) : c;
            codec = RowBinaryCodecs.codec(type, target, options);
        } catch (ClickHouseSchemaException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
        if (reading) {
            String element = elementMismatch(property.genericType(), type);
            if (element != null) {
                problems.add(where + ": " + element);
                return null;
            }
        }
        return codec;
    }

    /**
     * Lists are built by the codec from the element type's default Java class; a declared element type that cannot
     * hold it would fail with a ClassCastException far from here, so it is reported now.
     */
    private static String elementMismatch(Type generic, ClickHouseType type) {
        if (!(generic instanceof ParameterizedType p) || !(p.getRawType() instanceof Class<?> raw)
                || !(raw == List.class || raw == Collection.class || raw == Iterable.class)
                || !(p.getActualTypeArguments()[0] instanceof Class<?> element)) {
            return null;
        }
        ClickHouseType t = unwrap(type);
        if (t.kind() != ClickHouseKind.ARRAY) {
            return null;
        }
        Class<?> actual = RowBinaryCodecs.defaultJavaType(t.child());
        return element.isAssignableFrom(actual) ? null
                : "elements of " + t + " are read as " + actual.getSimpleName() + ", which "
                        + element.getSimpleName() + " cannot hold; declare the element type as " + actual.getSimpleName();
    }

    private static ClickHouseType unwrap(ClickHouseType type) {
        ClickHouseType t = type;
        while (t.kind() == ClickHouseKind.NULLABLE || t.kind() == ClickHouseKind.LOW_CARDINALITY) {
            t = t.child();
        }
        return t;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private static String boxedName(Class<?> primitive) {
        return primitive == int.class ? "Integer" : primitive == char.class ? "Character"
                : Character.toUpperCase(primitive.getName().charAt(0)) + primitive.getName().substring(1);
    }
}
