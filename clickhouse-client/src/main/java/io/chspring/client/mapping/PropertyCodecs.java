package io.chspring.client.mapping;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.rowbinary.RowBinaryCodecs;
import io.chspring.client.rowbinary.ValueCodec;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.type.ClickHouseType;
import java.lang.reflect.Type;

/**
 * Builds the codec for a (property, column) pair, turning every reason it cannot into a problem line that names
 * both. The codec factory decides which Java types can hold which ClickHouse types, element types of generic
 * properties ({@code List<Integer>}, {@code Map<String, List<Long>>}) included; this class adds the one check it
 * cannot make: primitives against Nullable columns, which differ between reading and writing.
 */
final class PropertyCodecs {

    private PropertyCodecs() {
    }

    /** The codec, or {@code null} after adding the reason to {@code problems}. */
    static ValueCodec<?> codec(RowProperty property, ClickHouseType type, CodecOptions options, boolean reading,
            SchemaProblems problems) {
        return codec(property, new ClickHouseColumn(property.column(), type), options, reading, problems,
                ReadFormats.NONE);
    }

    /**
     * The codec, or {@code null} after adding the reason to {@code problems}; where the property's type leaves the
     * Java type open ({@code Object}, {@code List<Object>}), {@code formats} choose it.
     */
    static ValueCodec<?> codec(RowProperty property, ClickHouseColumn column, CodecOptions options, boolean reading,
            SchemaProblems problems, ReadFormats formats) {
        ClickHouseType type = column.type();
        Class<?> c = property.javaClass();
        String where = "column '" + property.column() + "' " + type + " <-> field '" + property.name() + "' "
                + property.genericType().getTypeName();
        if (reading && c.isPrimitive() && type.isNullable()) {
            problems.add(where + ": a primitive cannot hold NULL; use " + boxedName(c) + " or make the column non-Nullable");
            return null;
        }
        try {
            // writing a primitive into a Nullable column is fine (it is never NULL): use the boxed codec
            Type target = c.isPrimitive() && type.isNullable() ? boxed(c) : property.genericType();
            return RowBinaryCodecs.codec(column, target, options, formats);
        } catch (ClickHouseSchemaException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }

    private static Class<?> boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private static String boxedName(Class<?> primitive) {
        return primitive == int.class ? "Integer" : primitive == char.class ? "Character"
                : Character.toUpperCase(primitive.getName().charAt(0)) + primitive.getName().substring(1);
    }
}
