package io.chspring.client.observation;

import io.chspring.client.RequestEvent.Operation;
import io.chspring.client.sql.QueryText;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is known of a request before it is sent. The SQL is only available with its literal values replaced by
 * {@code ?} ({@link #queryText()}), since bound values end up in the SQL text a client sends.
 */
public final class RequestStart {

    private final Operation operation;
    private final String sql;
    private final String queryId;
    private final @Nullable String database;
    private final String serverAddress;
    private final int serverPort;
    private @Nullable String queryText;

    /**
     * A request's start.
     *
     * @param operation the kind of statement
     * @param sql the SQL text as sent (with literal values)
     * @param queryId the request's query id
     * @param database the database it runs in, or {@code null} for the user's default
     * @param serverAddress the host of the client's (first) endpoint; {@code ""} for an in-process engine
     * @param serverPort its port, or {@code -1} when there is none
     */
    public RequestStart(Operation operation, String sql, String queryId, @Nullable String database,
            String serverAddress, int serverPort) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.sql = Objects.requireNonNull(sql, "sql");
        this.queryId = Objects.requireNonNull(queryId, "queryId");
        this.database = database;
        this.serverAddress = Objects.requireNonNull(serverAddress, "serverAddress");
        this.serverPort = serverPort;
    }

    /** The kind of statement: query, insert or command. */
    public Operation operation() {
        return operation;
    }

    /**
     * The statement's first keyword, upper case ({@code SELECT}, {@code INSERT}, {@code CREATE}, ...), or
     * {@code UNKNOWN}: a small set, fit for a low-cardinality key value.
     */
    public String keyword() {
        return QueryText.firstKeyword(sql);
    }

    /**
     * The SQL text with every literal (strings, numbers, heredocs) replaced by {@code ?} and comments dropped, at most
     * 2,000 characters; computed on the first call, so an observer that never asks pays nothing.
     */
    public String queryText() {
        String text = queryText;
        if (text == null) {
            text = QueryText.withoutLiterals(sql, 2000);
            queryText = text;
        }
        return text;
    }

    /** The request's query id (the one in {@code system.query_log}). */
    public String queryId() {
        return queryId;
    }

    /** The database the request runs in, or {@code null} when the server's default for the user applies. */
    public @Nullable String database() {
        return database;
    }

    /** The host of the endpoint, or {@code ""} for an in-process engine. */
    public String serverAddress() {
        return serverAddress;
    }

    /** The port of the endpoint, or {@code -1} when there is none. */
    public int serverPort() {
        return serverPort;
    }

    @Override
    public String toString() {
        return "RequestStart[" + operation.tag() + ", queryId=" + queryId + "]";
    }
}
