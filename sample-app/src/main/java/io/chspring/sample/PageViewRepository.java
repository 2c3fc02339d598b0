package io.chspring.sample;

import io.chspring.data.repository.ClickHouseRepository;
import io.chspring.data.repository.Query;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads of {@code page_views}: derived queries for rows, {@code @Query} for the aggregations. */
public interface PageViewRepository extends ClickHouseRepository<PageView, UUID> {

    /** The latest views of one page. */
    List<PageView> findTop20ByPathOrderByTsDesc(String path);

    /** The views of one visitor in a time range, newest first. */
    List<PageView> findByUserIdAndTsBetweenOrderByTsDesc(String userId, Instant from, Instant to);

    /** How often a page was viewed since a moment. */
    long countByPathAndTsGreaterThanEqual(String path, Instant since);

    /** The most viewed pages since a moment, with their distinct visitors. */
    @Query("SELECT path, count() AS views, uniqExact(user_id) AS users FROM page_views WHERE ts >= :since "
            + "GROUP BY path ORDER BY views DESC, path LIMIT :limit")
    List<PageCount> topPages(Instant since, int limit);

    /** Views per minute since a moment, oldest minute first; minutes without views are absent. */
    @Query("SELECT toStartOfMinute(ts) AS minute, count() AS views FROM page_views WHERE ts >= :since "
            + "GROUP BY minute ORDER BY minute")
    List<MinuteCount> viewsPerMinute(Instant since);

    /** Distinct visitors since a moment (exact; {@code uniq} would be the cheaper estimate at scale). */
    @Query("SELECT uniqExact(user_id) FROM page_views WHERE ts >= :since")
    long uniqueUsers(Instant since);

    /**
     * Views of one page.
     *
     * @param path the page
     * @param views its views
     * @param users its distinct visitors
     */
    record PageCount(String path, long views, long users) {
    }

    /**
     * Views in one minute.
     *
     * @param minute the start of the minute
     * @param views the views in it
     */
    record MinuteCount(Instant minute, long views) {
    }
}
