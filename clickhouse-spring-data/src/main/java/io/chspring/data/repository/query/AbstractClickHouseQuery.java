package io.chspring.data.repository.query;

import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.ClickHouseOperations.QuerySpec;
import io.chspring.data.core.ClickHouseOperations.StatementSpec;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import io.chspring.data.mapping.ClickHousePersistentProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ResultProcessor;
import org.springframework.data.repository.query.ReturnedType;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Runs a query method and shapes its result: Stream, Page (with a count query), Slice (one extra row to learn
 * whether more follow), Window (scrolling by offset or keyset), List, or a single value. Rows are read as the
 * entity, as a record or class the method returns (its columns through {@code ?fields}), as column-name maps for
 * {@code Map}, or as a single column for simple types. A closed interface projection reads only the columns of its
 * properties (as maps the projection is made from); an open one ({@code @Value}) reads the entity.
 */
abstract class AbstractClickHouseQuery implements RepositoryQuery {

    final ClickHouseQueryMethod method;
    final ClickHouseOperations operations;
    final ClickHousePersistentEntity<?> entity;

    AbstractClickHouseQuery(ClickHouseQueryMethod method, ClickHouseOperations operations) {
        this.method = method;
        this.operations = operations;
        this.entity = operations.getMappingContext().getRequiredPersistentEntity(
                method.getEntityInformation().getJavaType());
    }

    @Override
    public ClickHouseQueryMethod getQueryMethod() {
        return method;
    }

    @Override
    public @Nullable Object execute(Object[] parameters) {
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(method.getParameters(), parameters);
        ResultProcessor processor = method.getResultProcessor().withDynamicProjection(accessor);
        ReturnedType returned = processor.getReturnedType();
        Class<?> target = returned.getReturnedType();
        boolean projectEntity = target.isInterface() && !target.isAssignableFrom(returned.getDomainType())
                && target != Map.class;
        Rows rows = projectEntity ? projectionRows(returned) : new Rows(target, null);
        Object result = execute(accessor, rows);
        return projectEntity ? processor.processResult(result) : result;
    }

    /** The properties a closed interface projection reads, when all are mapped; else the whole entity. */
    private Rows projectionRows(ReturnedType returned) {
        List<String> properties = returned.getInputProperties();
        if (properties.isEmpty() || properties.stream().anyMatch(p -> entity.getPersistentProperty(p) == null)) {
            return new Rows(entity.getType(), null);
        }
        return new Rows(entity.getType(), List.copyOf(properties));
    }

    /**
     * What rows are read as: a class, or the listed properties of an entity as maps keyed by property name.
     *
     * @param type the class, or the entity whose properties are read
     * @param properties the properties, {@code null} to read {@code type} itself
     */
    record Rows(Class<?> type, @Nullable List<String> properties) {

        QuerySpec<?> from(StatementSpec spec) {
            return properties == null ? spec.query(type) : spec.queryProperties(type, properties);
        }

        /** These rows with {@code more} properties read too (the keys of a keyset scroll). */
        Rows with(List<String> more) {
            if (properties == null) {
                return this;
            }
            Set<String> all = new LinkedHashSet<>(properties);
            all.addAll(more);
            return new Rows(type, List.copyOf(all));
        }
    }

    /** The result of a call, before projection; subclasses handle count, exists and delete methods first. */
    @Nullable Object execute(ParametersParameterAccessor accessor, Rows rows) {
        Pageable page = accessor.getPageable();
        if (method.isScrollQuery()) {
            return scroll(accessor, rows);
        }
        if (method.isStreamQuery()) {
            return rows.from(select(accessor, page, false)).stream();
        }
        if (method.isPageQuery()) {
            List<?> content = rows.from(select(accessor, page, false)).list();
            return PageableExecutionUtils.getPage(content, page, () -> count(accessor));
        }
        if (method.isSliceQuery()) {
            return slice(rows.from(select(accessor, page, true)).list(), page);
        }
        if (method.isCollectionQuery()) {
            return rows.from(select(accessor, page, false)).list();
        }
        return rows.from(select(accessor, page, false)).optional().orElse(null);
    }

    private static <R> Slice<R> slice(List<R> rows, Pageable page) {
        boolean more = page.isPaged() && rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
    }

    /**
     * A window of rows from the call's {@code ScrollPosition} (the start when none): an offset position skips rows
     * (LIMIT offset, n), a keyset one reads the rows after (or, scrolling backward, before) its keys, by the method's
     * order with the id added as the last key so that the order is total. One row more than the window is read to
     * know whether another window follows.
     */
    private Window<?> scroll(ParametersParameterAccessor accessor, Rows rows) {
        ScrollPosition position = accessor.getScrollPosition();
        Integer size = windowSize(accessor);
        Integer count = size == null ? null : size + 1;
        if (position instanceof KeysetScrollPosition keyset) {
            Sort sort = withId(scrollSort(accessor));
            boolean backward = keyset.scrollsBackward();
            Sort querySort = backward ? reverse(sort) : sort;
            Map<String, Object> keys = new LinkedHashMap<>();
            keyset.getKeys().forEach((k, v) -> keys.put(k, operations.toColumnValue(v)));
            String condition = sqlOf().keysetAfter(querySort, keys);
            List<String> keyNames = sort.stream().map(Sort.Order::getProperty).toList();
            List<Object> read = new ArrayList<>(rows.with(keyNames).from(
                    scrollSelect(accessor, condition, querySort, 0, count)).list());
            boolean more = size != null && read.size() > size;
            List<Object> content = more ? new ArrayList<>(read.subList(0, size)) : read;
            if (backward) {
                Collections.reverse(content);
            }
            return Window.from(content, i -> ScrollPosition.of(keys(content.get(i), keyNames), keyset.getDirection()),
                    more);
        }
        OffsetScrollPosition offset = position instanceof OffsetScrollPosition o ? o : ScrollPosition.offset();
        long start = offset.isInitial() ? 0 : offset.getOffset() + 1;
        List<Object> read = new ArrayList<>(rows.from(scrollSelect(accessor, "", scrollSort(accessor), start, count))
                .list());
        boolean more = size != null && read.size() > size;
        return Window.from(more ? read.subList(0, size) : read, offset.positionFunction(), more);
    }

    /** The window size: from Top/First, else a {@code Limit} argument; {@code null} for no limit. */
    private @Nullable Integer windowSize(ParametersParameterAccessor accessor) {
        Integer top = maxResults();
        if (top != null) {
            return top;
        }
        Limit limit = accessor.getLimit();
        return limit.isLimited() ? limit.max() : null;
    }

    private Sort withId(Sort sort) {
        ClickHousePersistentProperty id = entity.getIdProperty();
        if (id != null && sort.getOrderFor(id.getName()) == null) {
            return sort.and(Sort.by(id.getName()));
        }
        if (sort.isUnsorted()) {
            throw new InvalidDataAccessApiUsageException(method.describe() + ": keyset scrolling needs an order "
                    + "(OrderBy in the name, a Sort argument, or an @Id)");
        }
        return sort;
    }

    private static Sort reverse(Sort sort) {
        return Sort.by(sort.stream().map(o -> o.with(o.isAscending() ? Sort.Direction.DESC : Sort.Direction.ASC))
                .toList());
    }

    /** The keys of a row read by a keyset scroll, by property name. */
    private Map<String, Object> keys(Object row, List<String> names) {
        Map<String, Object> keys = new LinkedHashMap<>();
        if (row instanceof Map<?, ?> map) {
            names.forEach(n -> keys.put(n, map.get(n)));
            return keys;
        }
        PersistentEntity<?, ClickHousePersistentProperty> type = operations.getMappingContext()
                .getRequiredPersistentEntity(row.getClass());
        var accessor = type.getPropertyAccessor(row);
        for (String name : names) {
            ClickHousePersistentProperty p = type.getPersistentProperty(name);
            if (p == null) {
                throw new InvalidDataAccessApiUsageException(method.describe() + ": keyset scrolling needs the sort "
                        + "property '" + name + "' in the result type " + row.getClass().getName());
            }
            keys.put(name, accessor.getProperty(p));
        }
        return keys;
    }

    /** The SELECT for this call with its values bound, ordered and limited for {@code page} (may be unpaged). */
    abstract StatementSpec select(ParametersParameterAccessor accessor, Pageable page, boolean extraRow);

    /**
     * A window of a scroll for this call with its values bound: the rows matching {@code keyset} too (when not
     * empty), ordered by {@code sort}, {@code count} rows from {@code offset} ({@code null} for all).
     */
    abstract StatementSpec scrollSelect(ParametersParameterAccessor accessor, String keyset, Sort sort, long offset,
            @Nullable Integer count);

    /** The order of a scroll: the method's, then the call's {@code Sort}. */
    abstract Sort scrollSort(ParametersParameterAccessor accessor);

    /** The limit from Top/First, or {@code null}. */
    @Nullable Integer maxResults() {
        return null;
    }

    /** The statements of the entity. */
    abstract io.chspring.data.core.EntitySql sqlOf();

    /** The number of rows the query matches, for a Page. */
    abstract long count(ParametersParameterAccessor accessor);

    /** The method's return type is a number (a count), or void. */
    boolean returnsNumber() {
        Class<?> type = method.getReturnedObjectType();
        return Number.class.isAssignableFrom(type) || type == long.class || type == int.class;
    }

    boolean returnsVoid() {
        Class<?> type = method.getReturnedObjectType();
        return type == void.class || type == Void.class;
    }
}
