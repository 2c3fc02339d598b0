package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/** Float32, Float64 and BFloat16 (the upper 16 bits of a Float32, see the RowBinary docs). */
final class FloatCodecs {

    private FloatCodecs() {
    }

    /** Float32 (and BFloat16) values as float or double. */
    static final class Float32 extends BaseCodec<Object> {
        private final boolean bfloat16;
        private final boolean asDouble;

        Float32(ClickHouseType type, Class<?> javaType, boolean bfloat16, boolean asDouble) {
            super(type, javaType);
            this.bfloat16 = bfloat16;
            this.asDouble = asDouble;
        }

        @Override
        public float readFloat(RowBinaryInput in) {
            return bfloat16 ? Float.intBitsToFloat(in.readShort() << 16) : in.readFloat();
        }

        @Override
        public double readDouble(RowBinaryInput in) {
            return readFloat(in);
        }

        @Override
        public Object read(RowBinaryInput in) {
            float f = readFloat(in);
            return asDouble ? (Object) (double) f : (Object) f;
        }

        /** BFloat16 keeps the top 16 bits, the same truncation the server applies converting Float32 to BFloat16. */
        @Override
        public void writeFloat(RowBinaryOutput out, float v) {
            if (bfloat16) {
                out.writeShort(Float.floatToRawIntBits(v) >>> 16);
            } else {
                out.writeFloat(v);
            }
        }

        @Override
        public void writeDouble(RowBinaryOutput out, double v) {
            float f = (float) v;
            if (f != v && !Double.isNaN(v)) {
                throw CodecErrors.outOfRange(type, v, "not exactly representable as a Float32");
            }
            writeFloat(out, f);
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            if (value instanceof Float f) {
                writeFloat(out, f);
            } else if (value instanceof Double d) {
                writeDouble(out, d);
            } else {
                throw CodecErrors.notWritable(type, value);
            }
        }
    }

    /** Float64 values as double. */
    static final class Float64 extends BaseCodec<Double> {
        Float64(ClickHouseType type, Class<?> javaType) {
            super(type, javaType);
        }

        @Override
        public double readDouble(RowBinaryInput in) {
            return in.readDouble();
        }

        @Override
        public Double read(RowBinaryInput in) {
            return in.readDouble();
        }

        @Override
        public void writeDouble(RowBinaryOutput out, double v) {
            out.writeDouble(v);
        }

        @Override
        public void writeFloat(RowBinaryOutput out, float v) {
            out.writeDouble(v);
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            if (value instanceof Double || value instanceof Float) {
                out.writeDouble(((Number) value).doubleValue());
            } else {
                throw CodecErrors.notWritable(type, value);
            }
        }
    }

    /** Bool as boolean: one byte, 0 or 1. */
    static final class Bool extends BaseCodec<Boolean> {
        Bool(ClickHouseType type, Class<?> javaType) {
            super(type, javaType);
        }

        @Override
        public boolean readBoolean(RowBinaryInput in) {
            return in.readByte() != 0;
        }

        @Override
        public Boolean read(RowBinaryInput in) {
            return in.readByte() != 0;
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
}
