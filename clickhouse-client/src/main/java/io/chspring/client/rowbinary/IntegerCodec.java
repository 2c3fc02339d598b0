package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.math.BigInteger;

/**
 * (U)Int8..(U)Int64 as byte, short, int, long or BigInteger, little-endian on the wire. UInt64 read as a long keeps
 * the 64 bits: values above {@link Long#MAX_VALUE} come back negative (use {@link Long#toUnsignedString(long)}),
 * and a negative long written to UInt64 is taken as those unsigned bits.
 */
final class IntegerCodec extends BaseCodec<Object> {

    enum Target { BYTE, SHORT, INT, LONG, BIG_INTEGER }

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final int width;
    private final boolean signed;
    private final Target target;
    private final long min;
    private final long max;

    IntegerCodec(ClickHouseType type, Class<?> javaType, int width, boolean signed, Target target) {
        super(type, javaType);
        this.width = width;
        this.signed = signed;
        this.target = target;
        int bits = width * 8;
        if (signed) {
            this.min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
            this.max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        } else {
            this.min = 0;
            this.max = bits == 64 ? -1L : (1L << bits) - 1;
        }
    }

    private boolean unsigned64() {
        return !signed && width == 8;
    }

    @Override
    public long readLong(RowBinaryInput in) {
        return switch (width) {
            case 1 -> signed ? in.readByte() : in.readUnsignedByte();
            case 2 -> signed ? in.readShort() : in.readShort() & 0xFFFF;
            case 4 -> signed ? in.readInt() : in.readInt() & 0xFFFFFFFFL;
            default -> in.readLong();
        };
    }

    @Override
    public int readInt(RowBinaryInput in) {
        long v = readLong(in);
        if (v != (int) v || (unsigned64() && v < 0)) {
            throw CodecErrors.badData(type, (unsigned64() ? Long.toUnsignedString(v) : v) + " does not fit an int");
        }
        return (int) v;
    }

    @Override
    public double readDouble(RowBinaryInput in) {
        long v = readLong(in);
        return unsigned64() && v < 0 ? new BigInteger(Long.toUnsignedString(v)).doubleValue() : v;
    }

    @Override
    public float readFloat(RowBinaryInput in) {
        return (float) readDouble(in);
    }

    @Override
    public Object read(RowBinaryInput in) {
        long v = readLong(in);
        return switch (target) {
            case BYTE -> (byte) v;
            case SHORT -> (short) v;
            case INT -> (int) v;
            case LONG -> v;
            case BIG_INTEGER -> unsigned64() && v < 0 ? BigInteger.valueOf(v).add(TWO_64) : BigInteger.valueOf(v);
        };
    }

    @Override
    public void writeLong(RowBinaryOutput out, long v) {
        if (!unsigned64() && (v < min || v > max)) {
            throw CodecErrors.outOfRange(type, v, "the range is [" + min + ", " + (max < 0 ? "2^64-1" : max) + "]");
        }
        writeRaw(out, v);
    }

    @Override
    public void writeInt(RowBinaryOutput out, int v) {
        if (unsigned64() && v < 0) {
            throw CodecErrors.outOfRange(type, v, "negative");
        }
        writeLong(out, v);
    }

    private void writeRaw(RowBinaryOutput out, long v) {
        switch (width) {
            case 1 -> out.writeByte((int) v);
            case 2 -> out.writeShort((int) v);
            case 4 -> out.writeInt((int) v);
            default -> out.writeLong(v);
        }
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        if (value instanceof Long l) {
            writeLong(out, l);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            writeInt(out, ((Number) value).intValue());
        } else if (value instanceof BigInteger b) {
            BigInteger upper = unsigned64() ? TWO_64 : BigInteger.valueOf(max).add(BigInteger.ONE);
            if (b.compareTo(BigInteger.valueOf(min)) < 0 || b.compareTo(upper) >= 0) {
                throw CodecErrors.outOfRange(type, b, "out of range");
            }
            writeRaw(out, b.longValue());
        } else {
            throw CodecErrors.notWritable(type, value);
        }
    }
}
