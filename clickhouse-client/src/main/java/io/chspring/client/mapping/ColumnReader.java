package io.chspring.client.mapping;

import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.rowbinary.ValueCodec;

/**
 * Reads one column of a row into its slot of the row buffer, through the codec's primitive method for primitive
 * properties (no boxing).
 */
abstract class ColumnReader {

    final ValueCodec<?> codec;
    final int slot;

    ColumnReader(ValueCodec<?> codec, int slot) {
        this.codec = codec;
        this.slot = slot;
    }

    abstract void read(RowBinaryInput in, long[] longs, double[] doubles, Object[] refs);

    /** The reader for a property of class {@code c} stored in {@code slot}. */
    static ColumnReader of(ValueCodec<?> codec, Class<?> c, int slot) {
        if (c == long.class) {
            return new LongReader(codec, slot);
        } else if (c == int.class || c == short.class || c == byte.class || c == char.class) {
            return new IntReader(codec, slot);
        } else if (c == boolean.class) {
            return new BooleanReader(codec, slot);
        } else if (c == double.class) {
            return new DoubleReader(codec, slot);
        } else if (c == float.class) {
            return new FloatReader(codec, slot);
        }
        return new RefReader(codec, slot);
    }

    /** A reader that decodes the value (RowBinary has no lengths to skip by) and drops it. */
    static ColumnReader skip(ValueCodec<?> codec) {
        return new ColumnReader(codec, -1) {
            @Override
            void read(RowBinaryInput in, long[] longs, double[] doubles, Object[] refs) {
                codec.read(in);
            }
        };
    }

    private static final class LongReader extends ColumnReader {
        LongReader(ValueCodec<?> codec, int slot) {
            super(codec, slot);
        }

        @Override
        void read(RowBinaryInput in, long[] longs, double[] doubles, Object[] refs) {
            longs[slot] = codec.readLong(in);
        }
    }

    private static final class IntReader extends ColumnReader {
        IntReader(ValueCodec<?> codec, int slot) {
            super(codec, slot);
        }

        @Override
        void read(RowBinaryInput in, long[] longs, double[] doubles, Object[] refs) {
            longs[slot] = codec.readInt(in);
        }
    }

    private static final class BooleanReader extends ColumnReader {
        BooleanReader(ValueCodec<?> codec, int slot) {
            super(codec, slot);
        }

        @Override
        void read(RowBinaryInput in, long[] longs, double[] doubles, Object[] refs) {
            longs[slot] = codec.readBoolean(in) ? 1 : 0;
        }
    }

    private static final class DoubleReader extends ColumnReader {
        DoubleReader(ValueCodec<?> codec, int slot) {
            super(codec, slot);
        }

        @Override
        void read(RowBinaryInput in, long[] longs, double[] doubles, Object[] refs) {
            doubles[slot] = codec.readDouble(in);
        }
    }

    private static final class FloatReader extends ColumnReader {
        FloatReader(ValueCodec<?> codec, int slot) {
            super(codec, slot);
        }

        @Override
        void read(RowBinaryInput in, long[] longs, double[] doubles, Object[] refs) {
            doubles[slot] = codec.readFloat(in);
        }
    }

    private static final class RefReader extends ColumnReader {
        RefReader(ValueCodec<?> codec, int slot) {
            super(codec, slot);
        }

        @Override
        void read(RowBinaryInput in, long[] longs, double[] doubles, Object[] refs) {
            refs[slot] = codec.read(in);
        }
    }
}
