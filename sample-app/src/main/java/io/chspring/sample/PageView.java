package io.chspring.sample;

import io.chspring.data.mapping.Table;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;

/**
 * One page view, a row of {@code page_views} (db/clickhouse/V1__page_views.sql). Property names map to snake_case columns
 * ({@code userId} to {@code user_id}).
 *
 * @param id a random id given when the event arrives
 * @param ts when the page was viewed, second precision (a ClickHouse {@code DateTime})
 * @param path the page, for example {@code /pricing}
 * @param userId an opaque visitor id
 * @param referrer where the visitor came from, empty when unknown
 * @param durationMs time on the page in milliseconds ({@code UInt32})
 */
@Table("page_views")
public record PageView(@Id UUID id, Instant ts, String path, String userId, String referrer, long durationMs) {
}
