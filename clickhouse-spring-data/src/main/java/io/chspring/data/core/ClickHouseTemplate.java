package io.chspring.data.core;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.client.inserter.InserterBuilder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.mapping.MappingException;

/**
 * The {@link ClickHouseOperations} over a {@link ClickHouseClient}: statements and typed reads through the client's
 * query API, entity inserts as RowBinary through its typed insert, with entity metadata from a
 * {@link ClickHouseMappingContext} handed to the client's row codec. Thread-safe once configured; share one.
 */
public class ClickHouseTemplate implements ClickHouseOperations {

    private final ClickHouseClient client;
    private final ClickHouseMappingContext mappingContext;
    private final EntityRowTypes rowTypes;
    private final PersistenceExceptionTranslator exceptionTranslator = new ClickHouseExceptionTranslator();
    private volatile Duration mutationTimeout = Duration.ofMinutes(5);
    private volatile MappingOptions writeOptions = MappingOptions.DEFAULT;

    /** A template over {@code client} with a mapping context of its own. */
    public ClickHouseTemplate(ClickHouseClient client) {
        this(client, new ClickHouseMappingContext());
    }

    /** A template over {@code client} sharing {@code mappingContext} (with repositories, for instance). */
    public ClickHouseTemplate(ClickHouseClient client, ClickHouseMappingContext mappingContext) {
        this.client = Objects.requireNonNull(client, "client");
        this.mappingContext = Objects.requireNonNull(mappingContext, "mappingContext");
        this.rowTypes = new EntityRowTypes(mappingContext);
    }

    /** The client this template sends through. */
    public ClickHouseClient getClient() {
        return client;
    }

    /**
     * How long {@link #delete} waits for an {@code ALTER TABLE ... DELETE} mutation on servers without lightweight
     * deletes; 5 minutes by default.
     */
    public void setMutationTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("mutationTimeout must be positive, not " + timeout);
        }
        this.mutationTimeout = timeout;
    }

    /**
     * How entity inserts and {@link #inserter} encode rows ({@link MappingOptions#DEFAULT} unless set), for instance
     * {@code MappingOptions.DEFAULT.withCodecOptions(CodecOptions.DEFAULT.withTruncateFractionalSeconds(true))} to
     * store {@code Instant.now()} in a {@code DateTime} column truncated to whole seconds.
     */
    public void setWriteOptions(MappingOptions options) {
        this.writeOptions = Objects.requireNonNull(options, "options");
    }

    /** The options entity inserts and Inserters are encoded with. */
    public MappingOptions getWriteOptions() {
        return writeOptions;
    }

    @Override
    public StatementSpec sql(String sql) {
        return new DefaultStatementSpec(this, sql);
    }

    @Override
    public void execute(String sql, @Nullable Object... args) {
        sql(sql).params(Arrays.asList(args)).execute();
    }

    @Override
    public <T> List<T> queryForList(String sql, Class<T> type, @Nullable Object... args) {
        return sql(sql).params(Arrays.asList(args)).query(type).list();
    }

    @Override
    public <T> Optional<T> queryForOptional(String sql, Class<T> type, @Nullable Object... args) {
        return sql(sql).params(Arrays.asList(args)).query(type).optional();
    }

    @Override
    public <T> @Nullable T queryForObject(String sql, Class<T> type, @Nullable Object... args) {
        return sql(sql).params(Arrays.asList(args)).query(type).single();
    }

    @Override
    public <T> Stream<T> queryForStream(String sql, Class<T> type, @Nullable Object... args) {
        return sql(sql).params(Arrays.asList(args)).query(type).stream();
    }

    @Override
    public List<Map<String, @Nullable Object>> queryForMaps(String sql, @Nullable Object... args) {
        return sql(sql).params(Arrays.asList(args)).query().list();
    }

    @Override
    public <T> InsertSpec<T> insert(Class<T> type) {
        return new DefaultInsertSpec<>(this, type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void insert(T entity) {
        Objects.requireNonNull(entity, "entity");
        insert((Class<T>) entity.getClass()).all(List.of(entity));
    }

    @Override
    public <T> void insertAll(Class<T> type, Iterable<? extends T> entities) {
        insert(type).all(entities);
    }

    @Override
    public <T> void insertAll(Class<T> type, Stream<? extends T> entities) {
        insert(type).all(entities);
    }

    @Override
    public <T> InserterBuilder<T> inserter(Class<T> type) {
        String table = getTableName(type);
        RowType<T> rowType = rowType(type);
        try {
            return client.inserter(table, rowType, writeOptions);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public void delete(Class<?> type, String where, Map<String, ?> params) {
        new Deletes(this, mutationTimeout).delete(new EntitySql(entity(type)), getTableName(type), where, params);
    }

    @Override
    public void deleteAll(Class<?> type) {
        sql(new EntitySql(entity(type)).truncate()).execute();
    }

    @Override
    public String getTableName(Class<?> type) {
        return entity(type).getTableName();
    }

    @Override
    public ClickHouseMappingContext getMappingContext() {
        return mappingContext;
    }

    ClickHousePersistentEntity<?> entity(Class<?> type) {
        try {
            return mappingContext.getRequiredPersistentEntity(type);
        } catch (MappingException | IllegalArgumentException e) {
            throw new InvalidDataAccessApiUsageException("Cannot map " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The client's row type for a mapped class. */
    <T> RowType<T> rowType(Class<T> type) {
        try {
            return rowTypes.of(type);
        } catch (MappingException | IllegalArgumentException e) {
            throw new InvalidDataAccessApiUsageException("Cannot map " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The exception to throw for {@code e}: client errors translated into the {@code DataAccessException} hierarchy,
     * argument errors (a value without a literal form, a missing parameter) as {@code InvalidDataAccessApiUsage}.
     */
    RuntimeException translate(RuntimeException e) {
        if (e instanceof DataAccessException) {
            return e;
        }
        if (e instanceof ClickHouseException) {
            DataAccessException translated = exceptionTranslator.translateExceptionIfPossible(e);
            return translated != null ? translated : e;
        }
        if (e instanceof IllegalArgumentException || e instanceof MappingException) {
            return new InvalidDataAccessApiUsageException(e.getMessage(), e);
        }
        return e;
    }
}
