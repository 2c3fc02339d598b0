package io.chspring.data.repository.query;

import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.ClickHouseOperations.StatementSpec;
import io.chspring.data.core.EntitySql;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.parser.PartTree;

/** A query derived from the method name, prepared and checked when the repository is created. */
final class PartTreeClickHouseQuery extends AbstractClickHouseQuery {

    private final DerivedSql sql;
    private final EntitySql entitySql;
    private final int bindable;

    PartTreeClickHouseQuery(ClickHouseQueryMethod method, ClickHouseOperations operations) {
        super(method, operations);
        PartTree tree = new PartTree(method.getName(), entity.getType());
        this.bindable = method.getParameters().getBindableParameters().getNumberOfParameters();
        this.sql = DerivedSqlBuilder.build(tree, entity, bindable);
        this.entitySql = new EntitySql(entity);
        if (sql.kind() == DerivedSql.Kind.DELETE && !(returnsVoid() || returnsNumber() || method.isCollectionQuery())) {
            throw new IllegalArgumentException("A delete method returns void, a count or a List of the deleted rows, "
                    + "not " + method.getReturnedObjectType().getName());
        }
    }

    @Override
    @Nullable Object execute(ParametersParameterAccessor accessor, Rows rows) {
        Map<String, Object> values = values(accessor);
        switch (sql.kind()) {
            case COUNT:
                return count(accessor);
            case EXISTS:
                return !operations.sql(sql.exists()).params(values).query().list().isEmpty();
            case DELETE:
                Object result = returnsVoid() ? null
                        : returnsNumber() ? (Object) count(accessor) : super.execute(accessor, rows);
                operations.delete(entity.getType(), sql.condition().isEmpty() ? "1" : sql.condition(), values);
                return result;
            default:
                return super.execute(accessor, rows);
        }
    }

    @Override
    StatementSpec select(ParametersParameterAccessor accessor, Pageable page, boolean extraRow) {
        return operations.sql(sql.select(accessor.getSort(), page, extraRow)).params(values(accessor));
    }

    @Override
    StatementSpec scrollSelect(ParametersParameterAccessor accessor, String keyset, Sort sort, long offset,
            @Nullable Integer count) {
        return operations.sql(sql.scroll(keyset, sort, offset, count)).params(values(accessor));
    }

    @Override
    Sort scrollSort(ParametersParameterAccessor accessor) {
        return sql.sort(accessor.getSort());
    }

    @Override
    @Nullable Integer maxResults() {
        return sql.maxResults();
    }

    @Override
    EntitySql sqlOf() {
        return entitySql;
    }

    @Override
    long count(ParametersParameterAccessor accessor) {
        return operations.sql(sql.count()).params(values(accessor)).query(Long.class).single();
    }

    private Map<String, Object> values(ParametersParameterAccessor accessor) {
        Object[] arguments = new Object[bindable];
        for (int i = 0; i < bindable; i++) {
            arguments[i] = operations.toColumnValue(accessor.getBindableValue(i));
        }
        return sql.values(arguments);
    }

}
