package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/** Nothing has no values and no bytes: it appears only inside Nullable(Nothing), whose every value is NULL. */
final class NothingCodec extends BaseCodec<Object> {

    NothingCodec(ClickHouseType type) {
        super(type, Object.class);
    }

    @Override
    public Object read(RowBinaryInput in) {
        return null;
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        throw CodecErrors.notWritable(type, value);
    }
}
