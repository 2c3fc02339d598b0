package io.chspring.client.request;

import io.chspring.client.QuerySummary;
import io.chspring.client.RequestEvent.Operation;
import io.chspring.client.ServerCapabilities;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.observation.RequestEnd;
import io.chspring.client.observation.RequestObservation;
import io.chspring.client.observation.RequestStart;
import io.chspring.client.observation.TraceContext;
import io.chspring.client.sql.QueryText;
import io.chspring.client.transport.CountingBody;
import io.chspring.client.transport.Endpoint;
import io.chspring.client.transport.MeteredResponse;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request under the context's {@link ClickHouseObserver}: starts its observation, adds the trace context the
 * observation hands over where the server can use it (chosen by server version), counts the body bytes both ways and
 * ends the observation when the response is closed or sending failed. Without an observer it is a plain send.
 */
final class ObservedExchange {

    private static final Logger LOG = LoggerFactory.getLogger(ObservedExchange.class);
    /** The setting whose text {@code system.query_log} keeps in its {@code log_comment} column (21.2+). */
    static final String LOG_COMMENT = "log_comment";

    private ObservedExchange() {
    }

    static TransportResponse send(RequestContext context, TransportRequest request) {
        Transport transport = context.transport();
        ClickHouseObserver observer = context.observer();
        if (observer == ClickHouseObserver.NONE) {
            return transport.execute(request);
        }
        RequestObservation observation;
        TraceContext trace;
        try {
            observation = observer.request(start(context.endpoint(), request));
            trace = observation.traceContext();
        } catch (RuntimeException e) {
            LOG.warn("ClickHouseObserver {} failed to start observing query {}; it is sent unobserved", observer,
                    request.queryId(), e);
            return transport.execute(request);
        }
        AtomicLong sent = new AtomicLong();
        TransportResponse response;
        try {
            response = transport.execute(traced(context, CountingBody.counting(request, sent), trace));
        } catch (RuntimeException e) {
            end(observation, new RequestEnd(e, sent.get(), 0, -1, -1), request.queryId());
            throw e;
        }
        return new MeteredResponse(response, sent, ended -> {
            QuerySummary summary = QuerySummary.of(ended.queryId(),
                    ended.header(QuerySummary.SUMMARY_HEADER).orElse(null));
            end(observation, new RequestEnd(ended.readError(), ended.sentBytes(), ended.receivedBytes(),
                    orMinusOne(summary.readRows()), orMinusOne(summary.writtenRows())), ended.queryId());
        });
    }

    private static RequestStart start(Endpoint endpoint, TransportRequest request) {
        String host = endpoint.host() == null ? "" : endpoint.host();
        int port = endpoint.port();
        if (port < 0 && !host.isEmpty()) {
            port = endpoint.secure() ? 8443 : 8123;
        }
        return new RequestStart(operation(request), request.sql(), request.queryId(), request.database(), host, port);
    }

    static Operation operation(TransportRequest request) {
        return Operation.of(QueryText.firstKeyword(request.sql()), request.body() != null);
    }

    /**
     * The request with the trace context where this server takes it: the W3C headers from 20.10, the
     * {@code traceparent} as {@code log_comment} from 21.2 (unless the request sets that setting itself). 18.16 gets
     * neither: it would refuse {@code log_comment} (code 115), and it ignores the headers.
     */
    static TransportRequest traced(RequestContext context, TransportRequest r, @Nullable TraceContext trace) {
        if (trace == null) {
            return r;
        }
        ServerCapabilities capabilities = context.capabilities();
        Map<String, String> headers = r.headers();
        if (capabilities.acceptsTraceContextHeaders()) {
            headers = new LinkedHashMap<>(r.headers());
            headers.put(TraceContext.TRACEPARENT_HEADER, trace.traceparent());
            if (trace.tracestate() != null) {
                headers.put(TraceContext.TRACESTATE_HEADER, trace.tracestate());
            }
        }
        Map<String, String> settings = r.settings();
        if (capabilities.supportsLogComment() && !settings.containsKey(LOG_COMMENT)) {
            settings = new LinkedHashMap<>(settings);
            settings.put(LOG_COMMENT, trace.traceparent());
        }
        if (headers == r.headers() && settings == r.settings()) {
            return r;
        }
        return new TransportRequest(r.sql(), settings, r.parameters(), r.database(), r.queryId(), r.sessionId(),
                r.sessionTimeout(), r.body(), r.compressRequest(), r.compressResponse(), r.idempotent(),
                r.responseTimeout(), r.requestCodec(), headers);
    }

    private static void end(RequestObservation observation, RequestEnd end, String queryId) {
        try {
            observation.end(end);
        } catch (RuntimeException e) {
            LOG.warn("Ending the observation of query {} failed", queryId, e);
        }
    }

    private static long orMinusOne(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : -1;
    }
}
