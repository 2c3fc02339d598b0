package io.chspring.data.observation;

import io.chspring.client.observation.RequestEnd;
import io.chspring.client.observation.RequestStart;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * Observations named {@code clickhouse.request}, one per request a client sends, with OpenTelemetry's database key
 * names. Low cardinality: {@code db.system.name} ({@code clickhouse}), {@code db.operation.name} (the statement's first
 * keyword), {@code db.namespace}, {@code server.address}, {@code server.port}, {@code outcome}, {@code error.type} and
 * {@code db.response.status_code} (the server's error code). High cardinality: {@code clickhouse.query.id},
 * {@code clickhouse.bytes.sent}, {@code clickhouse.bytes.received}, {@code clickhouse.rows.read} and
 * {@code clickhouse.rows.written} (from the server's summary header; {@code -1} where it sends none), and, only when
 * built with {@code includeQueryText}, {@code db.query.text}: the SQL with every literal replaced by {@code ?}.
 */
public class DefaultClickHouseRequestObservationConvention implements ClickHouseRequestObservationConvention {

    /** The observation name. */
    public static final String NAME = "clickhouse.request";

    private final boolean includeQueryText;

    /** A convention that leaves the query text out. */
    public DefaultClickHouseRequestObservationConvention() {
        this(false);
    }

    /**
     * A convention.
     *
     * @param includeQueryText whether {@code db.query.text} is recorded (literals are replaced, but identifiers and the
     *     statement's shape remain)
     */
    public DefaultClickHouseRequestObservationConvention(boolean includeQueryText) {
        this.includeQueryText = includeQueryText;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ClickHouseRequestObservationContext context) {
        return "clickhouse " + context.getRequest().keyword();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ClickHouseRequestObservationContext context) {
        RequestStart request = context.getRequest();
        @Nullable Throwable error = context.getError();
        String database = request.database();
        return KeyValues.of(KeyValue.of("db.system.name", "clickhouse"),
                KeyValue.of("db.operation.name", request.keyword()),
                KeyValue.of("db.namespace", database != null ? database : ErrorKeyValues.NONE),
                KeyValue.of("server.address", request.serverAddress().isEmpty() ? "embedded" : request.serverAddress()),
                KeyValue.of("server.port", Integer.toString(request.serverPort())),
                KeyValue.of("outcome", error == null ? "SUCCESS" : "ERROR"),
                KeyValue.of("error.type", ErrorKeyValues.type(error)),
                KeyValue.of("db.response.status_code", ErrorKeyValues.code(error)));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ClickHouseRequestObservationContext context) {
        RequestStart request = context.getRequest();
        RequestEnd end = context.getEnd();
        KeyValues values = KeyValues.of(KeyValue.of("clickhouse.query.id", request.queryId()));
        if (end != null) {
            values = values.and(KeyValue.of("clickhouse.bytes.sent", Long.toString(end.bytesSent())),
                    KeyValue.of("clickhouse.bytes.received", Long.toString(end.bytesReceived())),
                    KeyValue.of("clickhouse.rows.read", Long.toString(end.readRows())),
                    KeyValue.of("clickhouse.rows.written", Long.toString(end.writtenRows())));
        }
        if (includeQueryText) {
            values = values.and(KeyValue.of("db.query.text", request.queryText()));
        }
        return values;
    }
}
