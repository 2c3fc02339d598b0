package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.util.List;

/**
 * Variant(T1, ..., Tn): one discriminator byte (255 = NULL), then the value of that variant. The discriminator
 * indexes the variants sorted by name, which is the order {@link ClickHouseType} keeps them in. Values are read
 * in their default Java type or as {@link TypedValue}; a plain value written must match exactly one variant's
 * default Java type, otherwise pass a TypedValue.
 */
final class VariantCodec extends BaseCodec<Object> {

    private static final int NULL_DISCRIMINATOR = 255;

    private final List<ClickHouseType> variants;
    private final ValueCodec<?>[] codecs;
    private final Class<?>[] classes;
    private final boolean typed;

    VariantCodec(ClickHouseType type, boolean typed, CodecBuilder builder) {
        super(type, typed ? TypedValue.class : Object.class);
        this.variants = type.children();
        this.codecs = new ValueCodec<?>[variants.size()];
        this.classes = new Class<?>[variants.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = builder.build(variants.get(i), Object.class);
            classes[i] = JavaTypes.defaultClass(variants.get(i));
        }
        this.typed = typed;
    }

    @Override
    public Object read(RowBinaryInput in) {
        int d = in.readUnsignedByte();
        if (d == NULL_DISCRIMINATOR) {
            return null;
        }
        if (d >= codecs.length) {
            throw CodecErrors.badData(type, "discriminator " + d + " out of range");
        }
        Object value = codecs[d].read(in);
        return typed ? new TypedValue(variants.get(d), value) : value;
    }

    @Override
    public void write(RowBinaryOutput out, Object value) {
        if (value == null || value instanceof TypedValue t && t.value() == null) {
            out.writeByte(NULL_DISCRIMINATOR);
            return;
        }
        encode(out, value);
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        int d = -1;
        Object v = value;
        if (value instanceof TypedValue t) {
            d = variants.indexOf(t.type());
            v = t.value();
            if (d < 0) {
                throw CodecErrors.notWritable(type, value);
            }
        } else {
            for (int i = 0; i < classes.length; i++) {
                if (classes[i].isInstance(value)) {
                    if (d >= 0) {
                        throw CodecErrors.outOfRange(type, value, "it fits variants " + variants.get(d) + " and "
                                + variants.get(i) + "; wrap it in a TypedValue");
                    }
                    d = i;
                }
            }
            if (d < 0) {
                throw CodecErrors.notWritable(type, value);
            }
        }
        out.writeByte(d);
        codecs[d].write(out, v);
    }
}
