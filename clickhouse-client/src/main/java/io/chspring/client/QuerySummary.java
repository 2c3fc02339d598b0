package io.chspring.client;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server reported about a finished statement: its query id and, when the server sent an
 * {@code X-ClickHouse-Summary} header (since 19.8, PR #5116), the row and byte counters. A counter the server did
 * not report is empty, never 0: 18.16 sends no summary at all.
 */
public final class QuerySummary {

    /** The response header with the counters, a flat JSON object of quoted numbers. */
    public static final String SUMMARY_HEADER = "X-ClickHouse-Summary";

    private static final Pattern COUNTER = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"?(\\d+)");

    private final String queryId;
    private final Map<String, Long> counters;

    private QuerySummary(String queryId, Map<String, Long> counters) {
        this.queryId = queryId;
        this.counters = counters;
    }

    /**
     * The summary of a response with this query id and this {@code X-ClickHouse-Summary} header value
     * ({@code null} when the server sent none).
     */
    public static QuerySummary of(String queryId, String summaryHeader) {
        return new QuerySummary(queryId, summaryHeader == null ? Map.of() : parse(summaryHeader));
    }

    /** Parses the header leniently: it is informational, so an unexpected shape yields no counters, not an error. */
    static Map<String, Long> parse(String header) {
        Map<String, Long> counters = new HashMap<>();
        Matcher m = COUNTER.matcher(header);
        while (m.find()) {
            // 18 digits always fit a long; a longer counter is not believable and is left out.
            if (m.group(2).length() <= 18) {
                counters.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return Map.copyOf(counters);
    }

    /** The statement's query id (the client's, or the server's when it reported one). */
    public String queryId() {
        return queryId;
    }

    /** Rows read, when reported. */
    public OptionalLong readRows() {
        return counter("read_rows");
    }

    /** Bytes read, when reported. */
    public OptionalLong readBytes() {
        return counter("read_bytes");
    }

    /** Rows written, when reported. */
    public OptionalLong writtenRows() {
        return counter("written_rows");
    }

    /** Bytes written, when reported. */
    public OptionalLong writtenBytes() {
        return counter("written_bytes");
    }

    /** Any counter of the summary header by its name (for example {@code result_rows}, {@code elapsed_ns}). */
    public OptionalLong counter(String name) {
        Long value = counters.get(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    @Override
    public String toString() {
        return "QuerySummary[queryId=" + queryId + (counters.isEmpty() ? "" : ", " + counters) + "]";
    }
}
