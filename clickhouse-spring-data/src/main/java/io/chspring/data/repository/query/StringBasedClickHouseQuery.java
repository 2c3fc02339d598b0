package io.chspring.data.repository.query;

import io.chspring.client.sql.SqlTemplate;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.EntitySql;
import io.chspring.data.core.ClickHouseOperations.StatementSpec;
import io.chspring.data.repository.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.query.Parameter;
import org.springframework.data.repository.query.Parameters;
import org.springframework.data.repository.query.ParametersParameterAccessor;

/**
 * A {@link Query @Query} method. Its placeholders are checked against the method's parameters when the repository
 * is created: every {@code :name} must be a parameter name, and the number of {@code ?} must match the value
 * arguments. A {@code Sort} or {@code Pageable} argument appends {@code ORDER BY} (properties of the entity) and
 * {@code LIMIT}, so the SQL must not end with its own.
 */
final class StringBasedClickHouseQuery extends AbstractClickHouseQuery {

    private final String sql;
    private final String countSql;
    private final EntitySql entitySql;
    private final boolean named;
    private final List<String> parameterNames = new ArrayList<>();

    StringBasedClickHouseQuery(ClickHouseQueryMethod method, ClickHouseOperations operations) {
        super(method, operations);
        Query query = method.annotatedQuery();
        this.sql = query.value().strip();
        this.countSql = query.countQuery().isBlank() ? EntitySql.countRows(sql) : query.countQuery();
        this.entitySql = new EntitySql(entity);
        SqlTemplate template = SqlTemplate.parse(sql);
        Parameters<?, ?> bindable = method.getParameters().getBindableParameters();
        for (Parameter p : bindable) {
            parameterNames.add(p.getName().orElse(null));
        }
        this.named = !template.namedParameterNames().isEmpty();
        if (named) {
            Set<String> known = new HashSet<>(parameterNames);
            List<String> unknown = template.namedParameterNames().stream().filter(n -> !known.contains(n)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("@Query uses " + unknown.stream().map(n -> ":" + n).toList()
                        + " but the method's value parameters are " + parameterNames
                        + " (compile with -parameters or use @Param)");
            }
        } else if (template.placeholderCount() != bindable.getNumberOfParameters()) {
            throw new IllegalArgumentException("@Query has " + template.placeholderCount() + " ? placeholder(s) but "
                    + "the method has " + bindable.getNumberOfParameters() + " value parameter(s)");
        }
        if (method.isPageQuery()) {
            SqlTemplate.parse(countSql);
        }
    }

    @Override
    Object execute(ParametersParameterAccessor accessor, Class<?> readType) {
        if (returnsVoid()) {
            bind(operations.sql(sql), accessor).execute();
            return null;
        }
        return super.execute(accessor, readType);
    }

    @Override
    StatementSpec select(ParametersParameterAccessor accessor, Pageable page, boolean extraRow) {
        return bind(operations.sql(entitySql.orderAndPage(sql, accessor.getSort(), page, extraRow)), accessor);
    }

    @Override
    long count(ParametersParameterAccessor accessor) {
        return bind(operations.sql(countSql), accessor).query(Long.class).single();
    }

    private StatementSpec bind(StatementSpec spec, ParametersParameterAccessor accessor) {
        if (named) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < parameterNames.size(); i++) {
                if (parameterNames.get(i) != null) {
                    values.put(parameterNames.get(i), accessor.getBindableValue(i));
                }
            }
            return spec.params(values);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < parameterNames.size(); i++) {
            values.add(accessor.getBindableValue(i));
        }
        return spec.params(values);
    }
}
