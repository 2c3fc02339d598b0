package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/**
 * Array(T) of a numeric or Bool T as boolean[], byte[], short[], int[], long[], float[] or double[]: the element
 * codec's primitive methods fill the array, so no element is boxed.
 */
final class PrimitiveArrayCodec extends BaseCodec<Object> {

    private final ValueCodec<?> element;
    private final Class<?> component;

    PrimitiveArrayCodec(ClickHouseType type, Class<?> javaType, ValueCodec<?> element) {
        super(type, javaType);
        this.element = element;
        this.component = javaType.getComponentType();
    }

    static boolean isPrimitiveArray(Object value) {
        return value != null && value.getClass().isArray() && value.getClass().getComponentType().isPrimitive();
    }

    @Override
    public Object read(RowBinaryInput in) {
        int n = in.readLength();
        if (component == int.class) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = element.readInt(in);
            }
            return a;
        } else if (component == long.class) {
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = element.readLong(in);
            }
            return a;
        } else if (component == double.class) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = element.readDouble(in);
            }
            return a;
        } else if (component == float.class) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = element.readFloat(in);
            }
            return a;
        } else if (component == short.class) {
            short[] a = new short[n];
            for (int i = 0; i < n; i++) {
                a[i] = (short) element.readInt(in);
            }
            return a;
        } else if (component == byte.class) {
            byte[] a = new byte[n];
            for (int i = 0; i < n; i++) {
                a[i] = (byte) element.readInt(in);
            }
            return a;
        } else {
            boolean[] a = new boolean[n];
            for (int i = 0; i < n; i++) {
                a[i] = element.readBoolean(in);
            }
            return a;
        }
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        if (!isPrimitiveArray(value)) {
            throw CodecErrors.notWritable(type, value);
        }
        writeAny(out, element, value);
    }

    static void writeAny(RowBinaryOutput out, ValueCodec<?> element, Object value) {
        if (value instanceof int[] a) {
            out.writeVarLong(a.length);
            for (int v : a) {
                element.writeInt(out, v);
            }
        } else if (value instanceof long[] a) {
            out.writeVarLong(a.length);
            for (long v : a) {
                element.writeLong(out, v);
            }
        } else if (value instanceof double[] a) {
            out.writeVarLong(a.length);
            for (double v : a) {
                element.writeDouble(out, v);
            }
        } else if (value instanceof float[] a) {
            out.writeVarLong(a.length);
            for (float v : a) {
                element.writeFloat(out, v);
            }
        } else if (value instanceof short[] a) {
            out.writeVarLong(a.length);
            for (short v : a) {
                element.writeInt(out, v);
            }
        } else if (value instanceof byte[] a) {
            out.writeVarLong(a.length);
            for (byte v : a) {
                element.writeInt(out, v);
            }
        } else if (value instanceof boolean[] a) {
            out.writeVarLong(a.length);
            for (boolean v : a) {
                element.writeBoolean(out, v);
            }
        } else {
            throw CodecErrors.notWritable(element.type(), value);
        }
    }
}
