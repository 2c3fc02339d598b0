package io.chspring.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link RequestListener} learns about one finished request. The SQL text is left out on purpose: it may
 * hold literal values, and it would make an unbounded metric tag.
 *
 * @param operation the kind of statement, by its first keyword and whether it carried a body
 * @param queryId the request's query id
 * @param duration from sending the request to closing its response (so reading a streamed result counts)
 * @param bytesSent request body bytes before compression (0 when the SQL alone was sent)
 * @param bytesReceived response body bytes read by the caller, after decompression
 * @param error why the request failed, or {@code null} when it succeeded
 * @param endpoint {@code scheme://host:port} of the endpoint that served the request (with several endpoints,
 *     each attempt of a request that moved to another endpoint is an event of its own), or {@code ""} when the
 *     transport does not say (an in-process engine)
 */
public record RequestEvent(Operation operation, String queryId, Duration duration, long bytesSent,
        long bytesReceived, Throwable error, String endpoint) {

    /** An event without an endpoint. */
    public RequestEvent(Operation operation, String queryId, Duration duration, long bytesSent, long bytesReceived,
            Throwable error) {
        this(operation, queryId, duration, bytesSent, bytesReceived, error, "");
    }

    /** Whether the request succeeded. */
    public boolean success() {
        return error == null;
    }

    /** The failure, when there was one. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(error);
    }

    /** The kind of statement; a small fixed set, fit to be a metric tag. */
    public enum Operation {
        /** A statement returning rows: {@code SELECT}, {@code WITH}, {@code SHOW}, {@code DESCRIBE}, ... */
        QUERY,
        /** An {@code INSERT}, with rows in the body or from a {@code SELECT}. */
        INSERT,
        /** Anything else: DDL, {@code SYSTEM}, {@code KILL}, {@code OPTIMIZE}, ... */
        COMMAND;

        private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC",
                "EXISTS", "EXPLAIN", "CHECK");

        /**
         * The operation of a statement by its first keyword (upper case, as {@code sql.QueryText.firstKeyword} finds
         * it); a request with a body is an insert whatever its keyword.
         */
        public static Operation of(String firstKeyword, boolean hasBody) {
            if (hasBody || firstKeyword.equals("INSERT")) {
                return INSERT;
            }
            return QUERY_KEYWORDS.contains(firstKeyword) ? QUERY : COMMAND;
        }

        /** The lower-case name, for example {@code "query"}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
