package io.chspring.data.repository.query;

import io.chspring.data.core.SqlClauses;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A derived query prepared at start-up: the table, the {@code WHERE} condition with {@code :name} placeholders, how
 * arguments bind to them, and the static parts from the method name (Distinct, OrderBy, Top/First). Per call only
 * the values, a {@code Sort} or {@code Pageable} argument are added. Immutable.
 */
final class DerivedSql {

    /** What the method does with the matching rows. */
    enum Kind { SELECT, COUNT, EXISTS, DELETE }

    private final Kind kind;
    private final ClickHousePersistentEntity<?> entity;
    private final String condition;
    private final List<Binding> bindings;
    private final boolean distinct;
    private final Sort sort;
    private final Integer maxResults;

    DerivedSql(Kind kind, ClickHousePersistentEntity<?> entity, String condition, List<Binding> bindings,
            boolean distinct, Sort sort, Integer maxResults) {
        this.kind = kind;
        this.entity = entity;
        this.condition = condition;
        this.bindings = List.copyOf(bindings);
        this.distinct = distinct;
        this.sort = sort;
        this.maxResults = maxResults;
    }

    Kind kind() {
        return kind;
    }

    /** The condition, empty when the method has no criteria. */
    String condition() {
        return condition;
    }

    List<Binding> bindings() {
        return bindings;
    }

    /** The limit from Top/First, or {@code null}. */
    Integer maxResults() {
        return maxResults;
    }

    /** The values for the placeholders from the method's bindable arguments. */
    Map<String, Object> values(Object[] bindableArguments) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Binding b : bindings) {
            values.put(b.name(), b.bind(bindableArguments[b.parameter()]));
        }
        return values;
    }

    /**
     * The SELECT: {@code ?fields} (the columns of the type the rows are read as) from the table, the condition, the
     * method name's order then {@code dynamicSort}, and the limit: Top/First, narrowed by {@code page} when paged.
     * {@code extraRow} reads one row more than the page (for a Slice's {@code hasNext}).
     */
    String select(Sort dynamicSort, Pageable page, boolean extraRow) {
        StringBuilder sql = new StringBuilder("SELECT ");
        if (distinct) {
            sql.append("DISTINCT ");
        }
        sql.append("?fields FROM ").append(SqlClauses.table(entity));
        appendWhere(sql);
        Sort order = sort.and(dynamicSort == null ? Sort.unsorted() : dynamicSort);
        if (page != null && page.isPaged()) {
            order = order.and(page.getSort());
        }
        SqlClauses.appendOrderBy(sql, order, entity);
        if (page != null && page.isPaged()) {
            long offset = page.getOffset();
            long size = page.getPageSize() + (extraRow ? 1L : 0L);
            if (maxResults != null) {
                size = Math.max(0, Math.min(size, maxResults - offset));
            }
            SqlClauses.appendLimit(sql, offset, size);
        } else if (maxResults != null) {
            SqlClauses.appendLimit(sql, 0, maxResults);
        }
        return sql.toString();
    }

    /** {@code SELECT count()} over the matching rows (distinct rows for a Distinct method). */
    String count() {
        StringBuilder sql = new StringBuilder("SELECT count() FROM ");
        if (distinct) {
            sql.append("(SELECT DISTINCT ").append(SqlClauses.columns(entity)).append(" FROM ")
                    .append(SqlClauses.table(entity));
            appendWhere(sql);
            return sql.append(')').toString();
        }
        sql.append(SqlClauses.table(entity));
        appendWhere(sql);
        return sql.toString();
    }

    /** One row when any row matches, none otherwise. */
    String exists() {
        StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(SqlClauses.table(entity));
        appendWhere(sql);
        return sql.append(" LIMIT 1").toString();
    }

    private void appendWhere(StringBuilder sql) {
        if (!condition.isEmpty()) {
            sql.append(" WHERE ").append(condition);
        }
    }
}
