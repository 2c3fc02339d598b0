package io.chspring.boot.autoconfigure.app;

import io.chspring.data.repository.ClickHouseRepository;
import java.util.List;

/** A test repository in the application's package. */
public interface EventRepository extends ClickHouseRepository<Event, Long> {

    /** A derived query, checked when the repository is created. */
    List<Event> findByName(String name);
}
