package io.chspring.benchmarks;

import java.time.Instant;

/** The benchmark row as a record: what our client encodes and decodes. Column names are the snake_case names. */
public record Event(long id, Instant ts, long userId, String url, String referrer, double duration, int status,
        String comment, long[] tags, Kind kind) {
}
