package io.chspring.client.query;

import io.chspring.client.block.NativeRowBinaryStream;
import io.chspring.client.request.ResultShapes;
import io.chspring.client.type.ClickHouseColumn;
import java.util.List;

/**
 * The free check of a cached result shape on servers without a RowBinary header (before 19.3): the caller's own SQL
 * is sent asking for {@code Native}, whose every block names its columns and their types, and the first block's
 * header is compared with the cached names and type texts before any row is decoded. On a match the rows reach the
 * unchanged row reader as the RowBinary the server would have sent ({@link NativeRowBinaryStream}); on a mismatch the
 * response is dropped unread and the read asks {@code DESCRIBE} again, as after a refused {@link ResultGuard}.
 *
 * <p>Why not always {@link ResultGuard}: its wrapper ({@code SELECT cols FROM (q) WHERE NOT throwIf(...)}) costs
 * 18.16 a subquery per request, measured at 1.3-1.6x the plain query's server time for small queries (issue 17);
 * reading a header costs the server nothing. Why the guard remains: the transcoder covers only the types whose
 * Native and RowBinary layouts it knows (numbers, dates, Decimal, UUID, IPs, Enums, String, FixedString, and
 * LowCardinality, Nullable, Array and Tuple of those); Map, AggregateFunction, Nothing and the rest keep the
 * wrapper, and so do a DateTime with a time zone (see {@link #applies}), a query whose header once differed from
 * DESCRIBE for unchanged columns, a query whose result once passed {@link #LARGE_RESULT_ROWS} (for large results the
 * wrapper is the cheaper check). LowCardinality matters most here: 18.16 refuses the wrapper for it
 * ({@code toTypeName(tuple(*))} drops LowCardinality), so without the header check such a query asks DESCRIBE on
 * every run; 18.16's Native header prints {@code LowCardinality(...)} exactly as DESCRIBE does (checked on 18.16.1,
 * String, Nullable(String), FixedString, UInt32, Date and DateTime, table columns and {@code toLowCardinality}).
 */
final class NativeCheck {

    /**
     * Results above this many rows are checked with the wrapper from their next run on. Transcoding costs the client
     * ~0.1 us a row (3,000,000 rows of the benchmark table from a MergeTree table: 0.80-0.85 s of client CPU against
     * 0.49-0.50 s reading RowBinary, issue 17) and Native holds a whole block (a Memory table's blocks reach 1,048,576
     * rows), while the wrapper costs 18.16 about a constant per query: past a few thousand rows the wrapper is cheaper.
     */
    static final long LARGE_RESULT_ROWS = 8192;

    /**
     * A first block of more rows than this is not transcoded: the read closes it unread and takes the wrapper at once.
     * Native holds a whole block, and a table's blocks can be far larger than a query's (a Memory table keeps each
     * insert's block: 1,048,576 rows in the benchmark, ~166 MB); 65,536 rows is {@code max_block_size}'s default,
     * the most a MergeTree read sends in a block, which {@code fetchBlocks()} holds too.
     */
    static final long LARGE_BLOCK_ROWS = 65_536;

    private NativeCheck() {
    }

    /**
     * Whether {@code shape} can be checked from a Native header: type texts known, every type transcodes
     * (LowCardinality of a transcoded type included), no header of this query differed from DESCRIBE before, and no
     * DateTime with a time zone (inside LowCardinality neither). 18.16 writes a table column of
     * type {@code DateTime('UTC')} as {@code DateTime} in Native headers while DESCRIBE and {@code toTypeName} say
     * {@code DateTime('UTC')} (checked on 18.16.1; an expression such as {@code toDateTime(x, 'UTC')} keeps its zone),
     * so a header cannot tell a changed zone, and such a query would be refused on every run.
     */
    static boolean applies(ResultShapes.Shape shape) {
        List<String> typeNames = shape.typeNames();
        return typeNames != null && shape.headerCheckable()
                && typeNames.stream().noneMatch(t -> t.contains("DateTime("))
                && shape.columns().stream().allMatch(c -> NativeRowBinaryStream.transcodes(c.type()));
    }

    /**
     * The stream of {@code response} (a Native result) that hands out its rows as RowBinary once
     * {@link NativeRowBinaryStream#firstBlockMatches()} has checked the first block against {@code shape}. {@code large}
     * runs when the result passes {@link #LARGE_RESULT_ROWS}; a first block of more than {@link #LARGE_BLOCK_ROWS}
     * rows is refused ({@link NativeRowBinaryStream#firstBlockTooLarge()}).
     */
    static NativeRowBinaryStream rows(QueryResponse response, ResultShapes.Shape shape, Runnable large) {
        List<ClickHouseColumn> columns = shape.columns();
        NativeRowBinaryStream rows = new NativeRowBinaryStream(response,
                columns.stream().map(ClickHouseColumn::name).toList(), shape.typeNames(),
                columns.stream().map(ClickHouseColumn::type).toList());
        rows.onRowsOver(LARGE_RESULT_ROWS, large);
        rows.firstBlockRowsAtMost(LARGE_BLOCK_ROWS);
        return rows;
    }
}
