package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/**
 * UInt8 or Int8 as boolean, the conventional boolean column before ClickHouse 21.12 had Bool (18.16 has none): true
 * writes 1, false 0; 0 reads false, 1 true, and any other value fails naming it rather than guessing.
 */
final class ByteBooleanCodec extends BaseCodec<Boolean> {

    private final boolean signed;

    ByteBooleanCodec(ClickHouseType type, Class<?> javaType, boolean signed) {
        super(type, javaType);
        this.signed = signed;
    }

    @Override
    public boolean readBoolean(RowBinaryInput in) {
        int v = signed ? in.readByte() : in.readUnsignedByte();
        if (v == 0 || v == 1) {
            return v == 1;
        }
        throw CodecErrors.badData(type, "value " + v + " is not a boolean (only 0 and 1 are)");
    }

    @Override
    public Boolean read(RowBinaryInput in) {
        return readBoolean(in);
    }

    @Override
    public void writeBoolean(RowBinaryOutput out, boolean v) {
        out.writeByte(v ? 1 : 0);
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        if (!(value instanceof Boolean b)) {
            throw CodecErrors.notWritable(type, value);
        }
        out.writeByte(b ? 1 : 0);
    }
}
