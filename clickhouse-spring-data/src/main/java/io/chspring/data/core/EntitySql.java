package io.chspring.data.core;

import io.chspring.client.sql.Identifier;
import io.chspring.client.sql.SqlLiterals;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import io.chspring.data.mapping.ClickHousePersistentProperty;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Every SQL statement Spring Data writes for an entity's table, in one place: the SELECTs, counts and existence
 * checks of repositories and derived queries, their {@code ORDER BY} and paging {@code LIMIT}, deletes (lightweight
 * or mutation) and truncation, and the quoting of table and column names. Conditions come in as SQL with
 * {@code :name} placeholders; values are never written here but bound by the client's
 * {@link io.chspring.client.sql.SqlTemplate} when the statement is sent. Immutable. Not an API for applications.
 */
public final class EntitySql {

    /** Every statement reads rows through this placeholder, which the client fills with the row type's columns. */
    private static final String FIELDS = "?fields";

    private final ClickHousePersistentEntity<?> entity;
    private final String table;

    /** The statements of {@code entity}'s table. */
    public EntitySql(ClickHousePersistentEntity<?> entity) {
        this.entity = entity;
        this.table = quoteTable(entity.getTableName());
    }

    /** The quoted table; {@code db.table} is split at the first dot. */
    public String table() {
        return table;
    }

    /** The quoted column of a property. */
    public static String column(ClickHousePersistentProperty property) {
        return Identifier.of(property.getColumnName()).toSql();
    }

    /** The condition that matches the row whose id is bound to {@code :id}. */
    public String idEquals() {
        return column(idProperty()) + " = :id";
    }

    /** The condition that matches the rows whose ids are bound (as a collection) to {@code :ids}. */
    public String idIn() {
        return column(idProperty()) + " IN :ids";
    }

    /**
     * {@code SELECT [DISTINCT] ?fields FROM table [WHERE condition]}, ordered by {@code sort} (then by the page's
     * sort when paged) and limited to the page, to {@code maxResults} rows (Top/First), or to both.
     *
     * @param condition the {@code WHERE} condition; empty for none
     * @param page the page to read, {@code null} or unpaged for all rows
     * @param maxResults at most this many rows in all, {@code null} for no such limit
     * @param extraRow whether to read one row more than the page (for a Slice's {@code hasNext})
     * @throws InvalidDataAccessApiUsageException when a sort property is not mapped
     */
    public String select(boolean distinct, String condition, @Nullable Sort sort, @Nullable Pageable page,
            @Nullable Integer maxResults, boolean extraRow) {
        StringBuilder sql = new StringBuilder("SELECT ");
        if (distinct) {
            sql.append("DISTINCT ");
        }
        sql.append(FIELDS).append(" FROM ").append(table);
        appendWhere(sql, condition);
        appendOrderAndPage(sql, sort, page, maxResults, extraRow);
        return sql.toString();
    }

    /**
     * A statement of the application's ({@code @Query}) ordered by {@code sort} (then by the page's sort when paged)
     * and limited to the page; so it must not end with an {@code ORDER BY} or {@code LIMIT} of its own.
     */
    public String orderAndPage(String sql, @Nullable Sort sort, @Nullable Pageable page, boolean extraRow) {
        StringBuilder out = new StringBuilder(sql);
        appendOrderAndPage(out, sort, page, null, extraRow);
        return out.toString();
    }

    /** {@code SELECT count()} over the rows matching {@code condition} (distinct rows when {@code distinct}). */
    public String count(boolean distinct, String condition) {
        StringBuilder sql = new StringBuilder("SELECT count() FROM ");
        if (distinct) {
            sql.append("(SELECT DISTINCT ").append(columns()).append(" FROM ").append(table);
            appendWhere(sql, condition);
            return sql.append(')').toString();
        }
        sql.append(table);
        appendWhere(sql, condition);
        return sql.toString();
    }

    /**
     * The number of rows of any query, the statement of a Page's total. The newline ends a trailing {@code --}
     * comment before the closing parenthesis.
     */
    public static String countRows(String sql) {
        return "SELECT count() FROM (" + sql + "\n)";
    }

    /** One row when any row matches {@code condition}, none otherwise. */
    public String exists(String condition) {
        StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(table);
        appendWhere(sql, condition);
        return sql.append(" LIMIT 1").toString();
    }

    /**
     * Deletes the rows matching {@code where}: {@code DELETE FROM} where the server has lightweight deletes, else
     * the {@code ALTER TABLE ... DELETE} mutation (see {@link #pendingMutations()}).
     */
    public String delete(String where, boolean lightweight) {
        return (lightweight ? "DELETE FROM " + table + " WHERE " : "ALTER TABLE " + table + " DELETE WHERE ") + where;
    }

    /** How many mutations of the table are not done yet (18.16 has no {@code mutations_sync} to wait for them). */
    public String pendingMutations() {
        String name = entity.getTableName();
        int dot = databaseDot(name);
        String database = dot > 0 ? SqlLiterals.toLiteral(name.substring(0, dot)) : "currentDatabase()";
        return "SELECT count() FROM system.mutations WHERE database = " + database + " AND table = "
                + SqlLiterals.toLiteral(dot > 0 ? name.substring(dot + 1) : name) + " AND is_done = 0";
    }

    /** Empties the table. */
    public String truncate() {
        return "TRUNCATE TABLE " + table;
    }

    /**
     * A parenthesised list of the literals of {@code values} (an Iterable, an array, or one value), each wrapped
     * in {@code function(...)} when a function is given; {@code null} when there are no values. The client writes a
     * bound collection after {@code IN} the same way; this form is for lists whose items need a function around them
     * (a case-insensitive {@code IN} compares {@code lowerUTF8} of each).
     */
    public static @Nullable String tuple(@Nullable Object values, @Nullable String function) {
        List<Object> elements = elements(values);
        if (elements.isEmpty()) {
            return null;
        }
        StringJoiner out = new StringJoiner(", ", "(", ")");
        for (Object element : elements) {
            String literal = SqlLiterals.toLiteral(element);
            out.add(function == null ? literal : function + "(" + literal + ")");
        }
        // A one-element tuple needs no trailing comma after IN: "x IN (1)" is a set of one.
        return out.toString();
    }

    private String columns() {
        List<String> columns = new ArrayList<>();
        for (ClickHousePersistentProperty p : entity) {
            columns.add(column(p));
        }
        return String.join(", ", columns);
    }

    private ClickHousePersistentProperty idProperty() {
        ClickHousePersistentProperty id = entity.getIdProperty();
        if (id == null) {
            throw new InvalidDataAccessApiUsageException(entity.getName() + " has no @Id property; the id-based "
                    + "repository methods need one");
        }
        return id;
    }

    private static void appendWhere(StringBuilder sql, String condition) {
        if (!condition.isEmpty()) {
            sql.append(" WHERE ").append(condition);
        }
    }

    private void appendOrderAndPage(StringBuilder sql, @Nullable Sort sort, @Nullable Pageable page,
            @Nullable Integer maxResults, boolean extraRow) {
        boolean paged = page != null && page.isPaged();
        Sort order = sort == null ? Sort.unsorted() : sort;
        appendOrderBy(sql, paged ? order.and(page.getSort()) : order);
        if (paged) {
            long offset = page.getOffset();
            long size = page.getPageSize() + (extraRow ? 1L : 0L);
            if (maxResults != null) {
                size = Math.max(0, Math.min(size, maxResults - offset));
            }
            appendLimit(sql, offset, size);
        } else if (maxResults != null) {
            appendLimit(sql, 0, maxResults);
        }
    }

    /**
     * {@code ignoreCase} sorts by {@code lowerUTF8(column)}, null handling becomes {@code NULLS FIRST/LAST}.
     *
     * @throws InvalidDataAccessApiUsageException when a property is not mapped
     */
    private void appendOrderBy(StringBuilder sql, Sort sort) {
        if (sort.isUnsorted()) {
            return;
        }
        sql.append(" ORDER BY ").append(sort.stream().map(order -> {
            String column = column(property(order.getProperty()));
            String expression = order.isIgnoreCase() ? "lowerUTF8(" + column + ")" : column;
            String nulls = switch (order.getNullHandling()) {
                case NULLS_FIRST -> " NULLS FIRST";
                case NULLS_LAST -> " NULLS LAST";
                case NATIVE -> "";
            };
            return expression + (order.isAscending() ? " ASC" : " DESC") + nulls;
        }).collect(Collectors.joining(", ")));
    }

    private ClickHousePersistentProperty property(String name) {
        ClickHousePersistentProperty property = entity.getPersistentProperty(name);
        if (property == null) {
            throw new InvalidDataAccessApiUsageException("No mapped property '" + name + "' on " + entity.getName());
        }
        return property;
    }

    /** {@code " LIMIT offset, count"}: the two-number form every ClickHouse version reads. */
    private static void appendLimit(StringBuilder sql, long offset, long count) {
        sql.append(" LIMIT ");
        if (offset > 0) {
            sql.append(offset).append(", ");
        }
        sql.append(count);
    }

    private static String quoteTable(String name) {
        int dot = databaseDot(name);
        Identifier id = dot > 0 ? Identifier.of(name.substring(0, dot), name.substring(dot + 1)) : Identifier.of(name);
        return id.toSql();
    }

    /** The dot between database and table in {@code db.table}, or -1. */
    private static int databaseDot(String name) {
        int dot = name.indexOf('.');
        return dot > 0 && dot < name.length() - 1 ? dot : -1;
    }

    private static List<Object> elements(@Nullable Object values) {
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
