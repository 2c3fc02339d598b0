package io.chspring.data.core;

import io.chspring.client.inserter.InserterBuilder;
import io.chspring.data.mapping.ClickHouseMappingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ClickHouseTemplate} does: the interface to use (and mock) in application code.
 *
 * <p>Values are bound to {@code ?} (positional) or {@code :name} (named) placeholders and rendered client-side as
 * escaped SQL literals; a collection bound after {@code IN} expands to a tuple {@code (a, b, c)}; server-side
 * {@code {name:Type}} placeholders are sent as query parameters (ClickHouse 19.11+). {@code ?fields} expands to the
 * mapped column list of the result type. Results map to entities, records and POJOs (by column name), to a single
 * column's value for simple types ({@code Long}, {@code String}, {@code Instant}, ...), or to ordered
 * {@code Map<String, Object>} rows. Every error is a {@code DataAccessException}.
 */
public interface ClickHouseOperations {

    /** A statement to configure (parameters, settings, query id) and run; see {@link StatementSpec}. */
    StatementSpec sql(String sql);

    /** Runs a statement that returns no rows (DDL, {@code INSERT ... SELECT}); {@code args} bind to {@code ?}. */
    void execute(String sql, @Nullable Object... args);

    /** Every row of the query as {@code type}. */
    <T> List<T> queryForList(String sql, Class<T> type, @Nullable Object... args);

    /** The only row of the query, or empty; more than one row is an {@code IncorrectResultSizeDataAccessException}. */
    <T> Optional<T> queryForOptional(String sql, Class<T> type, @Nullable Object... args);

    /**
     * The only row of the query ({@code null} for a single column's NULL); none or more is an
     * {@code IncorrectResultSizeDataAccessException}.
     */
    <T> @Nullable T queryForObject(String sql, Class<T> type, @Nullable Object... args);

    /**
     * The rows of the query as a lazily read stream. The stream holds an HTTP connection until it is read to the
     * end or closed: use it in try-with-resources.
     */
    <T> Stream<T> queryForStream(String sql, Class<T> type, @Nullable Object... args);

    /** Every row of the query as a map from column name to value, in column order. */
    List<Map<String, @Nullable Object>> queryForMaps(String sql, @Nullable Object... args);

    /** An insert of entities of {@code type} into its table; see {@link InsertSpec}. */
    <T> InsertSpec<T> insert(Class<T> type);

    /** Inserts one entity into its table. */
    <T> void insert(T entity);

    /** Inserts entities into the table of {@code type}, as RowBinary in one request. */
    <T> void insertAll(Class<T> type, Iterable<? extends T> entities);

    /** Inserts a stream of entities into the table of {@code type}, as RowBinary in one streamed request. */
    <T> void insertAll(Class<T> type, Stream<? extends T> entities);

    /**
     * A builder for the client's batching background {@code Inserter} of entities of {@code type} into their table,
     * mapped like this template's inserts: {@code @Column} names, no {@code @Transient} properties, no
     * {@code @ReadOnlyProperty} columns, the mapping context's table name and naming strategy. The table's columns are
     * read now ({@code DESCRIBE TABLE}) and checked against the entity, so a mismatch or an unreachable server fails
     * here as a {@code DataAccessException}. Set the batching options on the builder, then {@code build()} it; the
     * Inserter it builds throws the client's exceptions, untranslated, and must be closed.
     */
    <T> InserterBuilder<T> inserter(Class<T> type);

    /**
     * Deletes the rows of the table of {@code type} that match {@code where} (SQL with {@code :name} placeholders
     * bound from {@code params}), and returns once they are gone. Deletes are expensive in ClickHouse: servers with
     * lightweight deletes (22.8+) run {@code DELETE FROM}; older ones run an {@code ALTER TABLE ... DELETE} mutation,
     * which rewrites every data part holding a matching row, and this method waits for it to finish.
     */
    void delete(Class<?> type, String where, Map<String, ?> params);

    /** Deletes every row of the table of {@code type} ({@code TRUNCATE TABLE}). */
    void deleteAll(Class<?> type);

    /** The table name of an entity type. */
    String getTableName(Class<?> type);

    /** The mapping metadata for entities and result types. */
    ClickHouseMappingContext getMappingContext();

    /**
     * A statement in the fluent style of Spring's {@code JdbcClient}:
     * {@code sql("SELECT ?fields FROM events WHERE user_id = :user").param("user", 42).query(Event.class).list()}.
     * Mutable, single-use, not thread-safe.
     */
    interface StatementSpec {

        /** Binds {@code value} to every {@code :name} placeholder, or to a server-side {@code {name:Type}} one. */
        StatementSpec param(String name, @Nullable Object value);

        /** Binds each entry as {@link #param(String, Object)}. */
        StatementSpec params(Map<String, ?> values);

        /** Binds {@code value} to the next {@code ?} placeholder. */
        StatementSpec param(@Nullable Object value);

        /** Binds {@code values} to the next {@code ?} placeholders, in order. */
        StatementSpec params(List<?> values);

        /** A ClickHouse setting for this statement only ({@code max_execution_time}, {@code max_threads}, ...). */
        StatementSpec setting(String name, Object value);

        /** The query id, to find the statement in {@code system.query_log} or kill it; random when not set. */
        StatementSpec queryId(@Nullable String queryId);

        /** Reads the result rows as {@code type}. */
        <T> QuerySpec<T> query(Class<T> type);

        /** Reads the result rows as ordered maps from column name to value. */
        QuerySpec<Map<String, @Nullable Object>> query();

        /** Runs the statement, discarding any output. */
        void execute();
    }

    /**
     * How to take the rows of a query.
     *
     * @param <T> the row type
     */
    interface QuerySpec<T> {

        /** Every row. */
        List<T> list();

        /** The only row, or empty; more than one is an {@code IncorrectResultSizeDataAccessException}. */
        Optional<T> optional();

        /**
         * The only row ({@code null} for a single column's NULL); none or more is an
         * {@code IncorrectResultSizeDataAccessException}.
         */
        @Nullable T single();

        /** The rows, read lazily; close the stream (try-with-resources) to release the connection early. */
        Stream<T> stream();
    }

    /**
     * An insert of entities as RowBinary into the entity's table, in one request.
     *
     * @param <T> the entity type
     */
    interface InsertSpec<T> {

        /** A ClickHouse setting for this insert only. */
        InsertSpec<T> setting(String name, Object value);

        /** The query id of the INSERT, to find it in {@code system.query_log} or kill it; random when not set. */
        InsertSpec<T> queryId(@Nullable String queryId);

        /** Inserts the entities. */
        void all(Iterable<? extends T> entities);

        /** Inserts the entities of the stream, streaming them to the server; the stream is closed. */
        void all(Stream<? extends T> entities);
    }
}
