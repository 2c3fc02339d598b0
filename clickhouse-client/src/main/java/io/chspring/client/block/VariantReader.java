package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;

/**
 * Variant (ClickHouse {@code SerializationVariant}): a UInt64 discriminators mode in the prefix (0, basic; the compact
 * mode is for MergeTree parts) and the variants' prefixes; then one discriminator byte per row (the variant's index
 * in the type's sorted variant list, 255 for NULL), then each variant's column holding only its own rows, in order.
 * Read into an object column of the variants' values.
 */
final class VariantReader implements NativeColumnReader {

    private static final int NULL_DISCRIMINATOR = 255;

    private final ClickHouseType type;
    private final NativeColumnReader[] variants;

    VariantReader(ClickHouseType type, NativeColumnReader[] variants) {
        this.type = type;
        this.variants = variants;
    }

    @Override
    public void readPrefix(NativeInput in) {
        long mode = in.raw().readLong();
        if (mode != 0) {
            throw new ClickHouseTransportException("malformed Native data: Variant discriminators mode " + mode
                    + " (expected 0, basic) for a " + type + " column");
        }
        for (NativeColumnReader variant : variants) {
            variant.readPrefix(in);
        }
    }

    @Override
    public BlockColumn read(NativeInput in, String name, int rows) {
        int[] discriminators = in.readUnsignedBytes(rows);
        int[] counts = new int[variants.length];
        for (int i = 0; i < rows; i++) {
            int d = discriminators[i];
            if (d == NULL_DISCRIMINATOR) {
                continue;
            }
            if (d >= variants.length) {
                throw new ClickHouseTransportException("column '" + name + "' (" + type + "): discriminator " + d
                        + " at row " + i + " for " + variants.length + " variants");
            }
            counts[d]++;
        }
        BlockColumn[] columns = new BlockColumn[variants.length];
        for (int v = 0; v < variants.length; v++) {
            columns[v] = variants[v].read(in, name + "." + type.children().get(v), counts[v]);
        }
        Object[] values = new Object[rows];
        BitSet nulls = new BitSet(rows);
        int[] next = new int[variants.length];
        for (int i = 0; i < rows; i++) {
            int d = discriminators[i];
            if (d == NULL_DISCRIMINATOR) {
                nulls.set(i);
            } else {
                values[i] = columns[d].value(next[d]++);
            }
        }
        return new ObjectColumn(name, type, values, nulls);
    }
}
