package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decimal(P, S) as BigDecimal: the unscaled value as a little-endian Int32/64/128/256 chosen by P (<= 9, 18, 38,
 * 76). Writes keep the value exactly: a scale change happens only when no digit is lost, and a value with more
 * than P digits is rejected, naming the value.
 */
final class DecimalCodec extends BaseCodec<BigDecimal> {

    private final int precision;
    private final int scale;
    private final int width;
    private final BigInteger limit;
    private final BigIntegerCodec wide;

    DecimalCodec(ClickHouseType type) {
        super(type, BigDecimal.class);
        this.precision = type.precision();
        this.scale = type.scale();
        this.width = precision <= 9 ? 4 : precision <= 18 ? 8 : precision <= 38 ? 16 : 32;
        this.limit = BigInteger.TEN.pow(precision);
        this.wide = width > 8 ? new BigIntegerCodec(type, width, true) : null;
    }

    @Override
    public BigDecimal read(RowBinaryInput in) {
        return switch (width) {
            case 4 -> BigDecimal.valueOf(in.readInt(), scale);
            case 8 -> BigDecimal.valueOf(in.readLong(), scale);
            default -> new BigDecimal(wide.read(in), scale);
        };
    }

    @Override
    public double readDouble(RowBinaryInput in) {
        return read(in).doubleValue();
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        BigDecimal v;
        if (value instanceof BigDecimal d) {
            v = d;
        } else if (value instanceof BigInteger b) {
            v = new BigDecimal(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            v = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            throw CodecErrors.notWritable(type, value);
        }
        BigDecimal scaled;
        try {
            scaled = v.setScale(scale);
        } catch (ArithmeticException e) {
            throw CodecErrors.outOfRange(type, v.toPlainString(), "more than " + scale + " fraction digits");
        }
        BigInteger unscaled = scaled.unscaledValue();
        if (unscaled.abs().compareTo(limit) >= 0) {
            throw CodecErrors.outOfRange(type, v.toPlainString(), "more than " + precision + " significant digits");
        }
        switch (width) {
            case 4 -> out.writeInt(unscaled.intValue());
            case 8 -> out.writeLong(unscaled.longValue());
            default -> wide.encode(out, unscaled);
        }
    }
}
