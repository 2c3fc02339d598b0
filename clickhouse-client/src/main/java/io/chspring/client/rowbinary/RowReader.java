package io.chspring.client.rowbinary;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.ClickHouseColumn;
import java.util.List;

/**
 * Reads RowBinary rows as {@code Object[]} in the default Java types, with codecs built once for the columns.
 * Errors name the column.
 */
public final class RowReader {

    private final List<ClickHouseColumn> columns;
    private final ValueCodec<?>[] codecs;

    /** Codecs for {@code columns} with {@link CodecOptions#DEFAULT}. */
    public RowReader(List<ClickHouseColumn> columns) {
        this(columns, CodecOptions.DEFAULT);
    }

    /** Codecs for {@code columns}. */
    public RowReader(List<ClickHouseColumn> columns, CodecOptions options) {
        this(columns, options, ReadFormats.NONE);
    }

    /**
     * Codecs for {@code columns}, each value in the Java type {@code formats} choose (by column, then by type), else
     * its default.
     *
     * @throws io.chspring.client.ClickHouseConfigurationException when a format names a column the result does not
     *     have, or does not apply to its column's type
     */
    public RowReader(List<ClickHouseColumn> columns, CodecOptions options, ReadFormats formats) {
        formats.checkColumns(columns);
        this.columns = List.copyOf(columns);
        this.codecs = new ValueCodec<?>[columns.size()];
        for (int i = 0; i < codecs.length; i++) {
            ClickHouseColumn c = this.columns.get(i);
            try {
                codecs[i] = RowBinaryCodecs.codec(c, Object.class, options, formats);
            } catch (ClickHouseSchemaException e) {
                throw RowWriter.named(c, e);
            }
        }
    }

    /** The columns, in order. */
    public List<ClickHouseColumn> columns() {
        return columns;
    }

    /** The next row, or {@code null} when the stream ends cleanly before it. */
    public Object[] next(RowBinaryInput in) {
        if (!in.hasMore()) {
            return null;
        }
        Object[] row = new Object[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            try {
                row[i] = codecs[i].read(in);
            } catch (ClickHouseSchemaException e) {
                throw RowWriter.named(columns.get(i), e);
            }
        }
        return row;
    }
}
