package io.chspring.test.mock;

import java.util.Map;

/**
 * The request that consumed a handler, for assertions after the code under test ran: its statement, query id, URL
 * parameters (settings) and data. Every accessor throws {@link AssertionError} while no request has reached the
 * handler. Thread-safe.
 */
public class RequestHandle {

    private final String handler;
    private volatile Served served;

    private record Served(String query, String queryId, Map<String, String> parameters, Map<String, String> headers,
            byte[] body) {
    }

    RequestHandle(String handler) {
        this.handler = handler;
    }

    final void served(Exchange exchange, byte[] body) {
        Map<String, String> parameters = Map.copyOf(exchange.parameters());
        this.served = new Served(exchange.sql(), exchange.queryId(), parameters, Map.copyOf(exchange.headers()), body);
    }

    /** Whether a request has reached the handler. */
    public boolean isServed() {
        return served != null;
    }

    /** The SQL statement as the mock received it (from the {@code query} URL parameter or the body). */
    public String query() {
        return served().query;
    }

    /** The query id the client sent ({@code query_id}), or the one the mock made up when it sent none. */
    public String queryId() {
        return served().queryId;
    }

    /** The decoded URL parameters: settings, {@code query_id}, {@code database}, {@code compress}, ... */
    public Map<String, String> parameters() {
        return served().parameters;
    }

    /** The request's HTTP headers, names in lower case ({@code traceparent}, {@code x-clickhouse-user}, ...). */
    public Map<String, String> headers() {
        return served().headers;
    }

    /** The request data, decompressed; empty when the body was the SQL itself. */
    public byte[] body() {
        return served().body.clone();
    }

    private Served served() {
        Served s = served;
        if (s == null) {
            throw new AssertionError("No request has reached " + handler + " yet");
        }
        return s;
    }

    @Override
    public String toString() {
        Served s = served;
        return "RequestHandle[" + handler + (s == null ? ", not served" : ", " + s.query) + "]";
    }
}
