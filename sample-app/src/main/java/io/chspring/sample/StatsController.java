package io.chspring.sample;

import io.chspring.sample.PageViewRepository.MinuteCount;
import io.chspring.sample.PageViewRepository.PageCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /stats/...}: aggregations over a trailing window of {@code minutes} (default 60, at most a week). */
@RestController
@RequestMapping("/stats")
class StatsController {

    private static final int MAX_MINUTES = 7 * 24 * 60;
    private static final int MAX_LIMIT = 1000;

    private final PageViewRepository pageViews;
    private final Clock clock;

    @Autowired
    StatsController(PageViewRepository pageViews) {
        this(pageViews, Clock.systemUTC());
    }

    StatsController(PageViewRepository pageViews, Clock clock) {
        this.pageViews = pageViews;
        this.clock = clock;
    }

    @GetMapping("/top-pages")
    List<PageCount> topPages(@RequestParam(defaultValue = "60") int minutes,
            @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        return pageViews.topPages(since(minutes), limit);
    }

    @GetMapping("/views-per-minute")
    List<MinuteCount> viewsPerMinute(@RequestParam(defaultValue = "60") int minutes) {
        return pageViews.viewsPerMinute(since(minutes));
    }

    @GetMapping("/unique-users")
    Map<String, Long> uniqueUsers(@RequestParam(defaultValue = "60") int minutes) {
        return Map.of("uniqueUsers", pageViews.uniqueUsers(since(minutes)));
    }

    @GetMapping("/pages")
    PageStats page(@RequestParam String path, @RequestParam(defaultValue = "60") int minutes) {
        return new PageStats(path, pageViews.countByPathAndTsGreaterThanEqual(path, since(minutes)),
                pageViews.findTop20ByPathOrderByTsDesc(path));
    }

    @GetMapping("/users")
    List<PageView> user(@RequestParam String userId, @RequestParam(defaultValue = "60") int minutes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return pageViews.findByUserIdAndTsBetweenOrderByTsDesc(userId, since(minutes), now);
    }

    /**
     * One page's numbers.
     *
     * @param path the page
     * @param views its views in the window
     * @param latest its latest 20 views, newest first
     */
    record PageStats(String path, long views, List<PageView> latest) {
    }

    private Instant since(int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "minutes must be 1.." + MAX_MINUTES + ": " + minutes);
        }
        // Whole seconds, like the DateTime column: a fractional Instant would be sent as a DateTime64 literal, which
        // servers before 20.1 (18.16 among them) do not know.
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(minutes));
    }
}
