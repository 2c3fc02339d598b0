package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.util.UUID;

/**
 * UUID as java.util.UUID. The wire holds two little-endian UInt64 halves, most significant half first, so
 * {@code 61f0c404-5cb3-11e7-907b-a6006ad3dba0} is {@code e711b35c04c4f061 a0dbd36a00a67b90}.
 */
final class UuidCodec extends BaseCodec<UUID> {

    UuidCodec(ClickHouseType type) {
        super(type, UUID.class);
    }

    @Override
    public UUID read(RowBinaryInput in) {
        long high = in.readLong();
        return new UUID(high, in.readLong());
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        if (!(value instanceof UUID u)) {
            throw CodecErrors.notWritable(type, value);
        }
        out.writeLong(u.getMostSignificantBits());
        out.writeLong(u.getLeastSignificantBits());
    }
}
