package io.chspring.embedded;

import io.chspring.client.transport.TransportResponse;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link TransportResponse} over a chDB result. It answers the headers a modern server sends that the client
 * reads: {@code X-ClickHouse-Query-Id}, {@code X-ClickHouse-Format} and, for results read whole (inserts, DDL and
 * other statements chDB does not stream), {@code X-ClickHouse-Summary} with chDB's counters.
 */
final class ChdbResponse implements TransportResponse {

    private final String queryId;
    private final String format;
    private final String summary;
    private final InputStream body;

    ChdbResponse(String queryId, String format, String summary, InputStream body) {
        this.queryId = queryId;
        this.format = format;
        this.summary = summary;
        this.body = body;
    }

    /** The summary header's JSON, in the server's form (numbers as strings). */
    static String summary(ChdbApi api, com.sun.jna.Pointer result) {
        return "{\"read_rows\":\"" + api.chdb_result_rows_read(result)
                + "\",\"read_bytes\":\"" + api.chdb_result_bytes_read(result)
                + "\",\"written_rows\":\"" + api.chdb_result_rows_written(result)
                + "\",\"written_bytes\":\"" + api.chdb_result_bytes_written(result)
                + "\",\"elapsed_ns\":\"" + Math.round(api.chdb_result_elapsed(result) * 1e9) + "\"}";
    }

    @Override
    public String queryId() {
        return queryId;
    }

    @Override
    public Optional<String> header(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "x-clickhouse-query-id" -> Optional.of(queryId);
            case "x-clickhouse-format" -> Optional.of(format);
            case "x-clickhouse-summary" -> Optional.ofNullable(summary);
            default -> Optional.empty();
        };
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
