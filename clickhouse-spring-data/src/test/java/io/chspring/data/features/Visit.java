package io.chspring.data.features;

import io.chspring.data.mapping.Table;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;

/** {@code secret} is an ALIAS column that fails the query when a row of user 666 is read with it. */
@Table("visits")
public record Visit(@Id long id, Instant ts, String page, long userId, @ReadOnlyProperty String secret) {

    public Visit(long id, Instant ts, String page, long userId) {
        this(id, ts, page, userId, "0");
    }
}
