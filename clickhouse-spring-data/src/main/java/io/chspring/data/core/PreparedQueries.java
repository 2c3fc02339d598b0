package io.chspring.data.core;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.query.PreparedQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The template's prepared queries, one per (SQL, result class, row type), so that a repository method or template
 * read run again and again lexes its SQL, writes in its {@code ?fields} and builds its row reader once. Bounded: the
 * least recently used entry goes when a new one would exceed the capacity (SQL with ORDER BY and LIMIT written in per
 * page makes new entries). Thread-safe; lookups hold a lock for a map access only, never during I/O.
 */
final class PreparedQueries {

    private record Key(String sql, Class<?> type, @Nullable RowType<?> rowType) {
    }

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Map<Key, PreparedQuery<?>> cache;
    private volatile int capacity;

    PreparedQueries(int capacity) {
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @java.io.Serial
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PreparedQuery<?>> eldest) {
                return size() > PreparedQueries.this.capacity;
            }
        };
    }

    /** The prepared query for {@code sql} read as {@code type} (through {@code rowType} when not {@code null}). */
    @SuppressWarnings("unchecked")
    <T> PreparedQuery<T> get(ClickHouseClient client, String sql, Class<T> type, @Nullable RowType<T> rowType) {
        Key key = new Key(sql, type, rowType);
        PreparedQuery<?> known;
        synchronized (cache) {
            known = cache.get(key);
        }
        if (known != null) {
            hits.increment();
            return (PreparedQuery<T>) known;
        }
        // prepared outside the lock (it lexes the SQL); two threads missing at once both prepare, one entry stays
        PreparedQuery<T> prepared = rowType != null ? client.prepare(sql, rowType, MappingOptions.DEFAULT)
                : client.prepare(sql, type);
        misses.increment();
        synchronized (cache) {
            PreparedQuery<?> raced = cache.putIfAbsent(key, prepared);
            return raced != null ? (PreparedQuery<T>) raced : prepared;
        }
    }

    void capacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("The prepared query cache size must not be negative, not " + capacity);
        }
        synchronized (cache) {
            this.capacity = capacity;
            var entries = cache.entrySet().iterator();
            while (cache.size() > capacity && entries.hasNext()) {
                entries.next();
                entries.remove();
            }
        }
    }

    PreparedQueryCacheStats stats() {
        synchronized (cache) {
            long readers = cache.values().stream().mapToLong(PreparedQuery::readerBuilds).sum();
            return new PreparedQueryCacheStats(cache.size(), capacity, hits.sum(), misses.sum(), readers);
        }
    }
}
