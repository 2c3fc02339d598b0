package io.chspring.data.features;

import io.chspring.data.repository.ClickHouseRepository;
import io.chspring.data.repository.Query;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

public interface VisitRepository extends ClickHouseRepository<Visit, Long> {

    interface PageOnly {
        String getPage();
    }

    interface PageAndUser {
        String getPage();

        long getUserId();
    }

    record PageRecord(String page, long userId) {
    }

    Window<Visit> findFirst3ByUserIdOrderByTsAsc(long userId, ScrollPosition position);

    Window<Visit> findByUserId(long userId, ScrollPosition position, Limit limit, Sort sort);

    Window<PageOnly> findFirst2ByUserIdOrderByTsDesc(long userId, ScrollPosition position);

    @Query("SELECT ?fields FROM visits WHERE user_id = :user")
    Window<Visit> scrollOf(long user, ScrollPosition position, Limit limit, Sort sort);

    Slice<Visit> findSliceByUserId(long userId, Pageable page);

    List<Visit> findByUserIdOrderById(long userId);

    List<PageAndUser> findProjectedByUserIdOrderById(long userId);

    List<PageRecord> findRecordsByUserIdOrderById(long userId);

    @Query("SELECT ?fields FROM visits WHERE user_id = :user ORDER BY id")
    List<PageAndUser> projectedOf(long user);
}
