package io.chspring.client.insert;

import io.chspring.client.QuerySummary;
import java.util.OptionalLong;

/**
 * What the server reported about a finished insert: the query id and, when the server sends an
 * {@code X-ClickHouse-Summary} header, the rows and bytes written. Unknown counters are empty, never 0
 * (18.16 reports none).
 */
public final class InsertSummary {

    private final QuerySummary summary;

    private InsertSummary(QuerySummary summary) {
        this.summary = summary;
    }

    /** The insert summary of a statement summary. */
    public static InsertSummary of(QuerySummary summary) {
        return new InsertSummary(summary);
    }

    /** The insert's query id. */
    public String queryId() {
        return summary.queryId();
    }

    /** Rows written, when the server reported them. */
    public OptionalLong writtenRows() {
        return summary.writtenRows();
    }

    /** Bytes written, when the server reported them. */
    public OptionalLong writtenBytes() {
        return summary.writtenBytes();
    }

    /** All counters the server reported. */
    public QuerySummary summary() {
        return summary;
    }

    @Override
    public String toString() {
        return "InsertSummary[" + summary + "]";
    }
}
