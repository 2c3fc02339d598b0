package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dynamic: the value's type in the binary type encoding ({@link BinaryTypes}; 0x00 Nothing = NULL), then the value
 * in RowBinary. Codecs per type name are built on first sight and cached (bounded). Plain values written get a
 * type inferred by {@link DynamicTypes}; a {@link TypedValue} names its type itself.
 */
final class DynamicCodec extends BaseCodec<Object> {

    private static final int MAX_CACHED = 256;

    private final boolean typed;
    private final CodecBuilder builder;
    private final boolean jsonInference;
    private final Map<String, ValueCodec<?>> cache = new ConcurrentHashMap<>();

    DynamicCodec(ClickHouseType type, boolean typed, CodecBuilder builder) {
        this(type, typed, builder, false);
    }

    DynamicCodec(ClickHouseType type, boolean typed, CodecBuilder builder, boolean jsonInference) {
        super(type, typed ? TypedValue.class : Object.class);
        this.typed = typed;
        this.builder = builder;
        this.jsonInference = jsonInference;
    }

    private ValueCodec<?> codecFor(String typeName) {
        ValueCodec<?> codec = cache.get(typeName);
        if (codec == null) {
            codec = builder.build(ClickHouseType.parse(typeName), Object.class);
            if (cache.size() < MAX_CACHED) {
                cache.put(typeName, codec);
            }
        }
        return codec;
    }

    @Override
    public Object read(RowBinaryInput in) {
        int tag = in.readUnsignedByte();
        if (tag == BinaryTypes.NOTHING) {
            return null;
        }
        ValueCodec<?> codec = codecFor(BinaryTypes.decode(tag, in));
        Object value = codec.read(in);
        return typed ? new TypedValue(codec.type(), value) : value;
    }

    @Override
    public void write(RowBinaryOutput out, Object value) {
        if (value == null || value instanceof TypedValue t && t.value() == null) {
            out.writeByte(BinaryTypes.NOTHING);
            return;
        }
        encode(out, value);
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        ClickHouseType valueType;
        Object v = value;
        if (value instanceof TypedValue t) {
            valueType = t.type();
            v = t.value();
        } else {
            valueType = DynamicTypes.infer(value, jsonInference);
            if (valueType == null) {
                throw CodecErrors.outOfRange(type, value, "no ClickHouse type is inferred for "
                        + value.getClass().getName() + "; wrap it in a TypedValue");
            }
        }
        BinaryTypes.encode(valueType, out);
        codecFor(valueType.toString()).write(out, v);
    }
}
