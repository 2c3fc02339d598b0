package io.chspring.data.observation;

import io.chspring.client.ClickHouseException;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Observations named {@code clickhouse.template.operations}, with OpenTelemetry's database key names: low
 * cardinality {@code db.system.name} ({@code clickhouse}), {@code db.operation.name} (the statement's first keyword,
 * {@code INSERT} for inserts), {@code db.namespace}, {@code outcome}, {@code error.type} and
 * {@code db.response.status_code} (the server's error code); high cardinality {@code db.response.returned_rows} and,
 * unless built without it, {@code db.query.text} (the statement with its placeholders: values are bound later and
 * never appear).
 */
public class DefaultClickHouseObservationConvention implements ClickHouseObservationConvention {

    /** The observation name. */
    public static final String NAME = "clickhouse.template.operations";

    private static final String NONE = "none";

    private final boolean includeQueryText;

    /** The convention with {@code db.query.text}. */
    public DefaultClickHouseObservationConvention() {
        this(true);
    }

    /**
     * A convention.
     *
     * @param includeQueryText whether {@code db.query.text} (the statement as written, with its placeholders) is recorded
     */
    public DefaultClickHouseObservationConvention(boolean includeQueryText) {
        this.includeQueryText = includeQueryText;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ClickHouseObservationContext context) {
        String table = context.getTable();
        return operation(context) + (table != null ? " " + table : "");
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ClickHouseObservationContext context) {
        Throwable error = context.getError();
        String code = NONE;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ClickHouseException ch && ch.errorCode() != 0) {
                code = Integer.toString(ch.errorCode());
                break;
            }
        }
        String database = context.getDatabase();
        return KeyValues.of(KeyValue.of("db.system.name", "clickhouse"),
                KeyValue.of("db.operation.name", operation(context)),
                KeyValue.of("db.namespace", database != null ? database : NONE),
                KeyValue.of("outcome", error == null ? "SUCCESS" : "ERROR"),
                KeyValue.of("error.type", error == null ? NONE : error.getClass().getSimpleName()),
                KeyValue.of("db.response.status_code", code));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ClickHouseObservationContext context) {
        KeyValues rows = KeyValues.of(KeyValue.of("db.response.returned_rows", Long.toString(context.getRows())));
        if (!includeQueryText) {
            return rows;
        }
        String sql = context.getSql();
        return rows.and(KeyValue.of("db.query.text", sql != null ? sql : "INSERT INTO " + context.getTable()));
    }

    /** The first keyword of the statement, upper case; {@code INSERT} for inserts. */
    static String operation(ClickHouseObservationContext context) {
        @Nullable String sql = context.getSql();
        if (sql == null) {
            return "INSERT";
        }
        String s = sql.stripLeading();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return end == 0 ? "UNKNOWN" : s.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
