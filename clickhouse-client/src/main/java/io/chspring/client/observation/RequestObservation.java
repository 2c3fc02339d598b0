package io.chspring.client.observation;

import org.jspecify.annotations.Nullable;

/** One request being observed; {@link #end} is called exactly once. */
public interface RequestObservation {

    /** An observation that records nothing and propagates no trace context. */
    RequestObservation NONE = end -> {
    };

    /**
     * The trace context to send to the server with this request, or {@code null} for none. The client sends it where
     * the server can use it: the {@code traceparent}/{@code tracestate} HTTP headers (ClickHouse 20.11+), and the
     * {@code traceparent} text as the query's {@code log_comment} setting (21.2+, unless the request or client sets
     * {@code log_comment} itself), so that {@code system.query_log} leads back to the trace. Older servers get neither.
     */
    default @Nullable TraceContext traceContext() {
        return null;
    }

    /** The request is over: its response was closed, or sending it failed. */
    void end(RequestEnd end);
}
