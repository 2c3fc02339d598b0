package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enum8 / Enum16 (an Int8 / Int16 on the wire) as the element name or as a Java enum constant of the same name.
 * An unknown wire value or name is an error, never a silent null.
 */
final class EnumCodec extends BaseCodec<Object> {

    private final boolean wide;
    private final int[] sortedValues;
    private final Object[] sortedResults;
    private final Map<String, Integer> valueByName = new HashMap<>();
    private final int[] valueByOrdinal;
    private final Class<? extends Enum<?>> enumClass;

    EnumCodec(ClickHouseType type, Class<? extends Enum<?>> enumClass) {
        super(type, enumClass == null ? String.class : enumClass);
        this.wide = type.kind() == ClickHouseKind.ENUM16;
        this.enumClass = enumClass;
        List<String> names = type.names();
        int[] values = type.enumValues();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            valueByName.put(names.get(i), values[i]);
        }
        Arrays.sort(order, (a, b) -> Integer.compare(values[a], values[b]));
        sortedValues = new int[values.length];
        sortedResults = new Object[values.length];
        Enum<?>[] constants = enumClass == null ? null : enumClass.getEnumConstants();
        for (int i = 0; i < order.length; i++) {
            sortedValues[i] = values[order[i]];
            String name = names.get(order[i]);
            sortedResults[i] = constants == null ? name : byName(constants, name);
        }
        if (constants != null) {
            valueByOrdinal = new int[constants.length];
            for (Enum<?> c : constants) {
                Integer v = valueByName.get(c.name());
                valueByOrdinal[c.ordinal()] = v == null ? Integer.MIN_VALUE : v;
            }
        } else {
            valueByOrdinal = null;
        }
    }

    private static Enum<?> byName(Enum<?>[] constants, String name) {
        for (Enum<?> c : constants) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public Object read(RowBinaryInput in) {
        int v = wide ? in.readShort() : in.readByte();
        int i = Arrays.binarySearch(sortedValues, v);
        if (i < 0) {
            throw CodecErrors.badData(type, "unknown value " + v);
        }
        Object result = sortedResults[i];
        if (result == null) {
            throw CodecErrors.badData(type, "element " + type.names().get(indexOf(v)) + " has no constant in "
                    + enumClass.getName());
        }
        return result;
    }

    private int indexOf(int value) {
        int[] values = type.enumValues();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        int v;
        if (value instanceof Enum<?> e && valueByOrdinal != null && enumClass.isInstance(e)) {
            v = valueByOrdinal[e.ordinal()];
            if (v == Integer.MIN_VALUE) {
                throw CodecErrors.outOfRange(type, e.name(), "no such element");
            }
        } else if (value instanceof String || value instanceof Enum<?>) {
            String name = value instanceof Enum<?> e ? e.name() : (String) value;
            Integer found = valueByName.get(name);
            if (found == null) {
                throw CodecErrors.outOfRange(type, name, "no such element");
            }
            v = found;
        } else {
            throw CodecErrors.notWritable(type, value);
        }
        if (wide) {
            out.writeShort(v);
        } else {
            out.writeByte(v);
        }
    }

    /** Enum8 / Enum16 as the element's number (an int or Integer); a number that is no element is an error both ways. */
    static final class Number extends BaseCodec<Integer> {
        private final boolean wide;
        private final int[] sortedValues;

        Number(ClickHouseType type, Class<?> target) {
            super(type, target);
            this.wide = type.kind() == ClickHouseKind.ENUM16;
            this.sortedValues = type.enumValues().clone();
            Arrays.sort(sortedValues);
        }

        @Override
        public Integer read(RowBinaryInput in) {
            return readInt(in);
        }

        @Override
        public int readInt(RowBinaryInput in) {
            int v = wide ? in.readShort() : in.readByte();
            if (Arrays.binarySearch(sortedValues, v) < 0) {
                throw CodecErrors.badData(type, "unknown value " + v);
            }
            return v;
        }

        @Override
        public long readLong(RowBinaryInput in) {
            return readInt(in);
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            if (!(value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Long)) {
                throw CodecErrors.notWritable(type, value);
            }
            long v = ((java.lang.Number) value).longValue();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE || Arrays.binarySearch(sortedValues, (int) v) < 0) {
                throw CodecErrors.outOfRange(type, value, "no element has this number");
            }
            if (wide) {
                out.writeShort((int) v);
            } else {
                out.writeByte((int) v);
            }
        }
    }
}
