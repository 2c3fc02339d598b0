package io.chspring.data.core;

import io.chspring.client.sql.Identifier;
import io.chspring.client.sql.SqlLiterals;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import io.chspring.data.mapping.ClickHousePersistentProperty;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;

/**
 * SQL fragments shared by repositories and derived queries: quoted table and column names, {@code ORDER BY},
 * {@code LIMIT} and tuple literals for {@code IN}. Not an API for applications.
 */
public final class SqlClauses {

    private SqlClauses() {
    }

    /** The quoted table of {@code entity}; {@code db.table} is split at the first dot. */
    public static String table(ClickHousePersistentEntity<?> entity) {
        return table(entity.getTableName());
    }

    /** The quoted form of a table name; {@code db.table} is split at the first dot. */
    public static String table(String name) {
        int dot = name.indexOf('.');
        Identifier id = dot > 0 && dot < name.length() - 1
                ? Identifier.of(name.substring(0, dot), name.substring(dot + 1)) : Identifier.of(name);
        return id.toSql();
    }

    /** The quoted column of a property. */
    public static String column(ClickHousePersistentProperty property) {
        return Identifier.of(property.getColumnName()).toSql();
    }

    /**
     * The mapped property named {@code name}.
     *
     * @throws InvalidDataAccessApiUsageException naming the property and the entity when there is none
     */
    public static ClickHousePersistentProperty property(ClickHousePersistentEntity<?> entity, String name) {
        ClickHousePersistentProperty property = entity.getPersistentProperty(name);
        if (property == null) {
            throw new InvalidDataAccessApiUsageException("No mapped property '" + name + "' on " + entity.getName());
        }
        return property;
    }

    /** Every mapped column, quoted and comma-separated. */
    public static String columns(ClickHousePersistentEntity<?> entity) {
        List<String> columns = new ArrayList<>();
        for (ClickHousePersistentProperty p : entity) {
            columns.add(column(p));
        }
        return String.join(", ", columns);
    }

    /**
     * Appends {@code " ORDER BY ..."} for a sorted {@code sort}; properties are resolved against {@code entity},
     * {@code ignoreCase} sorts by {@code lowerUTF8(column)}, null handling becomes {@code NULLS FIRST/LAST}.
     *
     * @throws InvalidDataAccessApiUsageException when a property is not mapped
     */
    public static void appendOrderBy(StringBuilder sql, Sort sort, ClickHousePersistentEntity<?> entity) {
        if (sort == null || sort.isUnsorted()) {
            return;
        }
        sql.append(" ORDER BY ").append(sort.stream().map(order -> {
            String column = column(property(entity, order.getProperty()));
            String expression = order.isIgnoreCase() ? "lowerUTF8(" + column + ")" : column;
            String nulls = switch (order.getNullHandling()) {
                case NULLS_FIRST -> " NULLS FIRST";
                case NULLS_LAST -> " NULLS LAST";
                case NATIVE -> "";
            };
            return expression + (order.isAscending() ? " ASC" : " DESC") + nulls;
        }).collect(Collectors.joining(", ")));
    }

    /** Appends {@code " LIMIT offset, count"}; the two-number form every ClickHouse version reads. */
    public static void appendLimit(StringBuilder sql, long offset, long count) {
        sql.append(" LIMIT ");
        if (offset > 0) {
            sql.append(offset).append(", ");
        }
        sql.append(count);
    }

    /**
     * A parenthesised list of the literals of {@code values} (an Iterable, an array, or one value), each wrapped
     * in {@code function(...)} when a function is given; {@code null} when there are no values. A bound collection
     * renders as an array literal, which {@code x IN [1, 2]} on ClickHouse 18.16 rejects; the tuple form works on
     * every version.
     */
    public static String tuple(Object values, String function) {
        Collection<Object> elements = elements(values);
        if (elements.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("(");
        boolean first = true;
        for (Object element : elements) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            if (function != null) {
                out.append(function).append('(');
            }
            SqlLiterals.appendLiteral(out, element);
            if (function != null) {
                out.append(')');
            }
        }
        // A one-element tuple needs no trailing comma after IN: "x IN (1)" is a set of one.
        return out.append(')').toString();
    }

    private static Collection<Object> elements(Object values) {
        List<Object> out = new ArrayList<>();
        if (values instanceof Iterable<?> iterable) {
            iterable.forEach(out::add);
        } else if (values != null && values.getClass().isArray() && !(values instanceof byte[])) {
            int length = Array.getLength(values);
            for (int i = 0; i < length; i++) {
                out.add(Array.get(values, i));
            }
        } else {
            out.add(values);
        }
        return out;
    }
}
