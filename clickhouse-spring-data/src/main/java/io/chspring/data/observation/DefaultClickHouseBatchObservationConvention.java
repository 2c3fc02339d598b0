package io.chspring.data.observation;

import io.chspring.client.observation.BatchOutcome;
import io.chspring.client.observation.BatchStart;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Observations named {@code clickhouse.inserter.batch}, one per batch an Inserter sends (over all its attempts) and
 * per spooled batch replayed. Low cardinality: {@code db.system.name}, {@code db.operation.name} ({@code INSERT}),
 * {@code db.collection.name} (the table), {@code clickhouse.batch.outcome} ({@code committed}, {@code spooled},
 * {@code lost}, {@code abandoned_at_close}, {@code failed}), {@code clickhouse.batch.replay}, {@code error.type} and
 * {@code db.response.status_code}. High cardinality: {@code clickhouse.batch.rows}, {@code clickhouse.batch.bytes},
 * {@code clickhouse.batch.attempts}, {@code clickhouse.batch.retries} and {@code clickhouse.batch.token} (the dedup
 * token, which prefixes the query id of every attempt).
 */
public class DefaultClickHouseBatchObservationConvention implements ClickHouseBatchObservationConvention {

    /** The observation name. */
    public static final String NAME = "clickhouse.inserter.batch";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ClickHouseBatchObservationContext context) {
        return "clickhouse INSERT " + context.getBatch().table();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ClickHouseBatchObservationContext context) {
        BatchStart batch = context.getBatch();
        BatchOutcome outcome = context.getOutcome();
        return KeyValues.of(KeyValue.of("db.system.name", "clickhouse"), KeyValue.of("db.operation.name", "INSERT"),
                KeyValue.of("db.collection.name", batch.table()),
                KeyValue.of("clickhouse.batch.outcome", outcome == null ? "unknown" : outcome.tag()),
                KeyValue.of("clickhouse.batch.replay", Boolean.toString(batch.replay())),
                KeyValue.of("error.type", ErrorKeyValues.type(context.getError())),
                KeyValue.of("db.response.status_code", ErrorKeyValues.code(context.getError())));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ClickHouseBatchObservationContext context) {
        BatchStart batch = context.getBatch();
        int attempts = context.getAttempts();
        return KeyValues.of(KeyValue.of("clickhouse.batch.rows", Long.toString(batch.rows())),
                KeyValue.of("clickhouse.batch.bytes", Long.toString(batch.bytes())),
                KeyValue.of("clickhouse.batch.attempts", Integer.toString(attempts)),
                KeyValue.of("clickhouse.batch.retries", Integer.toString(Math.max(0, attempts - 1))),
                KeyValue.of("clickhouse.batch.token", batch.dedupToken()));
    }
}
