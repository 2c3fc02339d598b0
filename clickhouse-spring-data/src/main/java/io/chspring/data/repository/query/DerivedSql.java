package io.chspring.data.repository.query;

import io.chspring.data.core.EntitySql;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A derived query prepared at start-up: the table, the {@code WHERE} condition with {@code :name} placeholders, how
 * arguments bind to them, and the static parts from the method name (Distinct, OrderBy, Top/First). Per call only
 * the values, a {@code Sort} or {@code Pageable} argument are added; the statements themselves are written by
 * {@link EntitySql}. Immutable.
 */
final class DerivedSql {

    /** What the method does with the matching rows. */
    enum Kind { SELECT, COUNT, EXISTS, DELETE }

    private final Kind kind;
    private final EntitySql sql;
    private final String condition;
    private final List<Binding> bindings;
    private final boolean distinct;
    private final Sort sort;
    private final @Nullable Integer maxResults;

    DerivedSql(Kind kind, ClickHousePersistentEntity<?> entity, String condition, List<Binding> bindings,
            boolean distinct, Sort sort, @Nullable Integer maxResults) {
        this.kind = kind;
        this.sql = new EntitySql(entity);
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
    @Nullable Integer maxResults() {
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
    String select(@Nullable Sort dynamicSort, @Nullable Pageable page, boolean extraRow) {
        Sort order = sort.and(dynamicSort == null ? Sort.unsorted() : dynamicSort);
        return sql.select(distinct, condition, order, page, maxResults, extraRow);
    }

    /** {@code SELECT count()} over the matching rows (distinct rows for a Distinct method). */
    String count() {
        return sql.count(distinct, condition);
    }

    /** One row when any row matches, none otherwise. */
    String exists() {
        return sql.exists(condition);
    }
}
