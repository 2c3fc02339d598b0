package io.chspring.boot.test.app;

import io.chspring.data.repository.ClickHouseRepository;
import io.chspring.data.repository.Query;
import java.util.List;

public interface ReadingRepository extends ClickHouseRepository<Reading, Long> {

    List<Reading> findBySensorOrderByIdAsc(String sensor);

    @Query("SELECT avg(value) FROM readings WHERE sensor = :sensor")
    double averageOf(String sensor);
}
