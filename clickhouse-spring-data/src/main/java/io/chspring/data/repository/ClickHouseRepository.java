package io.chspring.data.repository;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A repository of ClickHouse entities: list-returning CRUD plus paging and sorting, and derived and
 * {@link Query @Query} methods declared on sub-interfaces.
 *
 * <p>ClickHouse is not a transactional row store, and the methods say what they really do: {@code save} and
 * {@code saveAll} always <b>insert</b> (one RowBinary request per call; there is no upsert: a second save of the
 * same id adds a second row, use a ReplacingMergeTree to collapse versions); the {@code delete...} methods are
 * expensive: lightweight {@code DELETE FROM} on 22.8+, otherwise an {@code ALTER TABLE ... DELETE} mutation that
 * rewrites data parts, waited for until done; {@code deleteAll()} truncates the table.
 *
 * @param <T> the entity type
 * @param <ID> the type of its {@code @Id} property
 */
@NoRepositoryBean
public interface ClickHouseRepository<T, ID> extends ListCrudRepository<T, ID>, ListPagingAndSortingRepository<T, ID> {
}
