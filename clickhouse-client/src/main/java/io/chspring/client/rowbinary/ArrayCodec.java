package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Array(T): a LEB128 element count, then the elements. Read as a List (ArrayList) or as a Java array of any
 * reference type (String[], double[][] for geo rings, ...); primitive arrays have {@link PrimitiveArrayCodec}.
 */
final class ArrayCodec extends BaseCodec<Object> {

    private final ValueCodec<?> element;
    private final Object[] prototype;

    /** @param prototype an empty array of the wanted component type, or {@code null} to read Lists */
    ArrayCodec(ClickHouseType type, Class<?> javaType, ValueCodec<?> element, Object[] prototype) {
        super(type, javaType);
        this.element = element;
        this.prototype = prototype;
    }

    @Override
    public Object read(RowBinaryInput in) {
        int n = in.readLength();
        if (prototype != null) {
            Object[] out = Arrays.copyOf(prototype, n);
            for (int i = 0; i < n; i++) {
                out[i] = element.read(in);
            }
            return out;
        }
        List<Object> out = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            out.add(element.read(in));
        }
        return out;
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        if (value instanceof Collection<?> c) {
            out.writeVarLong(c.size());
            for (Object o : c) {
                element.write(out, o);
            }
        } else if (value instanceof Object[] a) {
            out.writeVarLong(a.length);
            for (Object o : a) {
                element.write(out, o);
            }
        } else if (PrimitiveArrayCodec.isPrimitiveArray(value)) {
            PrimitiveArrayCodec.writeAny(out, element, value);
        } else {
            throw CodecErrors.notWritable(type, value);
        }
    }
}
