package io.chspring.data.repository.query;

import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.ClickHouseOperations.StatementSpec;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.parser.PartTree;

/** A query derived from the method name, prepared and checked when the repository is created. */
final class PartTreeClickHouseQuery extends AbstractClickHouseQuery {

    private final DerivedSql sql;
    private final int bindable;

    PartTreeClickHouseQuery(ClickHouseQueryMethod method, ClickHouseOperations operations) {
        super(method, operations);
        PartTree tree = new PartTree(method.getName(), entity.getType());
        this.bindable = method.getParameters().getBindableParameters().getNumberOfParameters();
        this.sql = DerivedSqlBuilder.build(tree, entity, bindable);
        if (sql.kind() == DerivedSql.Kind.DELETE && !(returnsVoid() || returnsNumber() || method.isCollectionQuery())) {
            throw new IllegalArgumentException("A delete method returns void, a count or a List of the deleted rows, "
                    + "not " + method.getReturnedObjectType().getName());
        }
    }

    @Override
    Object execute(ParametersParameterAccessor accessor, Class<?> readType) {
        Map<String, Object> values = values(accessor);
        switch (sql.kind()) {
            case COUNT:
                return count(accessor);
            case EXISTS:
                return !operations.sql(sql.exists()).params(values).query().list().isEmpty();
            case DELETE:
                Object result = returnsVoid() ? null
                        : returnsNumber() ? (Object) count(accessor) : super.execute(accessor, readType);
                operations.delete(entity.getType(), sql.condition().isEmpty() ? "1" : sql.condition(), values);
                return result;
            default:
                return super.execute(accessor, readType);
        }
    }

    @Override
    StatementSpec select(ParametersParameterAccessor accessor, Pageable page, boolean extraRow) {
        return operations.sql(sql.select(accessor.getSort(), page, extraRow)).params(values(accessor));
    }

    @Override
    long count(ParametersParameterAccessor accessor) {
        return operations.sql(sql.count()).params(values(accessor)).query(Long.class).single();
    }

    private Map<String, Object> values(ParametersParameterAccessor accessor) {
        Object[] arguments = new Object[bindable];
        for (int i = 0; i < bindable; i++) {
            arguments[i] = accessor.getBindableValue(i);
        }
        return sql.values(arguments);
    }

}
