package io.chspring.data.repository.support;

import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.EntitySql;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import io.chspring.data.repository.ClickHouseRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * The implementation behind every {@link ClickHouseRepository}: inserts through RowBinary, reads through
 * {@code ?fields} selects, deletes through {@link ClickHouseOperations#delete} (see the costs there).
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public class SimpleClickHouseRepository<T, ID> implements ClickHouseRepository<T, ID> {

    private final ClickHousePersistentEntity<T> entity;
    private final ClickHouseOperations operations;
    private final EntitySql sql;

    /** A repository of {@code entity} rows through {@code operations}. */
    public SimpleClickHouseRepository(ClickHousePersistentEntity<T> entity, ClickHouseOperations operations) {
        this.entity = entity;
        this.operations = operations;
        this.sql = new EntitySql(entity);
    }

    @Override
    public <S extends T> S save(S entity) {
        operations.insert(entity);
        return entity;
    }

    @Override
    public <S extends T> List<S> saveAll(Iterable<S> entities) {
        List<S> all = new ArrayList<>();
        entities.forEach(all::add);
        operations.insertAll(this.entity.getType(), all);
        return all;
    }

    @Override
    public Optional<T> findById(ID id) {
        return operations.sql(sql.select(false, sql.idEquals(), Sort.unsorted(), null, 1, false))
                .param("id", requireId(id)).query(entity.getType()).optional();
    }

    @Override
    public boolean existsById(ID id) {
        return !operations.sql(sql.exists(sql.idEquals()))
                .param("id", requireId(id)).query().list().isEmpty();
    }

    @Override
    public List<T> findAll() {
        return findAll(Sort.unsorted());
    }

    @Override
    public List<T> findAllById(Iterable<ID> ids) {
        return operations.sql(sql.select(false, sql.idIn(), Sort.unsorted(), null, null, false))
                .param("ids", ids(ids)).query(entity.getType()).list();
    }

    @Override
    public List<T> findAll(Sort sort) {
        return operations.sql(sql.select(false, "", sort, null, null, false)).query(entity.getType()).list();
    }

    @Override
    public Page<T> findAll(Pageable pageable) {
        if (pageable.isUnpaged()) {
            List<T> all = findAll(pageable.getSort());
            return PageableExecutionUtils.getPage(all, pageable, all::size);
        }
        List<T> content = operations.sql(sql.select(false, "", Sort.unsorted(), pageable, null, false))
                .query(entity.getType()).list();
        return PageableExecutionUtils.getPage(content, pageable, this::count);
    }

    @Override
    public long count() {
        return operations.sql(sql.count(false, "")).query(Long.class).single();
    }

    @Override
    public void deleteById(ID id) {
        deleteId(id);
    }

    @Override
    public void delete(T entity) {
        deleteId(idOf(entity));
    }

    private void deleteId(Object id) {
        operations.delete(entity.getType(), sql.idEquals(), Map.of("id", requireId(id)));
    }

    @Override
    public void deleteAllById(Iterable<? extends ID> ids) {
        List<Object> all = ids(ids);
        if (!all.isEmpty()) {
            operations.delete(entity.getType(), sql.idIn(), Map.of("ids", all));
        }
    }

    @Override
    public void deleteAll(Iterable<? extends T> entities) {
        List<Object> ids = new ArrayList<>();
        for (T e : entities) {
            ids.add(idOf(e));
        }
        if (!ids.isEmpty()) {
            operations.delete(entity.getType(), sql.idIn(), Map.of("ids", ids));
        }
    }

    /** Truncates the table. */
    @Override
    public void deleteAll() {
        operations.deleteAll(entity.getType());
    }

    private Object idOf(T e) {
        if (e == null) {
            throw new InvalidDataAccessApiUsageException("The entity to delete is null");
        }
        return requireId(entity.getIdentifierAccessor(e).getIdentifier());
    }

    private Object requireId(Object id) {
        if (id == null) {
            throw new InvalidDataAccessApiUsageException("The id of " + entity.getName() + " must not be null");
        }
        return id;
    }

    private List<Object> ids(Iterable<?> ids) {
        List<Object> all = new ArrayList<>();
        for (Object id : ids) {
            all.add(requireId(id));
        }
        return all;
    }
}
