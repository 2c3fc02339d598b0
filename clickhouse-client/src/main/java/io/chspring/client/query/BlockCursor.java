package io.chspring.client.query;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.block.Block;
import io.chspring.client.block.NativeBlockReader;
import io.chspring.client.type.ClickHouseColumn;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The result of a query as blocks of columns ({@link Query#fetchBlocks()}), read from ClickHouse's {@code Native}
 * format as the server sends them: a block per server block ({@code max_block_size} rows at most), one block in
 * memory at a time, no object per row. Close it (try-with-resources) to release the connection; blocks not read are
 * discarded and the connection is not reused for them. Iterable once; not thread-safe.
 *
 * <pre>{@code
 * try (BlockCursor blocks = client.query("SELECT id, price FROM trades").fetchBlocks()) {
 *     for (Block block : blocks) {
 *         long[] ids = ((LongColumn) block.column("id")).values();
 *         double[] prices = ((DoubleColumn) block.column("price")).values();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class BlockCursor implements Iterable<Block>, AutoCloseable {

    private final QueryResponse response;
    private final NativeBlockReader reader;
    private final Supplier<List<ClickHouseColumn>> describe;
    private @Nullable List<ClickHouseColumn> columns;
    private @Nullable Block pending;
    private boolean iterated;
    private boolean closed;

    /**
     * Opens the cursor and reads the first block, which names the columns; {@code describe} gives them when the
     * result has no block at all (an empty result is an empty body in Native).
     */
    BlockCursor(QueryResponse response, NativeBlockReader reader, Supplier<List<ClickHouseColumn>> describe) {
        this.response = response;
        this.reader = reader;
        this.describe = describe;
        Block first = read();
        if (first != null) {
            columns = first.schema();
            pending = first.rows() > 0 ? first : read();
        }
    }

    /**
     * The result's columns in order (names and ClickHouse types), known before the first block is taken: from the
     * first block's header, or for a result without any block from {@code DESCRIBE (query)} (one more request, made
     * on the first call).
     */
    public List<ClickHouseColumn> columns() {
        if (columns == null) {
            columns = List.copyOf(describe.get());
        }
        return columns;
    }

    /** The query id. */
    public String queryId() {
        return response.queryId();
    }

    /** Whether another block with rows follows; an error the server appended after blocks is thrown here. */
    public boolean hasNext() {
        if (pending == null && !closed) {
            pending = read();
        }
        return pending != null;
    }

    /** The next block (never empty). */
    public Block next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more blocks in the result of query " + response.queryId());
        }
        Block block = pending;
        pending = null;
        return block;
    }

    /** The next block with rows, or null at the end; blocks without rows (a header) are skipped. */
    private @Nullable Block read() {
        try {
            while (reader.hasNext()) {
                Block block = reader.next();
                if (block.rows() > 0 || columns == null) {
                    return block;
                }
            }
            return null;
        } catch (ClickHouseTransportException e) {
            throw serverErrorOr(e);
        }
    }

    /**
     * A read failure whose cause is the server's error (appended after blocks, found by the transport) is reported
     * as that error, not as a transport failure around it. Other errors (a type blocks do not read, named with its
     * column) stay as they are.
     */
    private static ClickHouseException serverErrorOr(ClickHouseTransportException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ClickHouseServerException server) {
                return server;
            }
        }
        return e;
    }

    /** The remaining blocks, once. */
    @Override
    public Iterator<Block> iterator() {
        if (iterated) {
            throw new IllegalStateException("A BlockCursor can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return BlockCursor.this.hasNext();
            }

            @Override
            public Block next() {
                return BlockCursor.this.next();
            }
        };
    }

    /** The remaining blocks as a sequential stream; closing the stream closes the cursor. */
    public Stream<Block> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pending = null;
            response.close();
        }
    }
}
