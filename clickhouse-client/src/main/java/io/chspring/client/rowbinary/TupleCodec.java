package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.util.Arrays;
import java.util.List;

/**
 * Tuple(T1, ..., Tn) (and Nested elements, geo Point): the elements one after another, no header. Read as a
 * fixed-size List, an Object[] or, when every element is numeric, a double[] (a geo Point is {@code {x, y}}).
 */
final class TupleCodec extends BaseCodec<Object> {

    enum Target { LIST, ARRAY, DOUBLES }

    private final ValueCodec<?>[] elements;
    private final Target target;

    TupleCodec(ClickHouseType type, Class<?> javaType, ValueCodec<?>[] elements, Target target) {
        super(type, javaType);
        this.elements = elements.clone();
        this.target = target;
    }

    @Override
    public Object read(RowBinaryInput in) {
        if (target == Target.DOUBLES) {
            double[] out = new double[elements.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = elements[i].readDouble(in);
            }
            return out;
        }
        Object[] out = new Object[elements.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = elements[i].read(in);
        }
        return target == Target.ARRAY ? out : Arrays.asList(out);
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        if (value instanceof double[] d && d.length == elements.length) {
            for (int i = 0; i < d.length; i++) {
                elements[i].writeDouble(out, d[i]);
            }
            return;
        }
        Object[] values = value instanceof Object[] a ? a : value instanceof List<?> l ? l.toArray() : null;
        if (values == null || values.length != elements.length) {
            throw CodecErrors.notWritable(type, value);
        }
        for (int i = 0; i < values.length; i++) {
            elements[i].write(out, values[i]);
        }
    }
}
