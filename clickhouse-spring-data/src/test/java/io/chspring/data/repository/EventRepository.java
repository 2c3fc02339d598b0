package io.chspring.data.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Param;

public interface EventRepository extends ClickHouseRepository<Event, UUID> {

    record NameStats(String name, long events, double avgValue) {
    }

    record NameOnly(String name) {
    }

    interface UserAndName {
        long getUserId();

        String getName();
    }

    List<Event> findByUserIdAndTsBetweenOrderByTsDesc(long userId, Instant from, Instant to);

    long countByName(String name);

    boolean existsByUserId(long userId);

    Stream<Event> streamByName(String name);

    List<Event> findTop10ByNameOrderByValueDesc(String name);

    Page<Event> findByUserId(long userId, Pageable pageable);

    Slice<Event> findSliceByUserId(long userId, Pageable pageable);

    List<Event> findByUserIdOrderByTsAsc(long userId, Sort sort);

    @Query("SELECT name, count() AS events, avg(value) AS avg_value FROM events WHERE ts >= :since GROUP BY name "
            + "ORDER BY events DESC, name")
    List<NameStats> statsSince(Instant since);

    @Query("SELECT ?fields FROM events WHERE user_id = ? AND value > ? ORDER BY ts")
    List<Event> positional(long userId, double minValue);

    @Query("SELECT name FROM events WHERE user_id = :user ORDER BY ts")
    List<String> namesOf(@Param("user") long userId);

    @Query("SELECT name, value FROM events WHERE user_id = :user ORDER BY ts")
    List<Map<String, Object>> rowsOf(long user);

    @Query("SELECT count() FROM events WHERE name IN :names")
    long countNamed(Collection<String> names);

    @Query("SELECT ?fields FROM events WHERE ts >= :since")
    Stream<UserAndName> projectedSince(Instant since);

    @Query(value = "SELECT ?fields FROM events WHERE user_id = :user", countQuery = "SELECT count() FROM events "
            + "WHERE user_id = :user")
    Page<Event> pageOf(long user, Pageable pageable);

    @Query("ALTER TABLE events DELETE WHERE name = :name")
    void mutateAwayName(String name);

    List<Event> findByNameOrUserId(String name, long userId);

    List<Event> findByValueLessThan(double value);

    List<Event> findByValueLessThanEqual(double value);

    List<Event> findByValueGreaterThan(double value);

    List<Event> findByValueGreaterThanEqual(double value);

    List<Event> findByTsAfter(Instant ts);

    List<Event> findByTsBefore(Instant ts);

    List<Event> findByUserIdIn(Collection<Long> users);

    List<Event> findByUserIdNotIn(long[] users);

    List<Event> findByNameLike(String pattern);

    List<Event> findByNameNotLike(String pattern);

    List<Event> findByNameStartingWith(String prefix);

    List<Event> findByNameEndingWith(String suffix);

    List<Event> findByNameContaining(String infix);

    List<Event> findByNameNotContaining(String infix);

    List<Event> findByNameIgnoreCase(String name);

    List<Event> findByNameStartingWithIgnoreCase(String prefix);

    List<Event> findByNameNot(String name);

    List<NameOnly> findDistinctByUserIdOrderByNameAsc(long userId);

    List<UserAndName> findByValue(double value);

    <T> List<T> findByUserIdOrderByTs(long userId, Class<T> type);

    Optional<Event> findFirstByOrderByTsAsc();

    // null when no row matches: this package is @NullMarked, so Spring Data refuses a null return not declared
    @Nullable Event findOneByName(String name);

    void deleteByName(String name);

    long deleteByUserId(long userId);
}
