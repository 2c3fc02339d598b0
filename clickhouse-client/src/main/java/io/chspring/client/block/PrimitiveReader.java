package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;

/**
 * Numbers and Bool: the column is the raw little-endian array ClickHouse keeps in memory, read in bulk. Unsigned
 * types widen to the next signed Java type (UInt8 to short, UInt16 to int, UInt32 to long) as the row API does;
 * UInt64 keeps its bits in a long.
 */
final class PrimitiveReader implements NativeColumnReader {

    private final ClickHouseType type;

    PrimitiveReader(ClickHouseType type) {
        this.type = type;
    }

    static boolean handles(ClickHouseType type) {
        return switch (type.kind()) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, INTERVAL, FLOAT32, FLOAT64, BFLOAT16, BOOL ->
                true;
            default -> false;
        };
    }

    @Override
    public BlockColumn read(NativeInput in, String name, int rows) {
        return switch (type.kind()) {
            case INT8 -> new ByteColumn(name, type, in.readBytes(rows), null);
            case UINT8 -> {
                int[] raw = in.readUnsignedBytes(rows);
                short[] out = new short[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = (short) raw[i];
                }
                yield new ShortColumn(name, type, out, null);
            }
            case INT16 -> new ShortColumn(name, type, in.readShorts(rows), null);
            case UINT16 -> {
                short[] raw = in.readShorts(rows);
                int[] out = new int[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = raw[i] & 0xFFFF;
                }
                yield new IntColumn(name, type, out, null);
            }
            case INT32 -> new IntColumn(name, type, in.readInts(rows), null);
            case UINT32 -> {
                int[] raw = in.readInts(rows);
                long[] out = new long[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = raw[i] & 0xFFFFFFFFL;
                }
                yield new LongColumn(name, type, out, null);
            }
            case INT64, UINT64, INTERVAL -> new LongColumn(name, type, in.readLongs(rows), null);
            case FLOAT32 -> new FloatColumn(name, type, in.readFloats(rows), null);
            case BFLOAT16 -> {
                // BFloat16 is the upper half of a Float32
                short[] raw = in.readShorts(rows);
                float[] out = new float[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = Float.intBitsToFloat(raw[i] << 16);
                }
                yield new FloatColumn(name, type, out, null);
            }
            case FLOAT64 -> new DoubleColumn(name, type, in.readDoubles(rows), null);
            case BOOL -> {
                byte[] raw = in.readBytes(rows);
                boolean[] out = new boolean[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = raw[i] != 0;
                }
                yield new BooleanColumn(name, type, out, null);
            }
            default -> throw new IllegalStateException("not a primitive type: " + type);
        };
    }
}
