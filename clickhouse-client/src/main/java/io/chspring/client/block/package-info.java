/**
 * Query results as blocks of columns, read from ClickHouse's columnar {@code Native} format: per block and result
 * column a primitive array ({@code long[]}, {@code double[]}...) or an object array, nulls as a {@link java.util.BitSet},
 * and no object per row. Also {@link io.chspring.client.block.NativeRowBinaryStream}, which hands a Native result out
 * as the RowBinary of the same rows (the typed reads of servers before 19.3 check its header). Works on streams only;
 * never touches the transport.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.block;
