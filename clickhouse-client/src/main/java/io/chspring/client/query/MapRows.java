package io.chspring.client.query;

import io.chspring.client.type.ClickHouseColumn;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The rows of a result as maps from column name to value (what {@link Query#fetchMaps()} returns), with the result's
 * {@link #columns()}: names and ClickHouse types, known also when there is no row. Unmodifiable.
 */
public final class MapRows extends AbstractList<Map<String, Object>> implements RandomAccess {

    private final List<ClickHouseColumn> columns;
    private final List<Map<String, Object>> rows;

    MapRows(List<ClickHouseColumn> columns, List<Map<String, Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    /** The result's columns in order, from the server's header (or, on servers before 19.3, its DESCRIBE). */
    public List<ClickHouseColumn> columns() {
        return columns;
    }

    @Override
    public Map<String, Object> get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
