package io.chspring.data.core;

/**
 * What the template's prepared-query cache holds and did: reads of the same SQL as the same type (a repository method,
 * a template query run again) use one prepared query, lexed once, with its row reader built once.
 *
 * @param size the prepared queries held now
 * @param capacity the most it holds (least recently used ones go first)
 * @param hits reads that found their prepared query
 * @param misses reads that prepared a new one
 * @param readerBuilds the row readers built by the prepared queries held now: one per query, more only when a
 *     query's result columns changed between runs
 */
public record PreparedQueryCacheStats(int size, int capacity, long hits, long misses, long readerBuilds) {
}
