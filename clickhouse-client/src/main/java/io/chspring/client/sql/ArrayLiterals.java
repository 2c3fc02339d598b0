package io.chspring.client.sql;

/** {@code [a, b]} for Java arrays; primitive arrays without boxing each element. */
final class ArrayLiterals {

    private ArrayLiterals() {
    }

    static void append(StringBuilder out, Object array, int depth) {
        out.append('[');
        if (array instanceof Object[] objects) {
            for (int i = 0; i < objects.length; i++) {
                separate(out, i);
                SqlLiterals.appendElement(out, objects[i], depth);
            }
        } else if (array instanceof int[] ints) {
            for (int i = 0; i < ints.length; i++) {
                separate(out, i).append(ints[i]);
            }
        } else if (array instanceof long[] longs) {
            for (int i = 0; i < longs.length; i++) {
                separate(out, i).append(longs[i]);
            }
        } else if (array instanceof short[] shorts) {
            for (int i = 0; i < shorts.length; i++) {
                separate(out, i).append(shorts[i]);
            }
        } else if (array instanceof double[] doubles) {
            for (int i = 0; i < doubles.length; i++) {
                NumberLiterals.appendDouble(separate(out, i), doubles[i]);
            }
        } else if (array instanceof float[] floats) {
            for (int i = 0; i < floats.length; i++) {
                NumberLiterals.appendFloat(separate(out, i), floats[i]);
            }
        } else if (array instanceof boolean[] booleans) {
            for (int i = 0; i < booleans.length; i++) {
                separate(out, i).append(booleans[i] ? '1' : '0');
            }
        } else {
            throw new IllegalArgumentException("No ClickHouse SQL literal for an array of type "
                    + array.getClass().getComponentType().getName());
        }
        out.append(']');
    }

    private static StringBuilder separate(StringBuilder out, int index) {
        return index == 0 ? out : out.append(", ");
    }
}
