package io.chspring.client.rowbinary;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.ClickHouseColumn;
import java.util.List;

/** Writes {@code Object[]} rows in RowBinary with codecs built once for the columns. Errors name the column. */
public final class RowWriter {

    private final List<ClickHouseColumn> columns;
    private final ValueCodec<?>[] codecs;

    /** Codecs for {@code columns}. */
    public RowWriter(List<ClickHouseColumn> columns, CodecOptions options) {
        this.columns = List.copyOf(columns);
        this.codecs = new ValueCodec<?>[columns.size()];
        for (int i = 0; i < codecs.length; i++) {
            try {
                codecs[i] = RowBinaryCodecs.codec(this.columns.get(i).type(), Object.class, options);
            } catch (ClickHouseSchemaException e) {
                throw named(this.columns.get(i), e);
            }
        }
    }

    /** Writes one row; it must have one value per column. */
    public void write(RowBinaryOutput out, Object[] row) {
        if (row.length != codecs.length) {
            throw new ClickHouseSchemaException("row has " + row.length + " values for " + codecs.length + " columns");
        }
        for (int i = 0; i < codecs.length; i++) {
            try {
                codecs[i].write(out, row[i]);
            } catch (ClickHouseSchemaException e) {
                throw named(columns.get(i), e);
            }
        }
    }

    static ClickHouseSchemaException named(ClickHouseColumn column, ClickHouseSchemaException e) {
        return new ClickHouseSchemaException("column '" + column.name() + "': " + e.getMessage(), e);
    }
}
