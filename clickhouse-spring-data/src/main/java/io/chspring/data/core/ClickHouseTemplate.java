package io.chspring.data.core;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.cluster.DistributedDdlOutcome;
import io.chspring.client.ClickHouseException;
import io.chspring.client.inserter.InserterBuilder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.query.PreparedQuery;
import io.chspring.data.convert.ClickHouseCustomConversions;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.mapping.callback.EntityCallback;

/**
 * The {@link ClickHouseOperations} over a {@link ClickHouseClient}: statements and typed reads through the client's
 * query API, entity inserts as RowBinary through its typed insert, with entity metadata from a
 * {@link ClickHouseMappingContext} handed to the client's row codec. Thread-safe once configured; share one.
 *
 * <p>As a bean it runs the {@link io.chspring.data.mapping.event entity callbacks} of its application context
 * (BeforeConvert and BeforeSave on every inserted entity, AfterConvert on every row read as a mapped class);
 * elsewhere {@link #setEntityCallbacks} gives them. {@link ClickHouseCustomConversions} apply to mapped properties and
 * bound values.
 */
public class ClickHouseTemplate implements ClickHouseOperations, BeanFactoryAware {

    private final ClickHouseClient client;
    private final ClickHouseMappingContext mappingContext;
    private final ClickHouseCustomConversions conversions;
    private final EntityRowTypes rowTypes;
    private volatile EntityCallbackInvoker callbacks = new EntityCallbackInvoker(List::of);
    private volatile OperationObserver observer = OperationObserver.NONE;
    private final PersistenceExceptionTranslator exceptionTranslator = new ClickHouseExceptionTranslator();
    private volatile Duration mutationTimeout = Duration.ofMinutes(5);
    private volatile MappingOptions writeOptions = MappingOptions.DEFAULT;
    private final PreparedQueries preparedQueries = new PreparedQueries(DEFAULT_PREPARED_QUERY_CACHE_SIZE);

    /** How many prepared queries a template keeps unless told otherwise. */
    public static final int DEFAULT_PREPARED_QUERY_CACHE_SIZE = 256;

    /** A template over {@code client} with a mapping context of its own. */
    public ClickHouseTemplate(ClickHouseClient client) {
        this(client, new ClickHouseMappingContext());
    }

    /** A template over {@code client} sharing {@code mappingContext} (with repositories, for instance). */
    public ClickHouseTemplate(ClickHouseClient client, ClickHouseMappingContext mappingContext) {
        this(client, mappingContext, ClickHouseCustomConversions.none());
    }

    /**
     * A template with custom conversions; {@code mappingContext} should have the conversions' simple types
     * ({@code setSimpleTypeHolder(conversions.getSimpleTypeHolder())}).
     */
    public ClickHouseTemplate(ClickHouseClient client, ClickHouseMappingContext mappingContext,
            ClickHouseCustomConversions conversions) {
        this.client = Objects.requireNonNull(client, "client");
        this.mappingContext = Objects.requireNonNull(mappingContext, "mappingContext");
        this.conversions = Objects.requireNonNull(conversions, "conversions");
        this.rowTypes = new EntityRowTypes(mappingContext, conversions);
    }

    /** Runs the {@code EntityCallback} beans of {@code beanFactory}, looked up on first use. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void setBeanFactory(BeanFactory beanFactory) {
        if (beanFactory instanceof ListableBeanFactory listable) {
            // looked up late: an auditing callback depends on the mapping, which may depend on this template
            this.callbacks = new EntityCallbackInvoker(() -> (List) List.copyOf(
                    BeanFactoryUtils.beansOfTypeIncludingAncestors(listable, EntityCallback.class).values()));
        }
    }

    /** The entity callbacks to run, replacing those of the application context. */
    public void setEntityCallbacks(Collection<? extends EntityCallback<?>> entityCallbacks) {
        List<EntityCallback<?>> copy = List.copyOf(entityCallbacks);
        this.callbacks = new EntityCallbackInvoker(() -> copy);
    }

    /**
     * Who watches each query, statement and insert ({@code io.chspring.data.observation.ObservationOperationObserver}
     * for Micrometer observations); nobody by default.
     */
    public void setOperationObserver(OperationObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    OperationObserver observer() {
        return observer;
    }

    /** The custom conversions applied to mapped properties and bound values. */
    public ClickHouseCustomConversions getConversions() {
        return conversions;
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
    public DistributedDdlOutcome executeOnCluster(String sql, Object... args) {
        try {
            return client.executeOnCluster(sql, args);
        } catch (RuntimeException e) {
            throw translate(e);
        }
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
    public <T> T insert(T entity) {
        Objects.requireNonNull(entity, "entity");
        List<T> inserted = new ArrayList<>(1);
        new DefaultInsertSpec<>(this, (Class<T>) entity.getClass()).all(List.of(entity), inserted);
        return inserted.isEmpty() ? entity : inserted.get(0);
    }

    @Override
    public <T> List<T> insertAll(Class<T> type, Iterable<? extends T> entities) {
        List<T> inserted = new ArrayList<>();
        new DefaultInsertSpec<>(this, type).all(entities, inserted);
        return inserted;
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
    public @Nullable Object toColumnValue(@Nullable Object value) {
        if (value instanceof Collection<?> collection) {
            List<@Nullable Object> out = new ArrayList<>(collection.size());
            boolean changed = false;
            for (Object element : collection) {
                Object converted = conversions.toColumnValue(element);
                changed |= converted != element;
                out.add(converted);
            }
            return changed ? out : value;
        }
        if (value instanceof Object[] array) {
            List<Object> view = Arrays.asList(array);
            Object converted = toColumnValue(view);
            return converted == view ? value : ((List<?>) converted).toArray();
        }
        return conversions.toColumnValue(value);
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

    EntityCallbackInvoker callbacks() {
        return callbacks;
    }

    /** The row type reading {@code properties} of {@code type} into maps keyed by property name. */
    RowType<Map<String, @Nullable Object>> projection(Class<?> type, Collection<String> properties) {
        try {
            return rowTypes.projection(type, properties);
        } catch (MappingException | IllegalArgumentException e) {
            throw new InvalidDataAccessApiUsageException("Cannot map " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many prepared queries (one per SQL text and result type) the template keeps; 256 by default, 0 to prepare
     * every read anew. Reads of SQL already prepared are not lexed again and reuse their row reader.
     */
    public void setPreparedQueryCacheSize(int size) {
        preparedQueries.capacity(size);
    }

    /** The prepared-query cache's size, hits, misses and the row readers its queries built. */
    public PreparedQueryCacheStats getPreparedQueryCacheStats() {
        return preparedQueries.stats();
    }

    /** The prepared query reading {@code sql} as {@code type}, through {@code rowType} when not {@code null}. */
    <T> PreparedQuery<T> prepared(String sql, Class<T> type, @Nullable RowType<T> rowType) {
        return preparedQueries.get(client, sql, type, rowType);
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
