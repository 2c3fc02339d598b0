package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.math.BigInteger;

/** (U)Int128 and (U)Int256 as BigInteger: 16 or 32 bytes, little-endian two's complement. */
final class BigIntegerCodec extends BaseCodec<BigInteger> {

    private final int width;
    private final boolean signed;
    private final BigInteger min;
    private final BigInteger maxExclusive;

    BigIntegerCodec(ClickHouseType type, int width, boolean signed) {
        super(type, BigInteger.class);
        this.width = width;
        this.signed = signed;
        int bits = width * 8;
        this.min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        this.maxExclusive = signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits);
    }

    @Override
    public BigInteger read(RowBinaryInput in) {
        byte[] bytes = new byte[width];
        // Fill big-endian for BigInteger's constructor; the wire is little-endian.
        for (int i = width - 1; i >= 0; i--) {
            bytes[i] = in.readByte();
        }
        return signed ? new BigInteger(bytes) : new BigInteger(1, bytes);
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        BigInteger v;
        if (value instanceof BigInteger b) {
            v = b;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            v = BigInteger.valueOf(((Number) value).longValue());
        } else {
            throw CodecErrors.notWritable(type, value);
        }
        if (v.compareTo(min) < 0 || v.compareTo(maxExclusive) >= 0) {
            throw CodecErrors.outOfRange(type, v, "the range is [" + min + ", " + maxExclusive.subtract(BigInteger.ONE)
                    + "]");
        }
        byte[] be = v.toByteArray();
        int fill = v.signum() < 0 ? 0xFF : 0;
        for (int i = 0; i < width; i++) {
            int src = be.length - 1 - i;
            out.writeByte(src >= 0 ? be[src] : fill);
        }
    }
}
