package io.chspring.data.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/** What an observation of a template operation knows: its kind, statement or table, database, and row count. */
public class ClickHouseObservationContext extends Observation.Context {

    private final String kind;
    private final @Nullable String sql;
    private final @Nullable String table;
    private final @Nullable String database;
    private volatile long rows = -1;

    /** The context of one operation. */
    public ClickHouseObservationContext(String kind, @Nullable String sql, @Nullable String table,
            @Nullable String database) {
        this.kind = kind;
        this.sql = sql;
        this.table = table;
        this.database = database;
    }

    /** {@code query}, {@code execute} or {@code insert}. */
    public String getKind() {
        return kind;
    }

    /** The statement as written by the application (placeholders, never bound values); {@code null} for inserts. */
    public @Nullable String getSql() {
        return sql;
    }

    /** The table of an insert, else {@code null}. */
    public @Nullable String getTable() {
        return table;
    }

    /** The client's default database, {@code null} when the server's default applies. */
    public @Nullable String getDatabase() {
        return database;
    }

    /** Rows read or written, -1 when not known (an error, a statement). */
    public long getRows() {
        return rows;
    }

    void setRows(long rows) {
        this.rows = rows;
    }
}
