package io.chspring.client.observation;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A W3C trace context (https://www.w3.org/TR/trace-context/) to send with a request.
 *
 * @param traceparent the {@code traceparent} header value: {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}
 * @param tracestate the {@code tracestate} header value, or {@code null}
 */
public record TraceContext(String traceparent, @Nullable String tracestate) {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /** The {@code traceparent} HTTP header. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    /** The {@code tracestate} HTTP header. */
    public static final String TRACESTATE_HEADER = "tracestate";

    /**
     * A trace context.
     *
     * @throws IllegalArgumentException when {@code traceparent} is not in the W3C form (lower-case hex), or
     *     {@code tracestate} holds a line break: both go into HTTP headers
     */
    public TraceContext {
        Objects.requireNonNull(traceparent, "traceparent");
        if (!TRACEPARENT.matcher(traceparent).matches()) {
            throw new IllegalArgumentException("Not a W3C traceparent: '" + traceparent + "'");
        }
        if (tracestate != null && (tracestate.isBlank() || tracestate.indexOf('\r') >= 0
                || tracestate.indexOf('\n') >= 0)) {
            tracestate = null;
        }
    }

    /** The 32 hex digits of the trace id. */
    public String traceId() {
        return traceparent.substring(3, 35);
    }

    /** The 16 hex digits of the parent span id (the client's span). */
    public String spanId() {
        return traceparent.substring(36, 52);
    }
}
