package io.chspring.client.inserter;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes one Java row as RowBinary bytes, in the column order the {@link Inserter} was built with.
 *
 * <p>The encoder writes into a per-call scratch buffer; when it throws, nothing of the row reaches a
 * batch. It should throw {@link io.chspring.client.ClickHouseSchemaException} naming the column and value
 * that cannot be encoded.
 *
 * @param <T> the row type
 */
@FunctionalInterface
public interface RowEncoder<T> {

    /** Writes {@code row} as RowBinary to {@code out}; must not close {@code out}. */
    void encode(T row, OutputStream out) throws IOException;
}
