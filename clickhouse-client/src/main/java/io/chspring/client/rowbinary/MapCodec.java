package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Map(K, V): a LEB128 entry count, then key, value, key, value... Read as a LinkedHashMap in wire order. */
final class MapCodec extends BaseCodec<Map<Object, Object>> {

    private final ValueCodec<?> key;
    private final ValueCodec<?> value;

    MapCodec(ClickHouseType type, ValueCodec<?> key, ValueCodec<?> value) {
        super(type, Map.class);
        this.key = key;
        this.value = value;
    }

    @Override
    public Map<Object, Object> read(RowBinaryInput in) {
        int n = in.readLength();
        Map<Object, Object> out = new LinkedHashMap<>(Math.min(n, 1 << 16) * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
            Object k = key.read(in);
            out.put(k, value.read(in));
        }
        return out;
    }

    @Override
    void encode(RowBinaryOutput out, Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            throw CodecErrors.notWritable(type, v);
        }
        out.writeVarLong(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            key.write(out, e.getKey());
            value.write(out, e.getValue());
        }
    }
}
