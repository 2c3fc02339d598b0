package io.chspring.client.request;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Row readers built for earlier results, by what they were built for (the row type, the result's columns, the mapping
 * options): building one makes method handles and lambda forms, which cost a small query more than reading its rows.
 * Readers are immutable and thread-safe, so every query of a client shares them. Shared by a root client and its
 * derived copies; bounded by {@link #MAX_ENTRIES} (emptied when full).
 *
 * <p>Internal: public only because the requests that use it live in their own packages.
 */
public final class ReaderCache {

    /** The most readers kept; reaching it empties the cache. */
    public static final int MAX_ENTRIES = 256;

    private final ConcurrentMap<Object, Object> readers = new ConcurrentHashMap<>();

    ReaderCache() {
    }

    /**
     * The reader stored under {@code key} (a value with {@code equals}), else the one {@code build} makes, stored; a
     * build that throws stores nothing. Two threads may build the same reader at once; one of them is kept.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(Object key, Supplier<V> build) {
        Object known = readers.get(key);
        if (known != null) {
            return (V) known;
        }
        // built outside the map's locks: building takes a while, and a reader may be built for another key meanwhile
        V built = build.get();
        if (readers.size() >= MAX_ENTRIES) {
            readers.clear();
        }
        Object raced = readers.putIfAbsent(key, built);
        return raced != null ? (V) raced : built;
    }

    /** The number of readers held; for tests. */
    public int size() {
        return readers.size();
    }
}
