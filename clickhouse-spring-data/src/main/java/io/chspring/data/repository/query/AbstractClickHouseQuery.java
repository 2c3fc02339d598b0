package io.chspring.data.repository.query;

import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.ClickHouseOperations.StatementSpec;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ResultProcessor;
import org.springframework.data.repository.query.ReturnedType;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Runs a query method and shapes its result: Stream, Page (with a count query), Slice (one extra row to learn
 * whether more follow), List, or a single value. Rows are read as the entity, as a record or class the method
 * returns (its columns through {@code ?fields}), as column-name maps for {@code Map}, or as a single column for
 * simple types; interface projections read the entity and project it.
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
    public Object execute(Object[] parameters) {
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(method.getParameters(), parameters);
        ResultProcessor processor = method.getResultProcessor().withDynamicProjection(accessor);
        ReturnedType returned = processor.getReturnedType();
        Class<?> target = returned.getReturnedType();
        boolean projectEntity = target.isInterface() && !target.isAssignableFrom(returned.getDomainType())
                && target != Map.class;
        Class<?> readType = projectEntity ? returned.getDomainType() : target;
        Object result = execute(accessor, readType);
        return projectEntity ? processor.processResult(result) : result;
    }

    /** The result of a call, before projection; subclasses handle count, exists and delete methods first. */
    Object execute(ParametersParameterAccessor accessor, Class<?> readType) {
        Pageable page = accessor.getPageable();
        if (method.isStreamQuery()) {
            return select(accessor, page, false).query(readType).stream();
        }
        if (method.isPageQuery()) {
            List<?> content = select(accessor, page, false).query(readType).list();
            return PageableExecutionUtils.getPage(content, page, () -> count(accessor));
        }
        if (method.isSliceQuery()) {
            return slice(select(accessor, page, true).query(readType).list(), page);
        }
        if (method.isCollectionQuery()) {
            return select(accessor, page, false).query(readType).list();
        }
        return select(accessor, page, false).query(readType).optional().orElse(null);
    }

    private static <R> Slice<R> slice(List<R> rows, Pageable page) {
        boolean more = page.isPaged() && rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
    }

    /** The SELECT for this call with its values bound, ordered and limited for {@code page} (may be unpaged). */
    abstract StatementSpec select(ParametersParameterAccessor accessor, Pageable page, boolean extraRow);

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
